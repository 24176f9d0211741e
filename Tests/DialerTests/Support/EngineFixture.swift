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

    /// `contacts` Vietnamese mobile numbers, due at `start`.
    init(spec: CampaignSpec, contacts: Int, start: Date) throws {
        self.spec = spec
        self.start = start
        zone = TimeZone(identifier: spec.timeZone)!
        store = try CampaignStore(path: directory.file("test.db"), now: start)
        campaign = try store.insertCampaign(name: spec.id, specJSON: "{}", sourcePath: "test", sourceHash: "x", at: start)
        let list = try store.insertList(campaign: campaign, position: 0, path: "test.csv", header: ["Phone"])
        try store.connection.writeTransaction {
            for index in 0..<contacts {
                let number = "+8491\(String(1_000_000 + index).suffix(7))"
                try store.insertContact(
                    NewContact(list: list, line: index + 2, name: nil, fields: [number], e164: number, kind: "mobile",
                               timeZone: spec.timeZone, problem: nil, state: .pending),
                    campaign: campaign, at: start)
            }
        }
    }

    /// Runs the campaign to its end on a simulated network.
    func run(parameters: SimulationParameters, horizonDays: Double = 120) throws {
        let clock = VirtualClock(start: start)
        let network = SimulatedNetwork(clock: clock, parameters: parameters)
        let runner = CampaignRunner(campaign: campaign, spec: spec, timeZone: zone, store: store, driver: network, clock: clock)
        try runner.run(until: start.addingTimeInterval(horizonDays * 86_400))
    }

    /// Every attempt: job, placed time, state, outcome.
    func attempts() throws -> [(job: Int64, placedAt: Date, state: String, outcome: String?)] {
        try store.connection.rows("SELECT job_id, placed_at, state, outcome FROM attempts ORDER BY id") {
            ($0.int64(0), $0.date(1), $0.string(2), $0.optionalString(3))
        }
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
