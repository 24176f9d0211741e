import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// A number whose prefix spans several zones, in a list without a zone column: the callee's legal window must
/// hold in every one of them, at every dial, every retry and every text message.
@Suite struct SeveralZonesTests {
    private static let zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
                                "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "Europe/London",
                                "Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok", "Australia/Perth",
                                "Australia/Sydney", "Pacific/Chatham", "Asia/Kolkata"]

    private func permit(_ spec: CampaignSpec) throws -> DialPermit {
        let store = try CampaignStore(path: ":memory:", now: Date(timeIntervalSince1970: 0))
        let zone = try #require(TimeZone(identifier: spec.timeZone))
        return DialPermit(spec: spec, campaignCalendar: CallingCalendar(hours: spec.hours, timeZone: zone),
                          doNotCall: try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil))
    }

    /// Over generated zone sets and instants: whenever a call is allowed, at once or at the earliest time the
    /// permit gives, it lies inside 08:00–21:00 in every one of the callee's zones.
    @Test func aCallIsAllowedOnlyWhenTheWindowHoldsInEveryZone() throws {
        let always = Dictionary(uniqueKeysWithValues: Weekday.allCases.map {
            ($0, [TimeRange(start: TimeOfDay(hour: 0, minute: 0), end: TimeOfDay(hour: 24, minute: 0))])
        })
        var spec = EngineFixture.spec(hours: always, timeZone: "UTC")
        spec.compliance = .usTSR
        let permit = try permit(spec)
        var random = SeededRandom(seed: 2_020)
        var allowed = 0
        var moved = 0
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...3, using: &random)
            let zones = Array(Self.zones.shuffled(using: &random).prefix(count))
            let instant = Date(timeIntervalSince1970: 1_767_225_600 + Double.random(in: 0..<(366 * 86_400), using: &random))
            let time: Date
            switch try permit.decide(number: "+12085550100", zone: CalleeZones.stored(zones), history: [], at: instant) {
            case .allowed:
                allowed += 1
                time = instant
            case .notBefore(let next, let reason):
                #expect(reason == .outsideCalleeWindow)
                #expect(next > instant)
                // The earliest time is a bound: asked again then, the permit allows the call or moves it on.
                guard next != .distantFuture,
                      try permit.decide(number: "+12085550100", zone: CalleeZones.stored(zones), history: [], at: next) == .allowed
                else { continue }
                moved += 1
                time = next
            case .never:
                Issue.record("nothing here ends a job")
                continue
            }
            for name in zones {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = try #require(TimeZone(identifier: name))
                let local = calendar.dateComponents([.hour, .minute], from: time)
                let minutes = (local.hour ?? 0) * 60 + (local.minute ?? 0)
                #expect((8 * 60..<21 * 60).contains(minutes), "\(zones) at \(time): \(name) \(local)")
            }
        }
        #expect(allowed > 300 && moved > 300)
    }

    @Test func textMessagesWaitForTheSendingHoursInEveryZone() throws {
        var hours = QuietHours(sendingHours: TimeRange(start: TimeOfDay(hour: 9, minute: 0), end: TimeOfDay(hour: 20, minute: 0)))
        // 2026-06-01 15:00 UTC: 08:00 in Los Angeles (closed), 11:00 in New York (open).
        let instant = Date(timeIntervalSince1970: 1_780_326_000)
        #expect(hours.earliestSend(atOrAfter: instant, zone: "America/New_York") == instant)
        // Both open at 16:00 UTC (09:00 in Los Angeles).
        #expect(hours.earliestSend(atOrAfter: instant, zone: "America/New_York,America/Los_Angeles")
                == instant.addingTimeInterval(3_600))
    }

    /// Compiling: the zone column wins; else libphonenumber's zones, several where the prefix spans them; and
    /// `explain` counts such contacts with the hours left to them.
    @Test func compileStoresEveryZoneAndExplainCountsTheHoursLeft() throws {
        let directory = TemporaryDirectory()
        try """
            Phone,TZ
            +1 208 555 0100,
            +1 208 555 0101,America/Boise
            +1 212 555 0100,
            +7 912 345 6789,
            """.write(toFile: directory.file("list.csv"), atomically: true, encoding: .utf8)
        var spec = EngineFixture.spec(timeZone: "America/New_York")
        spec.compliance = .usTSR
        spec.calleeHours = [TimeRange(start: TimeOfDay(hour: 9, minute: 0), end: TimeOfDay(hour: 18, minute: 0))]
        spec.lists = [ListSpec(path: directory.file("list.csv"), phoneColumns: ["Phone"], timeZoneColumn: "TZ")]
        let store = try CampaignStore(path: directory.file("t.db"), now: Date(timeIntervalSince1970: 0))
        let (campaign, report) = try CampaignCompiler(
            spec: spec, store: store, doNotCall: try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        ).compile(sourcePath: "t.campaign", sourceText: "", at: Date(timeIntervalSince1970: 1_780_000_000))
        let zones = try store.connection.rows(
            "SELECT time_zone FROM contacts WHERE campaign_id = ? ORDER BY line", [campaign]) { $0.string(0) }
        #expect(zones[0] == "America/Boise,America/Los_Angeles")
        #expect(zones[1] == "America/Boise")
        #expect(zones[2] == "America/New_York")
        #expect(CalleeZones.identifiers(zones[3]).count >= 10)
        #expect(report.severalZones.values.reduce(0, +) == 2)

        let explained = try CampaignExplainer.explain(spec)
        #expect(explained.contains("2 contacts have a number whose prefix spans several time zones"))
        // 09:00–18:00 in both Mountain and Pacific time: 8 hours a day; from Kaliningrad to Anadyr, none.
        #expect(explained.contains("1 in America/Boise, America/Los_Angeles: 8 h a day."), "\(explained)")
        #expect(explained.contains("Europe/Samara: no hour of the day; they are never called."), "\(explained)")
    }

    /// Premium-rate, toll-free and shared-cost numbers are refused unless the list allows them.
    @Test func costlyNumbersAreRefusedUnlessTheListAllowsThem() throws {
        let directory = TemporaryDirectory()
        try "Phone,Home\n+1 900 253 0000,\n+1 800 253 0000,+1 212 555 0100\n"
            .write(toFile: directory.file("list.csv"), atomically: true, encoding: .utf8)
        for allowed in [[], [CostlyNumberKind.premium]] {
            var spec = EngineFixture.spec(timeZone: "America/New_York")
            spec.lists = [ListSpec(path: directory.file("list.csv"), phoneColumns: ["Phone", "Home"],
                                   allowedCostlyKinds: allowed)]
            let store = try CampaignStore(path: ":memory:", now: Date(timeIntervalSince1970: 0))
            let (campaign, report) = try CampaignCompiler(
                spec: spec, store: store, doNotCall: try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
            ).compile(sourcePath: "t.campaign", sourceText: "", at: Date(timeIntervalSince1970: 0))
            let rows = try store.connection.rows(
                "SELECT phone_e164, problem FROM contacts WHERE campaign_id = ? ORDER BY line", [campaign]
            ) { ($0.optionalString(0), $0.optionalString(1)) }
            if allowed.isEmpty {
                #expect(report.invalid == 1)
                #expect(rows[0].1 == "The phone number is a premium-rate number, which costs the caller a surcharge; the list refuses such numbers (add `allow premium` to the list to call them).")
            } else {
                #expect(rows[0].0 == "+19002530000")
            }
            // The toll-free first column is passed over for the next one.
            #expect(rows[1].0 == "+12125550100")
        }
    }
}
