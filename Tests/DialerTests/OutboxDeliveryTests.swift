import Foundation
import Synchronization
import Testing
@testable import Dialer

@Suite("Outbox: each message sent once per key, retried, recorded")
struct OutboxDeliveryTests {
    @Test("an entry enqueued twice is stored once, even after it was sent")
    func enqueueOnce() throws {
        let fixture = try OutboxFixture()
        #expect(try fixture.store.enqueue([fixture.sms(0), fixture.sms(0), fixture.sms(1)], at: fixture.start) == 2)
        #expect(try fixture.store.enqueue([fixture.sms(0)], at: fixture.start) == 0)
        let first = try #require(try fixture.all().first)
        try fixture.store.markSending(first.id, at: fixture.start)
        try fixture.store.markSent(first.id, status: 200, at: fixture.start)
        var changed = fixture.sms(0)
        changed.body = "another text"
        #expect(try fixture.store.enqueue([changed], at: fixture.start) == 0)
        #expect(try fixture.all().count == 2)
        #expect(first.key.hasPrefix(try fixture.store.storeIdentity() + "-\(fixture.campaign)-\(fixture.contacts[0])-"))
    }

    @Test("an entry made after the moment it is about is not due, nor sent, before it was made")
    func neverSentBeforeMade() async throws {
        let fixture = try OutboxFixture()
        let made = fixture.start.addingTimeInterval(600)
        try fixture.store.enqueue([fixture.sms(0)], at: made)
        #expect(try fixture.message(1)?.nextAt == made)
        let drained = try OutboxFixture(contacts: 1)
        try drained.store.enqueue([drained.sms(0)], at: made)
        try OutboxDrain.run(store: drained.store, configuration: .offline(outboxPath: drained.directory.file("o.jsonl")), transport: { _ in try loopbackClient() }, seed: 1)
        let sent = try #require(try drained.message(1))
        #expect(sent.state == .sent)
        #expect(try #require(sent.sentAt) >= made)
    }

    @Test("a hanging webhook holds up only its own route: the text messages behind it go meanwhile")
    func routesAreIndependent() async throws {
        let textArrived = DispatchSemaphore(value: 0)
        let gateway = try LoopbackHTTPServer { _, _ in
            textArrived.signal()
            return .respond(status: 200)
        }
        defer { gateway.stop() }
        // The webhook answers only once the three texts queued after it have arrived; delivered one
        // request at a time, they never would, and its client would give up first.
        let receiver = try LoopbackHTTPServer { _, _ in
            for _ in 0..<3 where textArrived.wait(timeout: .now() + 10) == .timedOut { return .hang }
            return .respond(status: 200)
        }
        defer { receiver.stop() }
        let fixture = try OutboxFixture()
        let hook = OutboxEntry(channel: .webhook, campaign: fixture.campaign, contact: fixture.contacts[0],
                               trigger: "webhook:crm:final", route: OutboxRoute.webhook("crm"), recipient: "", body: "{}",
                               notBefore: fixture.start)
        try fixture.store.enqueue([hook] + (0..<3).map { fixture.sms($0) }, at: fixture.start)
        var configuration = loopbackGateway(gateway.url)
        configuration.webhooks = [WebhookConfiguration(name: "crm", url: receiver.url + "/in", secret: "s",
                                                       honoursIdempotencyKey: true)]
        let made = Mutex<[HTTPClientOptions]>([])
        let delivery = try OutboxDelivery(store: fixture.store, configuration: configuration, transport: { options in
            made.withLock { $0.append(options) }
            // Generous for a busy machine: the texts go in well under it unless the webhook blocks them,
            // when they never arrive and this timeout ends the webhook's wait.
            return try CurlHTTPClient(options: HTTPClientOptions(connectTimeoutMilliseconds: 2_000, totalTimeoutMilliseconds: 20_000))
        }, clock: fixture.clock, random: SeededRandom(seed: 1))
        #expect(made.withLock { $0.count } == 2, "one client per route")
        let pass = try await delivery.deliverDue()
        #expect(pass.sent == 4)
        #expect(try fixture.message(1)?.state == .sent)
        #expect(try fixture.message(1)?.tries == 1)
    }

