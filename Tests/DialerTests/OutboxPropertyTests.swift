import Foundation
import Synchronization
import Testing
@testable import Dialer

@Suite("Outbox properties over random gateway behaviour")
struct OutboxPropertyTests {
    /// What the scripted gateway did with one request.
    enum Answer: Equatable {
        case status(Int)
        case error(HTTPError.Kind)

        var isSuccess: Bool { self == .status(200) }
    }

    /// Answers each request at random (seeded) and records the key and the answer.
    final class ScriptedTransport: HTTPTransport {
        private let state: Mutex<(random: SeededRandom, log: [(key: String, answer: Answer)])>

        init(seed: UInt64) { state = Mutex((SeededRandom(seed: seed), [])) }

        var log: [(key: String, answer: Answer)] { state.withLock { $0.log } }

        func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
            let answer: Answer = state.withLock { state in
                let choices: [Answer] = [.status(200), .status(200), .status(500), .status(503), .status(429), .status(400),
                                         .error(.timedOut), .error(.transferFailed), .error(.notConnected)]
                let answer = choices.randomElement(using: &state.random) ?? .status(200)
                state.log.append((request.headers.value(of: "Idempotency-Key") ?? "", answer))
                return answer
            }
            switch answer {
            case .status(let status):
                return HTTPResponse(status: status, headers: status == 429 ? [HTTPHeader("Retry-After", "30")] : [])
            case .error(let kind):
                throw HTTPError(kind: kind, function: "curl_easy_perform", code: 28, message: "scripted")
            }
        }
    }

    @Test("through failures and crashes, every entry ends sent, failed or unknown, and nothing is requested after a confirmed success",
          arguments: 0..<40)
    func randomRuns(seed: Int) async throws {
        var random = SeededRandom(seed: UInt64(seed) &* 0x9E37_79B9)
        let honoursKey = seed % 2 == 0
        let maxTries = Int.random(in: 1...5, using: &random)
        let fixture = try OutboxFixture(contacts: 8)
        let entries = (0..<8).flatMap { index in
            [fixture.sms(index), fixture.sms(index, trigger: "sms:disposition:sale"), fixture.sms(index)]
        }
        try fixture.store.enqueue(entries, at: fixture.start)
        let transport = ScriptedTransport(seed: UInt64(seed))
        let configuration = MessagingConfiguration(sms: GatewayConfiguration(
            kind: .http(HTTPGatewayConfiguration(url: "http://gateway.invalid/sms", honoursIdempotencyKey: honoursKey)),
            ratePerSecond: Int.random(in: 1...4, using: &random), retry: RetryBackoff(maxTries: maxTries, baseSeconds: 5)))
        // Now and then the process dies, sometimes just after marking an entry sending (before its
        // request), and a new one opens the same database.
        var delivery = try fixture.delivery(configuration, transport: transport)
        var crashedWhileSending: [String: Int] = [:]
        for pass in 0..<400 {
            if pass % 7 == 3, Bool.random(using: &random) {
                if Bool.random(using: &random),
                   let victim = try fixture.store.dueOutbox(routes: [OutboxRoute.sms], at: fixture.clock.now, limit: 1).first {
                    try fixture.store.markSending(victim.id, at: fixture.clock.now)
                    crashedWhileSending[victim.key, default: 0] += 1
                }
                try fixture.reopen()
                delivery = try fixture.delivery(configuration, transport: transport)
            }
            let result = try await delivery.deliverDue(limit: Int.random(in: 1...10, using: &random))
            guard let wake = result.nextWake else { break }
            fixture.clock.advance(to: wake)
        }
        let messages = try fixture.all()
        #expect(messages.count == 16)
        #expect(messages.allSatisfy { [.sent, .failed, .unknown].contains($0.state) })
        let log = transport.log
        for message in messages {
            let requests = log.filter { $0.key == message.key }
            let crashes = crashedWhileSending[message.key] ?? 0
            #expect(message.tries <= maxTries)
            #expect(requests.count == message.tries - crashes)
            if !honoursKey && crashes > 0 { #expect(message.state == .unknown) }
            if message.state == .failed {
                #expect(requests.last.map { $0.answer == .error(.timedOut) || $0.answer == .error(.transferFailed) } != true,
                        "an entry whose last request may have arrived is unknown, not failed")
            }
            let confirmed = requests.firstIndex { $0.answer.isSuccess }
            #expect((confirmed != nil) == (message.state == .sent))
            if let confirmed { #expect(confirmed == requests.count - 1, "nothing is sent after a confirmed success") }
            if !honoursKey, let unknown = requests.firstIndex(where: {
                $0.answer == .error(.timedOut) || $0.answer == .error(.transferFailed)
            }) {
                #expect(unknown == requests.count - 1, "an unknown outcome is not repeated without deduplication")
            }
        }
    }
}
