import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("SMS follow-ups: triggers, templates, sender")
struct SMSFollowUpTests {
    static let start = Date(timeIntervalSince1970: 1_772_420_400)
    static let contact = ContactFacts(id: 7, number: "+84912345678", timeZone: "Asia/Ho_Chi_Minh", name: "Nguyễn Văn An",
                                      fields: ["Plan": "Gold", "plan": "Gold"])

    static func planner(_ messages: [SMSMessage], sender: String? = "ACME",
                        webhooks: [WebhookConfiguration] = []) throws -> FollowUpPlanner {
        var spec = EngineFixture.spec()
        spec.sms = SMSPlan(sender: sender, messages: messages)
        return try FollowUpPlanner(
            campaign: 1, spec: spec,
            configuration: MessagingConfiguration(sms: GatewayConfiguration(kind: .outboxFile(path: "unused")), webhooks: webhooks))
    }

    static func attempt(outcome: CallOutcome = .answered, disposition: String? = nil, answers: [String: String] = [:],
                        callbackAt: Date? = nil) -> AttemptFacts {
        AttemptFacts(call: 31, contact: contact, number: contact.number, outcome: outcome, placedAt: start,
                     answeredAt: start.addingTimeInterval(8), endedAt: start.addingTimeInterval(200), agent: "an",
                     disposition: disposition, answers: answers, callbackAt: callbackAt)
    }

    static func result(_ state: JobState, last: CallOutcome?) -> ContactResult {
        ContactResult(contact: contact, state: state, lastOutcome: last, attempts: 4, finishedAt: start.addingTimeInterval(900))
    }

