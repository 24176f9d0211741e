import CampaignDSL
import Testing

@Suite("the http block of the daemon config")
struct WebConfigTests {
    @Test func listenAndTLSFilesAreRead() throws {
        let (config, diagnostics) = DaemonConfigReader.parse("""
            http {
              listen 0.0.0.0:8443
              tls-certificate "tls/cert.pem"
              tls-key "/etc/dialer/key.pem"
            }
            """, file: "/etc/dialer/dialerd.conf")
        #expect(diagnostics.isEmpty)
        let http = try #require(config?.http)
        #expect(http == HTTPSettings(host: "0.0.0.0", port: 8443, tlsCertificate: "/etc/dialer/tls/cert.pem",
                                     tlsKey: "/etc/dialer/key.pem"))
    }

    @Test func anIPv6AddressIsWrittenInBracketsAndQuotes() throws {
        let (config, diagnostics) = DaemonConfigReader.parse("http {\n  listen \"[::1]:8080\"\n}\n", file: "d.conf")
        #expect(diagnostics.isEmpty)
        #expect(config?.http == HTTPSettings(host: "::1", port: 8080))
    }

    @Test func withoutTheBlockNoServerIsStarted() {
        #expect(DaemonConfigReader.parse("log-level info\n", file: "d.conf").config?.http == nil)
    }

    @Test(arguments: [
        ("http {\n  listen 127.0.0.1\n}\n", "invalid-listen"),
        ("http {\n  listen 127.0.0.1:99999\n}\n", "invalid-listen"),
        ("http {\n  tls-certificate \"c.pem\"\n}\n", "missing-setting"),
        ("http {\n  tls-key \"k.pem\"\n}\n", "missing-setting"),
        ("http {\n  lisen 127.0.0.1:80\n}\n", "unknown-setting"),
    ])
    func mistakesAreDiagnosed(text: String, id: String) {
        let (config, diagnostics) = DaemonConfigReader.parse(text, file: "d.conf")
        #expect(config == nil)
        #expect(diagnostics.map(\.id) == [id])
    }
}
