import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Report time and abandon windows")
struct ReportWindowTests {
    @Test(arguments: ["America/New_York", "Europe/London", "Asia/Ho_Chi_Minh", "Australia/Lord_Howe", "Asia/Kathmandu",
                      "America/St_Johns"])
    func timestampsMatchFoundationAcrossDaylightSavingChanges(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        var clock = ReportClock(zone: zone)
        var random = SeededRandom(seed: 11)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        // Mostly forward in time, as reports read calls, with jumps back now and then.
        var seconds = 1_735_689_600.0 + Double(random.below(86_400))
        for step in 0..<4_000 {
            seconds += step % 97 == 0 ? -Double(random.below(40 * 86_400)) : Double(random.below(20_000))
            let date = Date(timeIntervalSince1970: seconds.rounded(.down))
            var expected = formatter.string(from: date)
            if expected.hasSuffix("Z") { expected = String(expected.dropLast()) + "+00:00" }
            #expect(clock.iso(seconds) == expected)
            let (day, hour) = clock.localDayAndHour(seconds)
            let parts = calendar.dateComponents([.year, .month, .day, .hour], from: date)
            #expect(ReportClock.dayText(day) == String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0))
            #expect(hour == parts.hour)
        }
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(clock.iso(1_772_415_000, utc: true) == formatter.string(from: Date(timeIntervalSince1970: 1_772_415_000)))
    }

    @Test func daysParseOnlyWhenReal() {
        #expect(ReportRange.parseDay("2026-03-02") == LocalDate(year: 2026, month: 3, day: 2))
        #expect(ReportRange.parseDay("2028-02-29") == LocalDate(year: 2028, month: 2, day: 29))
        for bad in ["2026-02-29", "2026-13-01", "2026-3-2", "2026-03-00", "yesterday", "", "2026-03-02T00"] {
            #expect(ReportRange.parseDay(bad) == nil, "\(bad)")
        }
    }

    @Test func aDayRangeIsMidnightToMidnightInTheZoneEvenOnADaylightSavingDay() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let (start, end) = ReportRange.day(LocalDate(year: 2026, month: 3, day: 8)).interval(in: zone)
        #expect(end - start == 23 * 3_600, "the spring-forward day has 23 hours")
        #expect(start == 1_772_946_000)
    }

    /// Random days of calls: the worst window is the one with the highest rate, the cap verdict
    /// is exact (no rounding), and windows cover the profile's periods.
    @Test(arguments: [ComplianceProfile.usTSR, .ukOfcom, .none])
    func theWorstWindowIsReportedAndTheCapIsCheckedExactly(profile: ComplianceProfile) {
        var random = SeededRandom(seed: 3)
        for _ in 0..<300 {
            var days: [Int: AttemptTally.Counts] = [:]
            let anchor = 20_000 + random.below(10)
            for _ in 0..<random.below(80) + 1 {
                let day = anchor + random.below(90)
                var counts = AttemptTally.Counts()
                counts.connects = random.below(200)
                counts.abandoned = random.below(4) == 0 ? random.below(12) : random.below(3)
                counts.calls = counts.connects + counts.abandoned + random.below(100)
                days[day, default: AttemptTally.Counts()].add(counts)
            }
            var spec = CampaignSpec(id: "t", timeZone: "UTC", lists: [], hours: CallingHours(weekly: [:]),
                                    dial: DialPlan(mode: .predictive, agents: 5), retry: RetryPolicy(), compliance: profile)
            spec.dial.maxAbandonPercent = random.below(2) == 0 ? 2.5 : nil
            let result = AbandonCompliance(spec: spec, days: days, anchor: anchor)
            let persons = days.values.map(\.persons).reduce(0, +)
            let abandoned = days.values.map(\.abandoned).reduce(0, +)
            #expect(result.windows.map(\.persons).reduce(0, +) == persons)
            #expect(result.windows.map(\.abandoned).reduce(0, +) == abandoned)
            let cap = [profile.maxAbandonPercent, spec.dial.maxAbandonPercent].compactMap { $0 }.min()
            #expect(result.capPercent == cap)
            for window in result.windows {
                #expect(window.overCap == (cap.map { Double(window.abandoned) * 100 > $0 * Double(window.persons) } ?? false))
                if let worst = result.worst {
                    #expect(window.abandoned * max(worst.persons, 1) <= worst.abandoned * max(window.persons, 1),
                            "no window is worse than the worst")
                }
                if let length = profile.abandonWindowDays, let first = ReportRange.parseDay(window.first),
                   let last = ReportRange.parseDay(window.last) {
                    let firstDay = ReportClock.days(year: first.year, month: first.month, day: first.day)
                    #expect((firstDay - anchor) % length == 0, "windows start every \(length) days from the first call")
                    #expect(ReportClock.days(year: last.year, month: last.month, day: last.day) - firstDay == length - 1)
                }
            }
            #expect(result.overCap == result.windows.contains { $0.overCap })
            if profile.abandonWindowDays == nil { #expect(result.windows.count == 1) }
        }
    }

    @Test func aThirtyDayCampaignUnderTheCapOnAverageIsStillOverWhenOneWindowIs() {
        // 60 days: the first 30-day window at 1 %, the second at 5 %; the mean is 3 %, the worst 5 %.
        var days: [Int: AttemptTally.Counts] = [:]
        for day in 0..<60 {
            var counts = AttemptTally.Counts()
            counts.connects = day < 30 ? 99 : 95
            counts.abandoned = day < 30 ? 1 : 5
            days[day] = counts
        }
        let spec = CampaignSpec(id: "t", timeZone: "UTC", lists: [], hours: CallingHours(weekly: [:]),
                                dial: DialPlan(mode: .predictive, agents: 5), retry: RetryPolicy(), compliance: .usTSR)
        let result = AbandonCompliance(spec: spec, days: days, anchor: 0)
        #expect(result.windows.count == 2)
        #expect(result.worst?.first == "1970-01-31")
        #expect(result.worst?.rate == 0.05)
        #expect(result.overCap)
    }
}

