import CampaignDSL
import Foundation
import Testing

@Suite struct OperationsConfigTests {
    @Test func aCompleteConfigIsRead() throws {
        let text = """
            database  "data/dialer.db"      # relative to this file
            campaigns "/etc/dialer/campaigns"
            reports   "reports"
            log-level debug
            log-numbers yes
            telephony asterisk {
              host     "pbx.example.com"
              port     5039
              username "dialer"
              secret   env AMI_SECRET
              channel  "PJSIP/{number}@trunk"
              queue    "renewals"
              amd      yes
              amd-false-positives 2.5%
              lines    40
              calls-per-second 5
              extension s
            }
            sms {
              url   "https://sms.example.com/send"
              token env SMS_TOKEN
              deduplicates no
            }

            """
        let (config, diagnostics) = DaemonConfigReader.parse(text, file: "/etc/dialer/dialerd.conf")
        #expect(diagnostics.isEmpty)
        let read = try #require(config)
        #expect(read.databasePath == "/etc/dialer/data/dialer.db")
        #expect(read.campaignsFolder == "/etc/dialer/campaigns")
        #expect(read.reportsFolder == "/etc/dialer/reports")
        #expect(read.logLevel == "debug" && read.logNumbers)
        #expect(read.telephony == .asterisk(AsteriskSettings(
            host: "pbx.example.com", port: 5039, username: "dialer", secret: SecretReference(variable: "AMI_SECRET"),
            channel: "PJSIP/{number}@trunk", extension_: "s", queue: "renewals", amd: true, amdFalsePositivePercent: 2.5,
            lines: 40, callsPerSecond: 5)))
        #expect(read.sms == SMSGatewaySettings(gateway: .http(HTTPGatewaySettings(
            url: "https://sms.example.com/send",
            headers: [HeaderSetting(name: "Authorization", value: .secret(SecretReference(variable: "SMS_TOKEN"), prefix: "Bearer "))],
            deduplicates: false))))
    }

    @Test func theSimulatedNetworkTakesASeedAScaleAndAStart() throws {
        let (config, diagnostics) = DaemonConfigReader.parse(
            "telephony simulated {\n  seed 7\n  time-scale 600\n  start 2026-03-02 08:20 Asia/Ho_Chi_Minh\n}\n", file: "d.conf")
        #expect(diagnostics.isEmpty)
        let start = ClockStart(date: LocalDate(year: 2026, month: 3, day: 2), time: TimeOfDay(hour: 8, minute: 20),
                               timeZone: "Asia/Ho_Chi_Minh")
        #expect(config?.telephony == .simulated(SimulatedTelephonySettings(seed: 7, timeScale: 600, start: start)))
    }

    @Test func anEmptyConfigGivesTheDefaults() {
        let (config, diagnostics) = DaemonConfigReader.parse("# nothing\n", file: "d.conf")
        #expect(diagnostics.isEmpty)
        #expect(config == DaemonConfig())
    }

    /// Each bad line gets its error id, at its place.
    @Test(arguments: [
        ("secret \"hunter2\"", "secret-in-config", "\"hunter2\""),
        ("databse \"x.db\"", "unknown-setting", "databse"),
        ("log-level loud", "invalid-log-level", "loud"),
        ("database x.db", "invalid-value", "x.db"),
        ("telephony sip {\n}", "unknown-backend", "sip"),
        ("telephony asterisk {\n  host \"h\"\n}", "missing-setting", "telephony"),
    ])
    func problemsAreReportedWhereTheyAre(line: String, id: String, marked: String) throws {
        let text: String
        if line.hasPrefix("secret") {
            text = "telephony asterisk {\n  host \"h\"\n  username \"u\"\n  channel \"SIP/{number}\"\n  \(line)\n}\n"
        } else {
            text = line + "\n"
        }
        let (config, diagnostics) = DaemonConfigReader.parse(text, file: "d.conf")
        #expect(config == nil)
        let diagnostic = try #require(diagnostics.first { $0.id == id }, "\(diagnostics.map(\.id))")
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[diagnostic.range.start..<diagnostic.range.end], as: UTF8.self) == marked)
    }

    @Test func aSettingGivenTwiceIsAnError() {
        let (_, diagnostics) = DaemonConfigReader.parse("log-level info\nlog-level debug\n", file: "d.conf")
        #expect(diagnostics.map(\.id) == ["duplicate-setting"])
        #expect(diagnostics.first?.notes == ["first set on line 1"])
    }

    @Test func diagnosticsRenderLikeACampaignsWithLineColumnCaretAndHint() {
        let text = "database \"d.db\"\nlog-levle info\n"
        let (_, diagnostics) = DaemonConfigReader.parse(text, file: "dialerd.conf")
        var sources = SourceFiles()
        sources.add(SourceFile(path: "dialerd.conf", text: text))
        let rendered = DiagnosticRenderer(sources: sources, color: false).render(diagnostics)
        #expect(rendered.contains("dialerd.conf:2:1: error: unknown setting 'log-levle' [unknown-setting]"))
        #expect(rendered.contains("^"))
        #expect(rendered.contains("did you mean `log-level`?"))
    }
}
