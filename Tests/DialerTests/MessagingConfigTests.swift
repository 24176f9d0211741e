import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Config: the SMS gateway, webhooks and the screen pop")
struct MessagingConfigTests {
    static let complete = """
        database "data/dialer.db"
        sms {
          url      "https://sms.example.com/v1/send?key={{key}}"
          method   PUT
          token    env SMS_TOKEN
          header   "X-Api-Key" env SMS_KEY
          header   "X-Api-Version" "2"
          json     "{\\"to\\": \\"{{to}}\\", \\"text\\": \\"{{text}}\\"}"
          success  200-202
          success-field status "ok"
          deduplicates no
          sender   "ACME"
          hours    07:00-22:00
          rate     3
          tries    5
          backoff  10s to 10m
          connect-timeout 2s
          timeout  20s
          max-response 64KB
        }
        webhook crm "https://crm.example.com/hooks/dialer" {
          secret env CRM_SECRET
          deduplicates yes
          events final
          header "X-Team" "renewals"
        }
        webhook audit "https://audit.example.com/in" {
          secret env AUDIT_SECRET
          deduplicates no
          timeout 1m
          max-response 2MB
        }
        screen-pop "https://crm.example.com/pop?agent={agent}&n={number}&call={call_id}"

        """

    @Test func aCompleteConfigBecomesTheDeliverysConfigurationWithSecretsFromTheEnvironment() throws {
        let (read, diagnostics) = DaemonConfigReader.parse(Self.complete, file: "/etc/dialer/dialerd.conf")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let config = try #require(read)
        let messaging = try DaemonMessaging.configuration(config, environment: [
            "SMS_TOKEN": "t0k", "SMS_KEY": "k3y", "CRM_SECRET": "crm-s", "AUDIT_SECRET": "audit-s",
        ])
        guard case .http(let http) = messaging.sms.kind else {
            Issue.record("an HTTP gateway was expected")
            return
        }
        #expect(http.url == "https://sms.example.com/v1/send?key={{key}}")
        #expect(http.method == "PUT")
        #expect(http.headers == [HTTPHeader("Authorization", "Bearer t0k"), HTTPHeader("X-Api-Key", "k3y"),
                                 HTTPHeader("X-Api-Version", "2")])
        #expect(http.body == .json(#"{"to": "{{to}}", "text": "{{text}}"}"#))
        #expect(http.success.statuses == 200...202)
        #expect(http.success.jsonField?.name == "status" && http.success.jsonField?.value == "ok")
        #expect(!http.honoursIdempotencyKey)
        #expect(messaging.sms.defaultSender == "ACME")
        #expect(messaging.sms.sendingHours == TimeRange(start: TimeOfDay(hour: 7, minute: 0), end: TimeOfDay(hour: 22, minute: 0)))
        #expect(messaging.sms.ratePerSecond == 3)
        #expect(messaging.sms.retry == RetryBackoff(maxTries: 5, baseSeconds: 10, capSeconds: 600))
        #expect(messaging.webhooks.map(\.name) == ["crm", "audit"])
        #expect(messaging.webhooks[0].secret == "crm-s" && messaging.webhooks[0].events == [.final])
        #expect(messaging.webhooks[0].headers == [HTTPHeader("X-Team", "renewals")])
        #expect(messaging.webhooks[1].events == [.attempt, .final])
        #expect(messaging.webhooks.map(\.honoursIdempotencyKey) == [true, false])
        #expect(messaging.sms.http == HTTPClientOptions(connectTimeoutMilliseconds: 2_000, totalTimeoutMilliseconds: 20_000,
                                                        maxResponseBytes: 64 << 10))
        #expect(messaging.webhooks.map(\.http) == [
            HTTPClientOptions(),
            HTTPClientOptions(totalTimeoutMilliseconds: 60_000, maxResponseBytes: 2 << 20),
        ])
        #expect(messaging.screenPop == "https://crm.example.com/pop?agent={agent}&n={number}&call={call_id}")
    }

    @Test func withoutAnSMSBlockMessagesGoToAnOutboxFileBesideTheDatabase() throws {
        let (read, _) = DaemonConfigReader.parse("database \"data/dialer.db\"\n", file: "/srv/dialerd.conf")
        let messaging = try DaemonMessaging.configuration(try #require(read), environment: [:])
        #expect(messaging.sms.kind == .outboxFile(path: "/srv/data/outbox.jsonl"))
        #expect(messaging.webhooks.isEmpty)
        let (named, _) = DaemonConfigReader.parse("sms {\n  outbox \"out/sms.jsonl\"\n  sender \"ACME\"\n}\n", file: "/srv/d.conf")
        #expect(try DaemonMessaging.configuration(try #require(named), environment: [:]).sms.kind
                == .outboxFile(path: "/srv/out/sms.jsonl"))
    }

    @Test func unsetVariablesAreAllNamedAtStartUp() throws {
        let (read, _) = DaemonConfigReader.parse(Self.complete, file: "d.conf")
        let config = try #require(read)
        let error = #expect(throws: EnvironmentError.self) { try DaemonMessaging.configuration(config, environment: ["SMS_KEY": "k"]) }
        #expect(error?.description.hasSuffix("are not set: SMS_TOKEN, CRM_SECRET, AUDIT_SECRET") == true)
    }

    @Test func importingOutcomesPlansForTheWebhooksWithoutTheirSecrets() throws {
        let (read, _) = DaemonConfigReader.parse(Self.complete, file: "d.conf")
        let messaging = try DaemonMessaging.configuration(try #require(read), environment: [:], readingSecrets: false)
        #expect(messaging.webhooks.map(\.name) == ["crm", "audit"])
        #expect(messaging.sms.defaultSender == "ACME")
    }

    /// Each bad setting gets its error id, at its place.
    @Test(arguments: [
        ("sms {\n  url \"ftp://x\"\n}", "invalid-url", "\"ftp://x\""),
        ("sms {\n  url \"http://127.0.0.1:99999/x\"\n  deduplicates yes\n}", "invalid-url", "\"http://127.0.0.1:99999/x\""),
        ("webhook crm \"https://:8080/in\" {\n  secret env S\n  deduplicates yes\n}", "invalid-url", "\"https://:8080/in\""),
        ("sms {\n  url \"https://x/?to={{phone}}\"\n}", "unknown-placeholder", "\"https://x/?to={{phone}}\""),
        ("sms {\n  json \"{}\"\n}", "needs-url", "json"),
        ("sms {\n  outbox \"a.jsonl\"\n  url \"https://x\"\n}", "conflicting-gateway", "sms"),
        ("sms {\n  url \"https://x\"\n  deduplicates yes\n  token \"abc\"\n}", "secret-in-config", "\"abc\""),
        ("sms {\n  url \"https://x\"\n  deduplicates yes\n  success 200-99\n}", "invalid-status", "200-99"),
        ("sms {\n  url \"https://x\"\n  deduplicates yes\n  method FETCH\n}", "invalid-method", "FETCH"),
        ("sms {\n  url \"https://x\"\n  deduplicates yes\n  header \"Bad Name\" \"v\"\n}", "invalid-header", "\"Bad Name\""),
        ("sms {\n  url \"https://x\"\n  deduplicates yes\n  form to \"{{to}}\", text\n}", "invalid-form", "text"),
        ("sms {\n  backoff 1h to 1m\n}", "invalid-backoff", "1h"),
        ("sms {\n  rate 0\n}", "invalid-number", "0"),
        ("sms {\n  url \"https://x\"\n  deduplicates yes\n  timeout 2h\n}", "invalid-duration", "2h"),
        ("sms {\n  url \"https://x\"\n  deduplicates yes\n  max-response 1GB\n}", "invalid-size", "1GB"),
        ("sms {\n  url \"https://x\"\n  deduplicates yes\n  max-response 100MB\n}", "invalid-size", "100MB"),
        ("sms {\n  timeout 5s\n}", "needs-url", "timeout"),
        ("webhook crm \"https://x\" {\n  events attempt, finale\n  secret env S\n  deduplicates yes\n}", "unknown-event", "finale"),
        ("webhook crm \"https://x\" {\n  events final\n}", "missing-setting", "crm"),
        ("webhook crm \"https://x\" {\n  secret env S\n  deduplicates yes\n}\nwebhook crm \"https://y\" {\n  secret env T\n  deduplicates yes\n}",
         "duplicate-webhook", "crm"),
        ("sms {\n  url \"https://x\"\n}", "missing-setting", "url"),
        ("webhook crm \"https://x\" {\n  secret env S\n}", "missing-setting", "crm"),
        ("screen-pop \"https://crm/pop?c={customer}\"", "unknown-placeholder", "\"https://crm/pop?c={customer}\""),
    ])
    func problemsAreReportedWhereTheyAre(text: String, id: String, marked: String) throws {
        let (config, diagnostics) = DaemonConfigReader.parse(text + "\n", file: "d.conf")
        #expect(config == nil)
        let diagnostic = try #require(diagnostics.first { $0.id == id }, "\(diagnostics.map(\.id))")
        let bytes = Array((text + "\n").utf8)
        let found = String(decoding: bytes[diagnostic.range.start..<diagnostic.range.end], as: UTF8.self)
        if id == "duplicate-webhook" {
            #expect(diagnostic.range.start > text.firstRange(of: "}")?.lowerBound.utf16Offset(in: text) ?? 0)
        }
        #expect(found == marked)
    }

    @Test func aGatewayOrWebhookMustSayWhetherItDeduplicates() throws {
        let text = "sms {\n  url \"https://x\"\n}\nwebhook crm \"https://y\" {\n  secret env S\n}\n"
        let (config, diagnostics) = DaemonConfigReader.parse(text, file: "d.conf")
        #expect(config == nil)
        #expect(diagnostics.count == 2)
        for diagnostic in diagnostics {
            #expect(diagnostic.message.contains("Idempotency-Key"))
            #expect(diagnostic.hint?.contains("`deduplicates yes`") == true && diagnostic.hint?.contains("`deduplicates no`") == true)
        }
    }

    /// URLs that libcurl could never call are refused at check, with the reason.
    @Test(arguments: [
        ("http://127.0.0.1:99999/x", "port '99999'"), ("http://127.0.0.1:0/x", "port '0'"), ("https://h:/x", "port ''"),
        ("https:///x", "no host"), ("http://?a=b", "no host"), ("https://sms.example.com/send?text=a b", "space"),
        ("http://2001:db8::1/x", "brackets"), ("http://[2001:db8::1/x", "closing ]"), ("http://[zz::1]/x", "not an IPv6"),
        ("http://{{to}}.example.com/x", "placeholder"), ("http://exa mple.com/", "space"), ("ftp://x/", "http://"),
        ("http://ex!ample.com/", "host name"),
    ])
    func urlsThatCannotBeCalled(url: String, reason: String) throws {
        #expect(HTTPURLSyntax.problem(in: url)?.contains(reason) == true, "\(HTTPURLSyntax.problem(in: url) ?? "accepted")")
    }

    @Test(arguments: ["https://sms.example.com/v1/send?key={{key}}", "http://127.0.0.1:8080/sms", "http://[::1]:65535/in",
                      "https://user@crm.example.com/hooks", "http://localhost", "https://bücher.example/x"])
    func urlsThatCanBeCalled(url: String) {
        #expect(HTTPURLSyntax.problem(in: url) == nil)
    }

    @Test(arguments: ["docs/messaging.md", "docs/operations.md"])
    func theConfigExamplesOfTheDocsReadClean(document: String) throws {
        let path = SimulatedDeliveryTests.repository.appendingPathComponent(document).path
        let blocks = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "```")
            .enumerated().filter { $0.offset % 2 == 1 }.map(\.element).filter { $0.contains("sms {") }
        #expect(!blocks.isEmpty)
        for block in blocks {
            let (config, diagnostics) = DaemonConfigReader.parse(block, file: "/etc/dialer/dialerd.conf")
            #expect(config != nil && diagnostics.isEmpty, "\(diagnostics.map(\.message))\n\(block)")
        }
    }

    @Test func aConfigErrorRendersWithLineColumnCaretAndHint() {
        let text = "sms {\n  url \"https://sms.example.com/send?to={{number}}\"\n}\n"
        let (_, diagnostics) = DaemonConfigReader.parse(text, file: "dialerd.conf")
        var sources = SourceFiles()
        sources.add(SourceFile(path: "dialerd.conf", text: text))
        let rendered = DiagnosticRenderer(sources: sources, color: false).render(diagnostics)
        #expect(rendered.contains("dialerd.conf:2:7: error: unknown placeholder {{number}} [unknown-placeholder]"), "\(rendered)")
        #expect(rendered.contains("^~~"))
        #expect(rendered.contains("hint: known: {{to}} {{text}} {{sender}} {{key}} {{encoding}} {{segments}}"), "\(rendered)")
    }
}