    @Test("no answer after the last retry sends the final-outcome message, rendered, with the sender")
    func finalOutcome() throws {
        let planner = try Self.planner([SMSMessage(trigger: .finalOutcome(.noAnswer), template: "Chào {name}, gói {plan}: gọi 1900 1234.")])
        let entries = planner.onJobFinal(Self.result(.exhausted, last: .noAnswer))
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.body == "Chào Nguyễn Văn An, gói Gold: gọi 1900 1234.")
        #expect(entry.recipient == "+84912345678")
        #expect(entry.sender == "ACME")
        #expect(entry.trigger == "sms:final:no-answer")
        #expect(entry.timeZone == "Asia/Ho_Chi_Minh")
        #expect(entry.notBefore == Self.start.addingTimeInterval(900))
        #expect(SMSLength(measuring: entry.body).encoding == .ucs2)
    }

    @Test("a text with no letter or digit once filled is planned skipped, with the empty placeholders named",
          arguments: [("{nickname}", true), ("{nickname}, {Note}!", true), ("  ", true), ("{name}", false), ("Hi {nickname}", false)])
    func emptyTextSkipped(template: String, skipped: Bool) throws {
        let planner = try Self.planner([SMSMessage(trigger: .disposition("sale"), template: template)])
        let entry = try #require(planner.onAttemptEnded(Self.attempt(disposition: "sale")).first)
        #expect((entry.skipReason != nil) == skipped)
        if template.contains("{nickname}") && skipped {
            #expect(entry.skipReason?.contains("{nickname}") == true)
        }
        let fixture = try OutboxFixture()
        var stored = entry
        stored.contact = fixture.contacts[0]
        stored.campaign = fixture.campaign
        stored.notBefore = fixture.start
        try fixture.store.enqueue([stored], at: fixture.start)
        let message = try #require(try fixture.message(1))
        #expect(message.state == (skipped ? .skipped : .queued))
        #expect(try fixture.store.dueOutbox(routes: [OutboxRoute.sms], at: fixture.start, limit: 10).count == (skipped ? 0 : 1))
    }

    @Test("the dialer's environment counts a list's empty cells by column, with the compiler's CSV reader")
    func emptyCellsOfAList() throws {
        let directory = TemporaryDirectory()
        try "Phone,Plan,Note\n0912000001,Gold,\n0912000002, ,x\n0912000003,,\n".write(
            toFile: directory.file("list.csv"), atomically: true, encoding: .utf8)
        let cells = try DialerEnvironment().emptyCells(ListSpec(path: directory.file("list.csv"), phoneColumns: []),
                                                       columns: ["Plan", "Note", "Missing"])
        #expect(cells == EmptyCells(rows: 3, empty: ["Plan": 2, "Note": 2]))
    }

    @Test("the call's placeholders: {agent}, {outcome}, {disposition}")
    func callPlaceholders() throws {
        let planner = try Self.planner([SMSMessage(trigger: .disposition("sale"), template: "{agent}/{outcome}/{disposition}")])
        let entry = try #require(planner.onAttemptEnded(Self.attempt(disposition: "sale")).first)
        #expect(entry.body == "an/answered/sale")
    }

    @Test("an interrupted call counts as a no-answer; other endings and other outcomes send nothing",
          arguments: [(JobState.exhausted, CallOutcome.unknown, 1), (.exhausted, .busy, 0), (.completed, .answered, 0),
                      (.dnc, .noAnswer, 0), (.cancelled, .noAnswer, 0), (.invalid, .invalid, 0)])
    func finalOutcomeOnlyWhenExhausted(state: JobState, last: CallOutcome, expected: Int) throws {
        let planner = try Self.planner([SMSMessage(trigger: .finalOutcome(.noAnswer), template: "x")])
        #expect(planner.onJobFinal(Self.result(state, last: last)).count == expected)
    }

    @Test("a disposition and a survey answer each send their message; others do not")
    func dispositionAndAnswer() throws {
        let planner = try Self.planner([
            SMSMessage(trigger: .disposition("sale"), template: "Cảm ơn {name}, {agent} sẽ gửi hợp đồng."),
            SMSMessage(trigger: .answer(question: "renew", answers: ["yes"]), template: "Renewal: {renew}"),
        ])
        let both = planner.onAttemptEnded(Self.attempt(disposition: "sale", answers: ["renew": "yes"]))
        #expect(both.map(\.trigger) == ["sms:disposition:sale", "sms:answer:renew=yes"])
        #expect(both.map(\.body) == ["Cảm ơn Nguyễn Văn An, an sẽ gửi hợp đồng.", "Renewal: yes"])
        #expect(planner.onAttemptEnded(Self.attempt(disposition: "no-sale", answers: ["renew": "no"])).isEmpty)
    }

    @Test("a callback reminder goes N before the callback and expires at it; a new callback time is a new key")
    func callbackReminder() throws {
        let planner = try Self.planner([SMSMessage(trigger: .beforeCallback(seconds: 3_600), template: "Nhắc lịch gọi lại")])
        let callback = Self.start.addingTimeInterval(86_400)
        let entry = try #require(planner.onAttemptEnded(Self.attempt(disposition: "callback", callbackAt: callback)).first)
        #expect(entry.notBefore == callback.addingTimeInterval(-3_600))
        #expect(entry.expiresAt == callback)
        let moved = try #require(planner.onAttemptEnded(Self.attempt(callbackAt: callback.addingTimeInterval(600))).first)
        #expect(moved.trigger != entry.trigger)
        #expect(planner.onAttemptEnded(Self.attempt(disposition: "callback")).isEmpty)
    }

    @Test("the same trigger for the same contact is stored once, however often the engine reports it")
    func oncePerTrigger() throws {
        let fixture = try OutboxFixture()
        var spec = EngineFixture.spec()
        spec.sms = SMSPlan(messages: [SMSMessage(trigger: .disposition("sale"), template: "Thanks")])
        let planner = try FollowUpPlanner(campaign: fixture.campaign, spec: spec, configuration: .offline(outboxPath: "x"))
        var attempt = Self.attempt(disposition: "sale")
        attempt.contact.id = fixture.contacts[0]
        for call in 1...5 {
            attempt.call = Int64(call)
            try fixture.store.enqueue(planner.onAttemptEnded(attempt), at: fixture.start)
        }
        #expect(try fixture.all().count == 1)
    }

    @Test("the file gateway writes JSON lines, readable only by the owner, and never a key twice")
    func outboxFile() async throws {
        let fixture = try OutboxFixture()
        let path = fixture.directory.file("sms.jsonl")
        try fixture.store.enqueue([fixture.sms(0, text: "Chào An €"), fixture.sms(1)], at: fixture.start)
        try await fixture.drain(try fixture.delivery(.offline(outboxPath: path), transport: RecordingTransport()))
        // A crash after the line was written but before `sent` was recorded: sent again, found in the file.
        try fixture.store.enqueue([fixture.sms(2)], at: fixture.start)
        try fixture.store.markSending(3, at: fixture.start)
        let key = try #require(try fixture.message(3)).key
        let file = try #require(FileHandle(forWritingAtPath: path))
        try file.seekToEnd()
        try file.write(contentsOf: Data(
            #"{"at":"2026-03-02T03:00:00Z","encoding":"UCS-2","key":"\#(key)","segments":1,"text":"Chào bạn","to":"+84911000002"}"#.utf8 + [10]))
        try file.close()
        try fixture.reopen()
        let delivery = try fixture.delivery(.offline(outboxPath: path), transport: RecordingTransport())
        #expect(delivery.recovery.requeued == 1)
        try await fixture.drain(delivery)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["to"] as? String == OutboxFixture.number(0))
        #expect(first["text"] as? String == "Chào An €")
        #expect(first["encoding"] as? String == "GSM-7")
        #expect(first["sender"] as? String == "ACME")
        #expect(first["key"] as? String == (try fixture.message(1))?.key)
        #expect(try fixture.all().allSatisfy { $0.state == .sent })
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a generic HTTP gateway fills a form body, percent-encoded, and checks the body for success")
    func formGateway() async throws {
        let server = try LoopbackHTTPServer { request, _ in
            .respond(status: 200, body: request.text.contains("to=%2B8491") ? "OK queued" : "ERROR")
        }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0, text: "Chào bạn & co")], at: fixture.start)
        let gateway = HTTPGatewayConfiguration(
            url: server.url + "/send?key={{key}}", headers: [HTTPHeader("Authorization", "Bearer t0ken")],
            body: .form([.init("to", "{{to}}"), .init("text", "{{text}}"), .init("coding", "{{encoding}}/{{segments}}")]),
            success: .init(statuses: 200...200, bodyContains: "OK"), honoursIdempotencyKey: true)
        try gateway.validate()
        let configuration = MessagingConfiguration(sms: GatewayConfiguration(kind: .http(gateway)))
        try await fixture.drain(try fixture.delivery(configuration, transport: try loopbackClient()))
        let request = try #require(server.requests.first)
        let key = try #require(try fixture.message(1)?.key)
        #expect(request.path == "/send?key=" + PercentEncoding.escape(key))
        #expect(request.text == "to=%2B84911000000&text=Ch%C3%A0o+b%E1%BA%A1n+%26+co&coding=UCS-2/1")
        #expect(request.header("Authorization") == "Bearer t0ken")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(try fixture.message(1)?.state == .sent)
    }

    @Test("a 2xx that fails the gateway's success rule is a final failure")
    func successRule() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200, body: #"{"error":"no credit"}"#) }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        let gateway = HTTPGatewayConfiguration(url: server.url, success: .init(bodyContains: #""accepted""#),
                                               honoursIdempotencyKey: true)
        try await fixture.drain(try fixture.delivery(MessagingConfiguration(sms: GatewayConfiguration(kind: .http(gateway))),
                                                     transport: try loopbackClient()))
        #expect(server.requests.count == 1)
        #expect(try fixture.message(1)?.state == .failed)
    }

    @Test("a 2xx whose body passes the size limit is a delivery, sent once", arguments: [false, true])
    func oversizedAnswerDelivered(unsized: Bool) async throws {
        let big = String(repeating: "x", count: 5_000)
        let server = try LoopbackHTTPServer { _, _ in
            unsized ? .respondUnsized(status: 200, body: big) : .respond(status: 200, body: big)
        }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        let client = try CurlHTTPClient(options: HTTPClientOptions(connectTimeoutMilliseconds: 500,
                                                                   totalTimeoutMilliseconds: 300, maxResponseBytes: 1_000))
        try await fixture.drain(try fixture.delivery(loopbackGateway(server.url, honoursKey: false), transport: client))
        #expect(server.requests.count == 1)
        #expect(try fixture.message(1)?.state == .sent)
    }

    @Test("a 2xx too large to read its success field is unknown, and not repeated without deduplication")
    func oversizedAnswerUnreadable() async throws {
        let server = try LoopbackHTTPServer { _, _ in
            .respond(status: 200, body: #"{"status": "ok", "padding": ""# + String(repeating: "x", count: 5_000) + #""}"#)
        }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        let gateway = HTTPGatewayConfiguration(url: server.url, success: .init(jsonField: ("status", "ok")),
                                               honoursIdempotencyKey: false)
        let client = try CurlHTTPClient(options: HTTPClientOptions(connectTimeoutMilliseconds: 500,
                                                                   totalTimeoutMilliseconds: 300, maxResponseBytes: 1_000))
        try await fixture.drain(try fixture.delivery(MessagingConfiguration(sms: GatewayConfiguration(kind: .http(gateway))),
                                                     transport: client))
        #expect(server.requests.count == 1)
        let message = try #require(try fixture.message(1))
        #expect(message.state == .unknown)
        #expect(message.lastError?.contains("size limit") == true)
    }

    @Test("bad gateway settings are refused with a clear error",
          arguments: [
            (HTTPGatewayConfiguration(url: "ftp://x/", honoursIdempotencyKey: true), MessagingError.invalidURL(setting: "the SMS gateway's url", reason: "it is not an http:// or https:// URL")),
            (HTTPGatewayConfiguration(url: "https://x/", body: .json(#"{"to": "{{phone}}"}"#), honoursIdempotencyKey: true),
             .unknownPlaceholder("phone", known: HTTPGatewayConfiguration.placeholders)),
            (HTTPGatewayConfiguration(url: "https://x/", headers: [HTTPHeader("Auth", "a\r\nb")], honoursIdempotencyKey: true),
             .invalidHeader(name: "Auth")),
          ])
    func badGateway(gateway: HTTPGatewayConfiguration, error: MessagingError) {
        #expect(throws: error) { try GatewayConfiguration(kind: .http(gateway)).validate() }
    }
}