@Suite("Report survey aggregates")
struct ReportSurveyTests {
    @Test func answersAreCountedInTheQuestionsOwnOrderWithOthersAfter() {
        let survey = Survey(name: "s", questions: [
            Question(id: "rating", prompt: "Rate us", kind: .scale(low: 1, high: 5)),
            Question(id: "renew", prompt: "Renew?", kind: .yesNo),
            Question(id: "plan", prompt: "Which plan?", kind: .choice(["basic", "plus"])),
            Question(id: "why", prompt: "Why?", kind: .text),
        ])
        let spec = CampaignSpec(id: "t", timeZone: "UTC", lists: [], hours: CallingHours(weekly: [:]),
                                dial: DialPlan(mode: .agentless, agents: 0), retry: RetryPolicy(), surveys: [survey])
        var tally = SurveyTally(spec: spec)
        var random = SeededRandom(seed: 5)
        var given: [String: [String: Int]] = [:]
        for _ in 0..<1_000 {
            let question = survey.questions[random.below(survey.questions.count)]
            let answer = switch question.kind {
            case .scale: String(random.below(7))
            case .yesNo: ["yes", "no"][random.below(2)]
            case .choice(let options): (options + ["other"])[random.below(3)]
            default: "free text \(random.below(50))"
            }
            tally.add(question: question.id, answer: answer)
            given[question.id, default: [:]][answer, default: 0] += 1
        }
        let figures = tally.figures
        #expect(figures.map(\.question) == ["rating", "renew", "plan", "why"])
        for figure in figures {
            let counts = given[figure.question] ?? [:]
            #expect(figure.answered == counts.values.reduce(0, +))
            if figure.kind == "text" {
                #expect(figure.answers.isEmpty, "free text is counted, not listed")
            } else {
                #expect(Dictionary(uniqueKeysWithValues: figure.answers.map { ($0.answer, $0.count) })
                        == counts.merging(figure.answers.filter { $0.count == 0 }.map { ($0.answer, 0) }) { a, _ in a })
            }
        }
        #expect(figures[0].answers.map(\.answer) == ["1", "2", "3", "4", "5", "0", "6"], "the scale in order, then answers outside it")
        #expect(figures[1].answers.map(\.answer) == ["yes", "no"])
        #expect(figures[2].answers.map(\.answer) == ["basic", "plus", "other"])
    }
}
