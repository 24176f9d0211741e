import Foundation
import Testing
@testable import Dialer

@Suite("Webhooks: signed, retried, deduplicated; screen pop")
struct WebhookTests {
    @Test("HMAC-SHA256 matches the RFC 4231 test vectors",
          arguments: [
            ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
          ])
    func rfc4231(key: [UInt8], message: [UInt8], expected: String) throws {
        let digest = try #require(WebhookSignature.hmacSHA256(key: key, message: message))
        #expect(WebhookSignature.hex(digest) == expected)
    }

    @Test("an empty body is signed too")
    func emptyBody() {
        #expect(WebhookSignature.value(secret: "s", body: [])?.count == 7 + 64)
    }

    static let webhook = WebhookConfiguration(name: "crm", url: "", secret: "top secret",
                                              retry: RetryBackoff(maxTries: 4, baseSeconds: 5, capSeconds: 60),
                                              honoursIdempotencyKey: true)

    @Test("attempt and final results reach the webhook once each, signed over the exact body, through a 500")
    func delivered() async throws {
        let server = try LoopbackHTTPServer { _, number in number == 0 ? .respond(status: 500) : .respond(status: 204) }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        var webhook = Self.webhook
        webhook.url = server.url + "/hooks/dialer"
        let configuration = MessagingConfiguration(sms: GatewayConfiguration(kind: .outboxFile(path: fixture.directory.file("s"))),
                                                   webhooks: [webhook])
        var spec = EngineFixture.spec()
        spec.id = "renewals"
        let planner = try FollowUpPlanner(campaign: fixture.campaign, spec: spec, configuration: configuration)
        let contact = ContactFacts(id: fixture.contacts[0], number: OutboxFixture.number(0), name: "An", fields: ["plan": "Gold"])
        let attempt = AttemptFacts(
            call: 31, contact: contact, number: contact.number, outcome: .answered, placedAt: fixture.start,
            answeredAt: fixture.start.addingTimeInterval(8), endedAt: fixture.start.addingTimeInterval(200), agent: "binh",
            disposition: "sale", answers: ["renew": "yes"], recordingURL: "https://rec.example/31.wav")
        let final = ContactResult(contact: contact, state: .completed, lastOutcome: .answered, attempts: 1,
                                  finishedAt: fixture.start.addingTimeInterval(200), disposition: "sale",
                                  lastCall: ContactResult.LastCall(attempt))
        for _ in 0..<3 {
            try fixture.store.enqueue(planner.onAttemptEnded(attempt) + planner.onJobFinal(final), at: fixture.start)
        }
        try await fixture.drain(try fixture.delivery(configuration, transport: try loopbackClient()))

        let requests = server.requests
        #expect(requests.count == 3)  // the first failed with 500 and was retried with its key
        #expect(Set(requests.compactMap { $0.header("Idempotency-Key") }).count == 2)
        for request in requests {
            let expected = "sha256=" + WebhookSignature.hex(try #require(
                WebhookSignature.hmacSHA256(key: Array("top secret".utf8), message: request.body)))
            #expect(request.header("X-Dialer-Signature") == expected)
            #expect(request.method == "POST")
            #expect(request.path == "/hooks/dialer")
            #expect(request.header("Content-Type") == "application/json; charset=utf-8")
        }
        let documents = try requests.map { try #require(try JSONSerialization.jsonObject(with: Data($0.body)) as? [String: Any]) }
        let attemptDocument = try #require(documents.first { $0["event"] as? String == "attempt" })
        #expect(attemptDocument["call_id"] as? Int == 31)
        #expect(attemptDocument["campaign"] as? String == "renewals")
        #expect(attemptDocument["number"] as? String == OutboxFixture.number(0))
        #expect(attemptDocument["outcome"] as? String == "answered")
        #expect(attemptDocument["agent"] as? String == "binh")
        #expect(attemptDocument["disposition"] as? String == "sale")
        #expect(attemptDocument["answers"] as? [String: String] == ["renew": "yes"])
        #expect(attemptDocument["recording_url"] as? String == "https://rec.example/31.wav")
        #expect(attemptDocument["answered_at"] as? String == "2026-03-02T03:00:08Z")
        #expect((attemptDocument["contact"] as? [String: Any])?["fields"] as? [String: String] == ["plan": "Gold"])
        let finalDocument = try #require(documents.first { $0["event"] as? String == "final" })
        #expect(finalDocument["state"] as? String == "completed")
        #expect(finalDocument["attempts"] as? Int == 1)
        #expect(finalDocument["call_id"] as? Int == 31)
        #expect(finalDocument["agent"] as? String == "binh")
        #expect(finalDocument["placed_at"] as? String == "2026-03-02T03:00:00Z")
        #expect(finalDocument["ended_at"] as? String == "2026-03-02T03:03:20Z")
        #expect(try fixture.store.outboxSummary(campaign: fixture.campaign).count(.webhook, .sent) == 2)
    }

