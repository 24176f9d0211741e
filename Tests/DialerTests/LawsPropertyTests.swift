import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// The laws of DEVELOPERS.md as properties over many random campaigns, checked
/// on what the engine actually recorded.
@Suite struct LawsPropertyTests {
    static let zones = ["Asia/Ho_Chi_Minh", "America/New_York", "America/Los_Angeles", "Europe/London", "Australia/Sydney"]
    /// Starts near daylight-saving changes (US: 8 March, 1 November; EU: 29 March, 25 October 2026) and in between.
    static let starts = ["2026-03-05", "2026-03-27", "2026-06-15", "2026-10-23", "2026-10-29"]

    struct Case {
        let spec: CampaignSpec
        let start: Date
        let optedOut: Set<String>
    }

    static func makeCase(_ index: Int) -> Case {
        var random = SeededRandom(seed: 77_000 + UInt64(index))
        func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        var weekly: [Weekday: [TimeRange]] = [:]
        for day in Weekday.allCases where random.unit() < 0.7 {
            let start = int(0...20) * 60 + int(0...3) * 15
            weekly[day] = [TimeRange(start: TimeOfDay(minutes: start), end: TimeOfDay(minutes: min(1440, start + int(60...600))))]
        }
        if weekly.isEmpty { weekly[.friday] = [TimeRange(start: TimeOfDay(hour: 0, minute: 0), end: TimeOfDay(hour: 24, minute: 0))] }
        let calleeStart = int(6...10)
        var spec = EngineFixture.spec(
            hours: weekly, agents: int(1...5),
            retry: [.noAnswer: RetryRule(times: int(1...6), waits: [int(1...48) * 600]),
                    .busy: RetryRule(times: int(1...3), waits: [600])],
            timeZone: zones[index % zones.count])
        spec.calleeHours = [TimeRange(start: TimeOfDay(hour: calleeStart, minute: 0), end: TimeOfDay(hour: calleeStart + int(2...11), minute: 0))]
        spec.retry.maxPerDay = random.unit() < 0.5 ? int(1...3) : nil
        spec.retry.maxPer24Hours = random.unit() < 0.5 ? int(1...3) : nil
        spec.retry.maxTotal = random.unit() < 0.5 ? int(1...5) : nil
        spec.dncPrefixes = ["+8491100003"]
        if random.unit() < 0.5 { spec.compliance = .ukOfcom }
        if index % 3 == 2 {
            // Predictive dialing over-dials; the laws hold whatever the pacer does.
            spec.dial.mode = .predictive
            spec.dial.agents = int(4...12)
        }
        var optedOut: Set<String> = []
        for _ in 0..<5 { optedOut.insert("+8491\(1_000_000 + int(0...59))") }
        let parts = starts[index % starts.count].split(separator: "-").map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: spec.timeZone)!
        let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        return Case(spec: spec, start: start, optedOut: optedOut)
    }

    @Test(arguments: 0..<60)
    func theLawsHoldOnEveryCall(case index: Int) throws {
        let testCase = Self.makeCase(index)
        let spec = testCase.spec
        let fixture = try EngineFixture(spec: spec, contacts: 60, start: testCase.start, zones: Self.zones)
        for number in testCase.optedOut {
            try fixture.store.addOptOut(number, source: "test", at: testCase.start)
        }
        var random = SeededRandom(seed: UInt64(index))
        try fixture.run(parameters: SimulationParameters(seed: random.next(), personAnswerShare: 0.1 + random.unit() * 0.4),
                        horizonDays: 60)

        let campaignCalendar = CallingCalendar(hours: spec.hours, timeZone: fixture.zone)
        var byJob: [Int64: [(placedAt: Date, outcome: String?)]] = [:]
        for attempt in try fixture.attempts() {
            // Law 1: no DNC number, prefix or opt-out.
            #expect(!attempt.number.hasPrefix("+8491100003"), "dialed a number on a DNC prefix")
            #expect(!testCase.optedOut.contains(attempt.number), "dialed an opted-out number")
            // Law 2: inside the campaign's hours and the callee's window in the callee's own zone.
            #expect(campaignCalendar.isOpen(at: attempt.placedAt), "call outside the campaign's hours")
            let callee = CallingCalendar.daily(spec.calleeHours, timeZone: TimeZone(identifier: attempt.zone)!)
            #expect(callee.isOpen(at: attempt.placedAt), "call outside the callee's window (\(attempt.zone))")
            #expect(attempt.state == "ended")
            byJob[attempt.job, default: []].append((attempt.placedAt, attempt.outcome))
        }
        // Law 3: every cap and rule, per contact.
        for (_, calls) in byJob {
            if let maxTotal = spec.retry.maxTotal { #expect(calls.count <= maxTotal) }
            #expect(calls.count { $0.outcome == "no-answer" } <= spec.retry.rules[.noAnswer]!.times)
            #expect(calls.count { $0.outcome == "busy" } <= spec.retry.rules[.busy]!.times)
            if let cap = spec.retry.maxPer24Hours {
                for call in calls {
                    #expect(calls.count { $0.placedAt <= call.placedAt && $0.placedAt > call.placedAt - 86_400 } <= cap)
                }
            }
        }
        #expect(try fixture.jobStates()["dialing"] == nil)
    }

    @Test func optedOutAndPrefixedNumbersEndAsDoNotCall() throws {
        var spec = EngineFixture.spec()
        spec.dncPrefixes = ["+8491100000"]
        let start = Date(timeIntervalSince1970: 1_772_384_400)
        let fixture = try EngineFixture(spec: spec, contacts: 20, start: start)
        try fixture.store.addOptOut("+84911000015", source: "agent", at: start)
        try fixture.run(parameters: SimulationParameters(seed: 1))
        let dnc = try fixture.store.connection.rows(
            "SELECT c.phone_e164 FROM jobs j JOIN contacts c ON c.id = j.contact_id WHERE j.state = 'dnc' ORDER BY 1") { $0.string(0) }
        #expect(dnc.count == 11, "ten numbers under +8491100000 and one opt-out")
        #expect(dnc.contains("+84911000015"))
    }
}
