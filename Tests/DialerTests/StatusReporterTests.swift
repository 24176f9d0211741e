@testable import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// `dialerd status` reads every pending contact in a few queries; its counts must be what
/// the laws say contact by contact.
@Suite struct StatusReporterTests {
    @Test func theCountsAreThoseOfTheLawsContactByContact() throws {
        var spec = EngineFixture.spec(
            hours: [.monday: [TimeRange(start: TimeOfDay(hour: 9, minute: 0), end: TimeOfDay(hour: 17, minute: 0))],
                    .wednesday: [TimeRange(start: TimeOfDay(hour: 9, minute: 0), end: TimeOfDay(hour: 17, minute: 0))]],
            retry: [.noAnswer: RetryRule(times: 3, waits: [3600]), .busy: RetryRule(times: 2, waits: [600])])
        spec.calleeHours = [TimeRange(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 20, minute: 0))]
        spec.retry.maxPerDay = 1
        let start = Date(timeIntervalSince1970: 1_772_420_400)  // Monday 2026-03-02 10:00 in Ho Chi Minh City
        let fixture = try EngineFixture(spec: spec, contacts: 120, start: start,
                                        zones: ["Asia/Ho_Chi_Minh", "America/New_York", "Europe/London"])
        for index in stride(from: 0, to: 120, by: 7) {
            try fixture.store.addOptOut("+8491\(String(1_000_000 + index).suffix(7))", source: "test", at: start)
        }
        try fixture.run(parameters: SimulationParameters(seed: 5), until: start.addingTimeInterval(2 * 3600))

        let status = try StatusReporter.status(config: DaemonConfig(databasePath: fixture.directory.file("test.db")))
        let campaign = try #require(status.campaigns.first)
        let now = try #require(ISO8601DateFormatter().date(from: status.now))

        let permit = DialPermit(spec: spec, campaignCalendar: CallingCalendar(hours: spec.hours, timeZone: fixture.zone),
                                doNotCall: try DoNotCallRegistry(spec: spec, store: fixture.store, cacheDirectory: nil))
        var expected: [String: Int] = [:]
        var dueNow = 0
        for pending in try fixture.store.pendingJobs(campaign: fixture.campaign) {
            switch try permit.decide(number: pending.number, zone: pending.timeZone ?? spec.timeZone,
                                     history: try fixture.store.history(job: pending.job), at: now) {
            case .never(_, let refusal), .notBefore(_, let refusal): expected[refusal.rawValue, default: 0] += 1
            case .allowed:
                if let next = pending.nextAt, next > now { expected["waiting-for-retry", default: 0] += 1 } else { dueNow += 1 }
            }
        }
        for (state, count) in try fixture.jobStates() where ["dnc", "exhausted", "invalid", "duplicate", "cancelled"].contains(state) {
            expected[state, default: 0] += count
        }
        #expect(try fixture.store.pendingHistories(campaign: fixture.campaign).count > 10, "some pending contacts were called")
        #expect(campaign.notDialed == expected)
        #expect(campaign.dueNow == dueNow)
    }
}