    @Test("every message reaches the gateway exactly once, with its key, sender and text")
    func deliverOncePerKey() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200, body: #"{"status":"ok"}"#) }
        defer { server.stop() }
        let fixture = try OutboxFixture(contacts: 12)
        var entries: [OutboxEntry] = []
        for index in 0..<12 {
            entries += [fixture.sms(index, text: "Chào \"{name}\"\n\\ \(index)"), fixture.sms(index, text: "duplicate")]
            entries.append(fixture.sms(index, trigger: "sms:disposition:callback", text: "Hẹn gọi lại"))
        }
        #expect(try fixture.store.enqueue(entries, at: fixture.start) == 24)
        let delivery = try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient())
        let passes = try await fixture.drain(delivery)
        #expect(passes.map(\.sent).reduce(0, +) == 24)
        let keys = server.requests.compactMap { $0.header("Idempotency-Key") }
        #expect(keys.count == 24)
        #expect(Set(keys).count == 24)
        #expect(try fixture.all().allSatisfy { $0.state == .sent && $0.tries == 1 })
        let first = try #require(server.requests.first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.body)) as? [String: String])
        // Quotes, backslashes and line breaks stay inside the JSON string.
        #expect(json == ["to": OutboxFixture.number(0), "from": "ACME", "text": "Chào \"{name}\"\n\\ 0"])
        // A second pass over the same store sends nothing more.
        let again = try await fixture.drain(try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient()))
        #expect(again.map(\.sent).reduce(0, +) == 0)
        #expect(server.requests.count == 24)
    }

    @Test("5xx is retried with the same key after a growing, jittered wait")
    func retryServerErrors() async throws {
        let server = try LoopbackHTTPServer { _, number in
            number < 2 ? .respond(status: 503) : .respond(status: 202)
        }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        let delivery = try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient())
        var waits: [TimeInterval] = []
        for _ in 0..<3 {
            let before = fixture.clock.now
            let pass = try await delivery.deliverDue()
            if let wake = pass.nextWake {
                waits.append(wake.timeIntervalSince(before))
                fixture.clock.advance(to: wake)
            }
        }
        #expect(Set(server.requests.compactMap { $0.header("Idempotency-Key") }).count == 1)
        #expect(server.requests.count == 3)
        let message = try #require(try fixture.message(1))
        #expect(message.state == .sent)
        #expect(message.tries == 3)
        #expect(message.lastStatus == 202)
        // base 10 s: the first wait is in [5, 10], the second in [10, 20].
        #expect(waits.count == 2)
        #expect((5...10).contains(waits[0]))
        #expect((10...20).contains(waits[1]))
    }

    @Test("a refused connection is retried even by a gateway that cannot drop duplicates: nothing arrived")
    func refusedIsRetried() async throws {
        let refusing = try LoopbackHTTPServer.RefusingPort()
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        let delivery = try fixture.delivery(loopbackGateway(refusing.url, maxTries: 3, honoursKey: false),
                                            transport: try loopbackClient())
        let passes = try await fixture.drain(delivery)
        #expect(passes.map(\.retried) == [1, 1, 0])
        let message = try #require(try fixture.message(1))
        #expect(message.state == .failed)
        #expect(message.tries == 3)
        #expect(message.lastError?.hasPrefix("gave up after 3 tries: curl_easy_perform failed with code 7") == true)
    }

    @Test("429 waits exactly as long as Retry-After says")
    func retryAfter() async throws {
        let server = try LoopbackHTTPServer { _, number in
            number == 0 ? .respond(status: 429, headers: [("Retry-After", "120")]) : .respond(status: 200)
        }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        let delivery = try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient())
        let pass = try await delivery.deliverDue()
        #expect(pass.retried == 1)
        #expect(pass.nextWake == fixture.start.addingTimeInterval(120))
        let waiting = try #require(try fixture.message(1))
        #expect(waiting.state == .queued)
        #expect(waiting.lastStatus == 429)
        fixture.clock.advance(by: 119)
        #expect(try await delivery.deliverDue().sent == 0)
        fixture.clock.advance(by: 1)
        #expect(try await delivery.deliverDue().sent == 1)
    }

    @Test("other 4xx are final at once; the failure is kept for the report with its status")
    func clientErrorIsFinal() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 422, body: "bad number +84911000000") }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        let passes = try await fixture.drain(try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient()))
        #expect(passes.map(\.failed).reduce(0, +) == 1)
        #expect(server.requests.count == 1)
        let failed = try fixture.store.outboxMessages(campaign: fixture.campaign, state: .failed)
        #expect(failed.count == 1)
        #expect(failed.first?.lastStatus == 422)
        #expect(failed.first?.lastError == "HTTP 422")
        #expect(try fixture.store.outboxSummary(campaign: fixture.campaign).count(.sms, .failed) == 1)
    }

    @Test("a gateway that keeps failing is given up after the last try, and the failure recorded")
    func giveUp() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 500) }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        try await fixture.drain(try fixture.delivery(loopbackGateway(server.url, maxTries: 3), transport: try loopbackClient()))
        #expect(server.requests.count == 3)
        let message = try #require(try fixture.message(1))
        #expect(message.state == .failed)
        #expect(message.lastError == "gave up after 3 tries: HTTP 500")
    }

    @Test("a timeout or reset is repeated with the same key to a gateway that drops duplicates",
          arguments: [LoopbackHTTPServer.Reply.hang, .reset])
    func unknownRetried(failure: LoopbackHTTPServer.Reply) async throws {
        let server = try LoopbackHTTPServer { _, number in number == 0 ? failure : .respond(status: 200) }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        try await fixture.drain(try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient()))
        #expect(server.requests.count == 2)
        #expect(Set(server.requests.compactMap { $0.header("Idempotency-Key") }).count == 1)
        #expect(try fixture.message(1)?.state == .sent)
    }

    @Test("a timeout or reset is not repeated to a gateway that cannot drop duplicates, and recorded unknown, not failed",
          arguments: [LoopbackHTTPServer.Reply.hang, .reset])
    func unknownNotRetried(failure: LoopbackHTTPServer.Reply) async throws {
        let server = try LoopbackHTTPServer { _, _ in failure }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        try await fixture.drain(try fixture.delivery(loopbackGateway(server.url, honoursKey: false), transport: try loopbackClient()))
        #expect(server.requests.count == 1)
        let message = try #require(try fixture.message(1))
        #expect(message.state == .unknown)
        #expect(message.lastError?.contains("maybe delivered") == true)
        #expect(try fixture.store.outboxSummary(campaign: fixture.campaign).count(.sms, .failed) == 0)
    }

    @Test("after a crash following a confirmed success, the message is never sent again")
    func crashAfterSent() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200) }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        try await fixture.drain(try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient()))
        #expect(server.requests.count == 1)
        try fixture.reopen()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.clock.now)
        let delivery = try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient())
        #expect(delivery.recovery == OutboxDelivery.Recovery())
        try await fixture.drain(delivery)
        #expect(server.requests.count == 1)
        #expect(try fixture.message(1)?.state == .sent)
    }

    @Test("a message left sending by a crash is sent again with the same key, when the gateway drops duplicates")
    func crashWhileSending() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200) }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        let key = try #require(try fixture.message(1)?.key)
        try fixture.store.markSending(1, at: fixture.start)
        try fixture.reopen()
        let delivery = try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient())
        #expect(delivery.recovery.requeued == 1)
        try await fixture.drain(delivery)
        #expect(server.requests.map { $0.header("Idempotency-Key") } == [key])
        #expect(try fixture.message(1)?.tries == 2)
    }

    @Test("a message left sending by a crash is recorded unknown (maybe delivered), not repeated nor failed, when the gateway cannot drop duplicates")
    func crashWhileSendingNoDedup() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200) }
        defer { server.stop() }
        let fixture = try OutboxFixture()
        try fixture.store.enqueue([fixture.sms(0)], at: fixture.start)
        try fixture.store.markSending(1, at: fixture.start)
        try fixture.reopen()
        let delivery = try fixture.delivery(loopbackGateway(server.url, honoursKey: false), transport: try loopbackClient())
        #expect(delivery.recovery.unknown == 1)
        try await fixture.drain(delivery)
        #expect(server.requests.isEmpty)
        let message = try #require(try fixture.message(1))
        #expect(message.state == .unknown)
        #expect(message.lastError?.contains("maybe delivered") == true)
        let summary = try fixture.store.outboxSummary(campaign: fixture.campaign)
        #expect(summary.count(.sms, .failed) == 0)
        #expect(summary.count(.sms, .unknown) == 1)
    }

    @Test("text messages are held outside the recipient's sending hours, until the morning in their zone")
    func quietHours() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200) }
        defer { server.stop() }
        // 2026-03-02 22:30 in Ho Chi Minh City (UTC+7) is 15:30 UTC.
        let late = Date(timeIntervalSince1970: 1_772_465_400)
        let fixture = try OutboxFixture(start: late)
        var london = fixture.sms(1)
        london.timeZone = "Europe/London"
        try fixture.store.enqueue([fixture.sms(0), london], at: late)
        let delivery = try fixture.delivery(loopbackGateway(server.url), transport: try loopbackClient())
        let pass = try await delivery.deliverDue()
        // 15:30 in London is inside the hours; 22:30 in Ho Chi Minh City is not.
        #expect(pass.sent == 1)
        #expect(pass.held == 1)
        let held = try #require(try fixture.message(1))
        #expect(held.state == .queued)
        #expect(held.nextAt == Date(timeIntervalSince1970: 1_772_499_600))  // 2026-03-03 08:00 +07:00
        #expect(held.tries == 0)
        try await fixture.drain(delivery)
        #expect(server.requests.count == 2)
    }

    @Test("held messages go at 08:00 wall-clock time in the recipient's zone, across daylight-saving changes",
          arguments: [
            // 2026-03-07 23:00 EST (04:00 UTC) → 2026-03-08 08:00 EDT, the morning clocks go forward (12:00 UTC).
            ("America/New_York", 1_772_942_400.0, 1_772_971_200.0),
            // 2026-10-24 22:00 BST (21:00 UTC) → 2026-10-25 08:00 GMT, the morning clocks go back (08:00 UTC).
            ("Europe/London", 1_792_875_600, 1_792_915_200),
            // 2026-03-02 05:00 in Ho Chi Minh City (22:00 UTC the day before) → 08:00 the same day (01:00 UTC).
            ("Asia/Ho_Chi_Minh", 1_772_402_400, 1_772_413_200),
            // Inside the hours: at once.
            ("Asia/Ho_Chi_Minh", 1_772_420_400, 1_772_420_400),
          ] as [(String, TimeInterval, TimeInterval)])
    func quietHoursAcrossZones(zone: String, at: TimeInterval, expected: TimeInterval) {
        var quiet = QuietHours(sendingHours: GatewayConfiguration(kind: .outboxFile(path: "x")).sendingHours)
        #expect(quiet.earliestSend(atOrAfter: Date(timeIntervalSince1970: at), zone: zone)
                == Date(timeIntervalSince1970: expected))
    }

    @Test("the rate limit spreads requests: a pass sends at most the rate, and says when to come back")
    func rateLimit() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200) }
        defer { server.stop() }
        let fixture = try OutboxFixture(contacts: 5)
        try fixture.store.enqueue((0..<5).map { fixture.sms($0) }, at: fixture.start)
        let delivery = try fixture.delivery(loopbackGateway(server.url, rate: 2), transport: try loopbackClient())
        let first = try await delivery.deliverDue()
        #expect(first.sent == 2)
        #expect(first.nextWake == fixture.start.addingTimeInterval(1))
        let passes = try await fixture.drain(delivery)
        #expect(passes.map(\.sent) == [0, 2, 1])
    }

    @Test("a callback reminder that could not go before its callback is failed, not sent late")
    func expiredReminder() async throws {
        let fixture = try OutboxFixture()
        var reminder = fixture.sms(0, trigger: "sms:before-callback:3600:1")
        reminder.expiresAt = fixture.start
        try fixture.store.enqueue([reminder], at: fixture.start)
        let transport = RecordingTransport()
        let pass = try await fixture.delivery(loopbackGateway("http://127.0.0.1:9"), transport: transport).deliverDue()
        #expect(pass.failed == 1)
        #expect(transport.count == 0)
        #expect(try fixture.message(1)?.lastError == "expired before it could be sent")
    }

    @Test("backoff waits stay within [d/2, d] for d = min(cap, base × 2^(n−1)), over many seeded draws")
    func backoffBounds() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let base = Double.random(in: 1...60, using: &random)
            let backoff = RetryBackoff(maxTries: 20, baseSeconds: base, capSeconds: base * Double.random(in: 1...100, using: &random))
            for tries in 1...20 {
                let full = min(backoff.capSeconds, backoff.baseSeconds * pow(2, Double(tries - 1)))
                let wait = backoff.delay(afterTries: tries, using: &random)
                #expect(wait >= full / 2 && wait <= full)
            }
        }
    }

    @Test("Retry-After is read as seconds or as an HTTP date; anything else is ignored",
          arguments: [("120", 120.0), ("0", 0), ("Mon, 02 Mar 2026 03:05:00 GMT", 300), ("Sun, 01 Mar 2026 00:00:00 GMT", 0),
                      ("999999", RetryAfter.longest)] as [(String, TimeInterval)])
    func retryAfterValues(value: String, seconds: TimeInterval) {
        #expect(RetryAfter.seconds(value, now: Date(timeIntervalSince1970: 1_772_420_400)) == seconds)
    }

    @Test("a Retry-After that is not a number of seconds nor a date is ignored", arguments: ["soon", "-5", "", "1.5"])
    func retryAfterGarbage(value: String) {
        #expect(RetryAfter.seconds(value, now: Date(timeIntervalSince1970: 0)) == nil)
    }
}

/// A transport that records requests and answers 200 (for tests that must make no request).
final class RecordingTransport: HTTPTransport {
    private let requests = Mutex<[HTTPRequest]>([])

    var count: Int { requests.withLock { $0.count } }

    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        requests.withLock { $0.append(request) }
        return HTTPResponse(status: 200)
    }
}
