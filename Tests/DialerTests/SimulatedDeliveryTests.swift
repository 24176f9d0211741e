import CampaignDSL
import Foundation
import Synchronization
import Testing
@testable import Dialer

@Suite("Simulation: follow-ups delivered in virtual time, once per key")
struct SimulatedDeliveryTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Line: Decodable {
        let at: Date
        let key: String
        let sender: String?
        let text: String
        let to: String
    }

    static func lines(_ path: String) throws -> [Line] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try decoder.decode(Line.self, from: Data($0.utf8))
        }
    }

    @Test func everyFollowUpOfTheVietnameseCampaignIsDeliveredOnceAndEveryWebhookSignedOnce() throws {
        // The webhook's receiver refuses the first try of some keys: a 500 for one in three, a 429 with
        // Retry-After for one in five; it accepts every other request.
        let seen = KeyTries()
        let server = try LoopbackHTTPServer { request, _ in
            let (order, tries) = seen.note(request.header("Idempotency-Key") ?? "")
            if tries == 0 && order % 3 == 1 { return .respond(status: 500) }
            if tries == 0 && order % 5 == 2 { return .respond(status: 429, headers: [("Retry-After", "30")]) }
            return .respond(status: 200)
        }
        defer { server.stop() }
        let directory = TemporaryDirectory()
        let outbox = directory.file("outbox.jsonl")
        let crm = WebhookConfiguration(name: "crm", url: server.url + "/hooks", secret: "s3cret",
                                       retry: RetryBackoff(maxTries: 4, baseSeconds: 10, capSeconds: 60),
                                       honoursIdempotencyKey: true)
        let messaging = MessagingConfiguration(sms: GatewayConfiguration(kind: .outboxFile(path: outbox)), webhooks: [crm])
        var parameters = SimulationParameters(seed: 5)
        parameters.personAnswerShare = 0.4
        let result = try Simulator.run(SimulationRequest(
            campaignPath: Self.repository.appendingPathComponent("campaigns/vn-sms.campaign").path,
            outputDirectory: directory.file("out"), start: LocalDate(year: 2026, month: 3, day: 2), parameters: parameters,
            messaging: messaging))
        let store = try CampaignStore(path: result.databasePath, now: Date(timeIntervalSince1970: 0))

        // Text messages: one line per entry, none twice, every one sent, inside 08:00-21:00 in Vietnam.
        let lines = try Self.lines(outbox)
        let sms = try store.connection.rows(
            "SELECT idempotency_key, state, body FROM outbox WHERE channel = 'sms'") { ($0.string(0), $0.string(1), $0.string(2)) }
        #expect(!sms.isEmpty)
        #expect(Set(lines.map(\.key)).count == lines.count, "no key is written twice")
        #expect(Set(lines.map(\.key)) == Set(sms.map(\.0)))
        #expect(sms.allSatisfy { $0.1 == "sent" })
        let bodies = Dictionary(uniqueKeysWithValues: sms.map { ($0.0, $0.2) })
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        for line in lines {
            #expect(line.text == bodies[line.key])
            #expect(line.sender == "ACME")
            let hour = calendar.component(.hour, from: line.at)
            #expect((8..<21).contains(hour), "held outside the sending hours: \(line.at)")
        }
        let exhausted = try store.connection.firstRow(
            "SELECT COUNT(*) FROM jobs WHERE state = 'exhausted' AND last_outcome IN ('no-answer', 'unknown')") { $0.int(0) }
        #expect(lines.count { $0.key.hasSuffix("sms%3Afinal%3Ano-answer") } == exhausted)
        #expect(lines.contains { $0.text.hasPrefix("Chào ") && $0.text.contains("trước ngày") })

        // Webhooks: one per attempt and one per ended contact, each key delivered, every request signed.
        let attempts = try store.connection.firstRow("SELECT COUNT(*) FROM attempts") { $0.int(0) } ?? 0
        let ended = try store.connection.firstRow(
            "SELECT COUNT(*) FROM jobs j WHERE EXISTS (SELECT 1 FROM attempts a WHERE a.job_id = j.id) "
            + "AND j.state NOT IN ('pending', 'dialing')") { $0.int(0) } ?? 0
        let hooks = try store.connection.rows("SELECT idempotency_key, state FROM outbox WHERE channel = 'webhook'") {
            ($0.string(0), $0.string(1))
        }
        #expect(hooks.count == attempts + ended)
        #expect(hooks.allSatisfy { $0.1 == "sent" })
        let requests = server.requests
        #expect(Set(requests.compactMap { $0.header("Idempotency-Key") }) == Set(hooks.map(\.0)))
        #expect(requests.count > hooks.count, "the failures were tried again")
        for request in requests {
            #expect(request.header(WebhookSignature.header) == WebhookSignature.value(secret: "s3cret", body: request.body))
        }
        #expect(result.summary.sms.sent == lines.count)
        #expect(result.summary.webhooks.sent == hooks.count)
        #expect(result.summary.sms.queued + result.summary.webhooks.queued == 0)
    }
}

/// Which keys a test server has seen: the order each was first seen in, and its earlier tries.
final class KeyTries: Sendable {
    private let tries = Mutex<[String: (order: Int, tries: Int)]>([:])

    /// Notes one request with `key`; returns the key's order of first sight and how many came before this one.
    func note(_ key: String) -> (order: Int, tries: Int) {
        tries.withLock { tries in
            let known = tries[key] ?? (tries.count, 0)
            tries[key] = (known.order, known.tries + 1)
            return known
        }
    }
}