    @Test("a webhook subscribed to final results only gets no attempt documents")
    func events() throws {
        var webhook = Self.webhook
        webhook.url = "https://hooks.example/x"
        webhook.events = [.final]
        let planner = try FollowUpPlanner(
            campaign: 1, spec: EngineFixture.spec(),
            configuration: MessagingConfiguration(sms: GatewayConfiguration(kind: .outboxFile(path: "x")), webhooks: [webhook]))
        let contact = ContactFacts(id: 1, number: "+84912345678")
        let attempt = AttemptFacts(call: 1, contact: contact, number: contact.number, outcome: .busy,
                                   placedAt: Date(timeIntervalSince1970: 0), endedAt: Date(timeIntervalSince1970: 9))
        #expect(planner.onAttemptEnded(attempt).isEmpty)
        let final = ContactResult(contact: contact, state: .exhausted, lastOutcome: .busy, attempts: 3,
                                  finishedAt: Date(timeIntervalSince1970: 9))
        #expect(planner.onJobFinal(final).map(\.route) == ["webhook:crm"])
    }

    @Test("bad webhook settings are refused with a clear error")
    func badSettings() {
        var noSecret = Self.webhook
        noSecret.url = "https://hooks.example/x"
        noSecret.secret = ""
        #expect(throws: MessagingError.missingSecret(webhook: "crm")) { try noSecret.validate() }
        #expect(throws: MessagingError.invalidURL(setting: "webhook 'crm' url",
                                                         reason: "it is not an http:// or https:// URL")) { try Self.webhook.validate() }
        var good = Self.webhook
        good.url = "https://hooks.example/x"
        let twice = MessagingConfiguration(sms: GatewayConfiguration(kind: .outboxFile(path: "x")), webhooks: [good, good])
        #expect(throws: MessagingError.duplicateWebhook("crm")) { try twice.validate() }
        #expect(MessagingError.missingSecret(webhook: "crm").description.contains("X-Dialer-Signature"))
    }

    @Test("the screen pop URL carries every field, percent-encoded")
    func screenPop() throws {
        let template = try ScreenPopTemplate(
            "https://crm.example/pop?agent={agent}&line={hotline}&n={number}&dir={direction}&at={answered_at}&call={call_id}")
        let url = template.render(agent: "Bình & co", hotline: "+842873001234", number: "+84912345678", direction: .outbound,
                                  answeredAt: Date(timeIntervalSince1970: 1_772_420_408), call: 31)
        #expect(url == "https://crm.example/pop?agent=B%C3%ACnh%20%26%20co&line=%2B842873001234&n=%2B84912345678"
                + "&dir=outbound&at=2026-03-02T03%3A00%3A08Z&call=31")
    }

    @Test("a screen pop template with an unknown field or no http(s) URL is refused",
          arguments: [("https://crm.example/?x={customer}", MessagingError.unknownPlaceholder("customer", known: ScreenPopTemplate.placeholders)),
                      ("javascript:alert({agent})", .invalidURL(setting: "screen-pop", reason: "it is not an http:// or https:// URL")),
                      ("https://crm.example/?x={agent", .unpairedBraces)])
    func badScreenPop(text: String, error: MessagingError) {
        #expect(throws: error) { try ScreenPopTemplate(text) }
    }
}
