@testable import CampaignDSL
@testable import Dialer
import Foundation

/// A campaign stored directly (no CSV), ready to run on the simulated network.
struct EngineFixture {
    let directory = TemporaryDirectory()
    let store: CampaignStore
    let campaign: Int64
    let spec: CampaignSpec
    let zone: TimeZone
    let start: Date

    /// `contacts` Vietnamese mobile numbers, due at `start`, each in a zone taken in turn from `zones`
    /// (the campaign's zone when empty).
    init(spec: CampaignSpec, contacts: Int, start: Date, zones: [String] = []) throws {
        self.spec = spec
        self.start = start
        zone = TimeZone(identifier: spec.timeZone)!
        store = try CampaignStore(path: directory.file("test.db"), now: start)
        campaign = try store.insertCampaign(
            name: spec.id, specJSON: String(decoding: try JSONEncoder().encode(spec), as: UTF8.self),
            sourcePath: "test", sourceHash: "x", at: start)
        let list = try store.insertList(campaign: campaign, position: 0, path: "test.csv", header: ["Phone"])
        try store.connection.writeTransaction {
            for index in 0..<contacts {
                let number = "+8491\(String(1_000_000 + index).suffix(7))"
                try store.insertContact(
                    NewContact(list: list, line: index + 2, name: nil, fields: [number], e164: number, kind: "mobile",
                               timeZone: zones.isEmpty ? spec.timeZone : zones[index % zones.count],
                               problem: nil, state: .pending),
                    campaign: campaign, at: start)
            }
        }
    }

    /// Runs the campaign to its end on a simulated network.
    func run(parameters: SimulationParameters, horizonDays: Double = 120) throws {
        try run(parameters: parameters, until: start.addingTimeInterval(horizonDays * 86_400))
    }

    /// Runs the campaign on a simulated network until `limit`, with the mode's pacer or the one given;
    /// returns what really happened on the network.
    @discardableResult
    func run(parameters: SimulationParameters, until limit: Date, pacer: (any Pacer)? = nil) throws -> SimulationTally {
        let clock = VirtualClock(start: start)
        let network = SimulatedNetwork(
            clock: clock, parameters: parameters, agents: CampaignRunner.agentIDs(of: spec), timeZone: zone)
        let doNotCall = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        let runner = CampaignRunner(
            campaign: campaign, spec: spec, timeZone: zone, store: store, doNotCall: doNotCall, driver: network, clock: clock)
        if let pacer { runner.pacer = pacer }
        try runner.run(until: limit)
        return network.tally
    }

    /// Every attempt: job, number, the contact's zone, placed time, state, outcome.
    func attempts() throws -> [(job: Int64, number: String, zone: String, placedAt: Date, state: String, outcome: String?)] {
        try store.connection.rows(
            """
            SELECT a.job_id, a.number, c.time_zone, a.placed_at, a.state, a.outcome
            FROM attempts a JOIN jobs j ON j.id = a.job_id JOIN contacts c ON c.id = j.contact_id ORDER BY a.id
            """
        ) { ($0.int64(0), $0.string(1), $0.string(2), $0.date(3), $0.string(4), $0.optionalString(5)) }
    }

    func jobStates() throws -> [String: Int] {
        var states: [String: Int] = [:]
        for (state, count) in try store.connection.rows("SELECT state, COUNT(*) FROM jobs GROUP BY state", [], {
            ($0.string(0), $0.int(1))
        }) { states[state] = count }
        return states
    }

    static func spec(
        hours: [Weekday: [TimeRange]] = [.monday: [TimeRange(start: TimeOfDay(hour: 9, minute: 0), end: TimeOfDay(hour: 17, minute: 0))]],
        agents: Int = 3, retry: [RetryOutcome: RetryRule] = [.noAnswer: RetryRule(times: 3, waits: [3600])],
        timeZone: String = "Asia/Ho_Chi_Minh"
    ) -> CampaignSpec {
        CampaignSpec(
            id: "test", timeZone: timeZone, lists: [],
            hours: CallingHours(weekly: hours), dial: DialPlan(mode: .progressive, agents: agents),
            retry: RetryPolicy(rules: retry))
    }
}
