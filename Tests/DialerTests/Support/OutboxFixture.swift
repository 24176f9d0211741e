@testable import Dialer
import Foundation

/// A store with one campaign and some contacts, for outbox tests. The database is a real file,
/// so a test can close it and open it again as a restarted process would.
final class OutboxFixture {
    let directory = TemporaryDirectory()
    let start: Date
    let clock: VirtualClock
    private(set) var store: CampaignStore
    let campaign: Int64
    /// Contact ids, in order.
    let contacts: [Int64]

    var databasePath: String { directory.file("outbox.db") }

    /// `start` defaults to 2026-03-02 10:00 in Ho Chi Minh City (03:00 UTC), inside the sending hours.
    init(contacts count: Int = 3, start: Date = Date(timeIntervalSince1970: 1_772_420_400)) throws {
        self.start = start
        clock = VirtualClock(start: start)
        store = try CampaignStore(path: directory.file("outbox.db"), now: start)
        campaign = try store.insertCampaign(name: "renewals", specJSON: "{}", sourcePath: "t", sourceHash: "x", at: start)
        let list = try store.insertList(campaign: campaign, position: 0, path: "t.csv", header: ["Phone"])
        for index in 0..<count {
            let number = Self.number(index)
            try store.insertContact(
                NewContact(list: list, line: index + 2, name: nil, fields: [number], e164: number, kind: "mobile",
                           timeZone: "Asia/Ho_Chi_Minh", problem: nil, state: .pending),
                campaign: campaign, at: start)
        }
        contacts = Array(1...Int64(count))
    }

    static func number(_ index: Int) -> String { "+8491\(String(1_000_000 + index).suffix(7))" }

    /// A text message for the contact at `index`.
    func sms(_ index: Int, trigger: String = "sms:final:no-answer", text: String = "Chào bạn") -> OutboxEntry {
        OutboxEntry(channel: .sms, campaign: campaign, contact: contacts[index], trigger: trigger, route: OutboxRoute.sms,
                    recipient: Self.number(index), sender: "ACME", body: text, timeZone: "Asia/Ho_Chi_Minh",
                    notBefore: start)
    }

    /// Opens the database again, as a process started after a crash would.
    func reopen() throws {
        store = try CampaignStore(path: databasePath, now: clock.now)
    }

    /// A delivery over the given gateway configuration, with seeded jitter.
    func delivery(_ configuration: MessagingConfiguration, transport: any HTTPTransport) throws -> OutboxDelivery {
        try OutboxDelivery(store: store, configuration: configuration, transport: { _ in transport }, clock: clock,
                           random: SeededRandom(seed: 42))
    }

    /// Delivers until nothing is queued, moving the virtual clock to each wake-up. Returns the passes.
    @discardableResult
    func drain(_ delivery: OutboxDelivery, maxPasses: Int = 100) async throws -> [DeliveryPass] {
        var passes: [DeliveryPass] = []
        for _ in 0..<maxPasses {
            let pass = try await delivery.deliverDue()
            passes.append(pass)
            guard let wake = pass.nextWake else { break }
            clock.advance(to: wake)
        }
        return passes
    }

    func message(_ id: Int64) throws -> OutboxMessage? { try store.outboxMessage(id) }

    func all() throws -> [OutboxMessage] {
        try OutboxState.allCases.flatMap { try store.outboxMessages(campaign: campaign, state: $0) }.sorted { $0.id < $1.id }
    }
}

/// An HTTP gateway configuration for a loopback server, with small timeouts and quick retries.
func loopbackGateway(_ url: String, maxTries: Int = 4, rate: Int? = nil, honoursKey: Bool = true) -> MessagingConfiguration {
    MessagingConfiguration(sms: GatewayConfiguration(
        kind: .http(HTTPGatewayConfiguration(url: url + "/sms", honoursIdempotencyKey: honoursKey)),
        ratePerSecond: rate, retry: RetryBackoff(maxTries: maxTries, baseSeconds: 10, capSeconds: 60)))
}

/// The client the outbox tests use: timeouts well under a second.
func loopbackClient() throws -> CurlHTTPClient {
    try CurlHTTPClient(options: HTTPClientOptions(connectTimeoutMilliseconds: 500, totalTimeoutMilliseconds: 300))
}
