import CampaignDSL
import Foundation
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

@Suite("docs/web.md stays true")
struct WebDocumentationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theConfigExamplesRead() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/web.md"), encoding: .utf8)
        let blocks = text.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            .filter { $0.contains("http {") }
        #expect(!blocks.isEmpty)
        for block in blocks {
            let (config, diagnostics) = DaemonConfigReader.parse(block, file: "/etc/dialer/dialerd.conf")
            #expect(config?.http?.port == 8080 && diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        }
    }

    @Test func everyErrorCodeTheAPIAnswersIsDocumented() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/web.md"), encoding: .utf8)
        let sources = try ["WebApplication+API.swift", "WebApplication+ClickToCall.swift", "WebApplication.swift", "APIError.swift"]
            .map { try String(contentsOf: Self.repository.appendingPathComponent("Sources/Dialer/Web/" + $0), encoding: .utf8) }
            .joined() + (try String(contentsOf: Self.repository.appendingPathComponent("Sources/Dialer/Compile/CampaignCompiler+APIContacts.swift"),
                                    encoding: .utf8))
        let codes = Set(sources.matches(of: /(?:APIError\(\d{3}, |code: )"([a-z_]+)"/).map { String($0.output.1) })
        #expect(codes.count > 15)
        for code in codes.sorted() where code != "internal" {
            #expect(text.contains("`\(code)`") || text.contains("\"code\": \"\(code)\""), "docs/web.md does not name \(code)")
        }
    }
}
