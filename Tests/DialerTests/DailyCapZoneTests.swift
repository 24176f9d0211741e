import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// `at-most N attempts per day` counts the callee's calendar day, under every profile:
/// the cap protects the person called, whose day is the one that matters (docs/campaign-language.md).
@Suite struct DailyCapZoneTests {
    static let campaignZone = "Asia/Ho_Chi_Minh"  // UTC+7
    static let calleeZone = "America/New_York"    // UTC-5 in early March

    /// An instant in New York local time, 2026-03-DAY HH:00.
    static func newYork(day: Int, hour: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: calleeZone)!
        return calendar.date(from: DateComponents(year: 2026, month: 3, day: day, hour: hour))!
    }

    /// For each profile: when a callee called once at 10:00 their time may be called again.
    @Test(arguments: [
        (ComplianceProfile.none, 0), (ComplianceProfile.ukOfcom, 0),
        (ComplianceProfile.usTSR, 8),  // the callee's 08:00-21:00 window opens after midnight
        (ComplianceProfile.vnDecree91, 10),  // its 1 call per 24 h ends 24 h after the call
    ])
    func theCapEndsAtTheCalleesMidnightNotTheCampaigns(profile: ComplianceProfile, nextHour: Int) throws {
        var spec = EngineFixture.spec(
            hours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map {
                ($0, [TimeRange(start: TimeOfDay(hour: 0, minute: 0), end: TimeOfDay(hour: 24, minute: 0))])
            }),
            timeZone: Self.campaignZone)
        spec.compliance = profile
        spec.retry.maxPerDay = 1
        let store = try CampaignStore(path: ":memory:", now: Self.newYork(day: 3, hour: 0))
        let zone = try #require(TimeZone(identifier: Self.campaignZone))
        let permit = DialPermit(spec: spec, campaignCalendar: CallingCalendar(hours: spec.hours, timeZone: zone),
                                doNotCall: try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil))
        let history = [PastAttempt(outcome: .noAnswer, placedAt: Self.newYork(day: 3, hour: 10))]
        // 13:00 in New York is 01:00 the next day in Ho Chi Minh City: the campaign's day has turned, the callee's has not.
        let decision = try permit.decide(number: "+12125550100", zone: Self.calleeZone, history: history,
                                         at: Self.newYork(day: 3, hour: 13))
        #expect(decision == .notBefore(Self.newYork(day: 4, hour: nextHour), .dailyCapReached), "\(profile.name)")
    }
}
