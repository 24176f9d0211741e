@testable import CampaignDSL
import Testing

/// Times, ranges, durations and dates over many generated cases.
@Suite struct ValueSyntaxTests {
    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    @Test func timeRangesAreAcceptedExactlyWhenTheyAreRealAndForward() {
        var random = SplitMix64(seed: 1)
        for _ in 0..<5_000 {
            let (h1, m1, h2, m2) = (Int.random(in: 0...26, using: &random), Int.random(in: 0...61, using: &random),
                                    Int.random(in: 0...26, using: &random), Int.random(in: 0...61, using: &random))
            let text = "\(Self.two(h1)):\(Self.two(m1))-\(Self.two(h2)):\(Self.two(m2))"
            func real(_ h: Int, _ m: Int) -> Bool { h < 24 && m < 60 || h == 24 && m == 0 }
            let result = ValueSyntax.timeRange(text)
            switch result {
            case .success(let range):
                #expect(real(h1, m1) && real(h2, m2) && h1 * 60 + m1 < h2 * 60 + m2, "\(text)")
                #expect(range.description == text)
            case .failure(let error):
                if !real(h1, m1) || !real(h2, m2) {
                    #expect(error.id == "invalid-time", "\(text)")
                } else {
                    #expect(error.id == "empty-time-range" && h1 * 60 + m1 >= h2 * 60 + m2, "\(text)")
                }
            }
        }
    }

    @Test func durationsReadBackWhatTheyWrite() throws {
        var random = SplitMix64(seed: 2)
        for _ in 0..<5_000 {
            let parts = [(Int.random(in: 0...3, using: &random), "d"), (Int.random(in: 0...23, using: &random), "h"),
                         (Int.random(in: 0...59, using: &random), "m"), (Int.random(in: 0...59, using: &random), "s")]
            let written = parts.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined()
            let seconds = parts[0].0 * 86_400 + parts[1].0 * 3_600 + parts[2].0 * 60 + parts[3].0
            if written.isEmpty {
                #expect(throws: ValueError.self) { try ValueSyntax.duration(written).get() }
            } else {
                #expect(try ValueSyntax.duration(written).get() == seconds, "\(written)")
            }
        }
    }

    @Test func durationsWithUnitsOutOfOrderOrUnknownAreRejected() {
        for text in ["2", "h", "30m2h", "1h1h", "2x", "1.5h", "-1h", "99999999999s", ""] {
            #expect(throws: ValueError.self, "\(text)") { try ValueSyntax.duration(text).get() }
        }
    }

    @Test func datesAreCalendarDates() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<3_000 {
            let year = Int.random(in: 1999...2101, using: &random)
            let month = Int.random(in: 0...13, using: &random)
            let day = Int.random(in: 0...32, using: &random)
            let text = "\(year)-\(Self.two(month))-\(Self.two(day))"
            let valid = (1...12).contains(month) && day >= 1 && day <= ValueSyntax.daysIn(month: month, year: year)
            #expect(((try? ValueSyntax.date(text).get()) != nil) == valid, "\(text)")
        }
        #expect((try? ValueSyntax.date("2024-02-29").get()) != nil)
        #expect((try? ValueSyntax.date("2100-02-29").get()) == nil)
        #expect((try? ValueSyntax.date("2000-02-29").get()) != nil)
    }

    @Test func dayRangesCoverTheDaysBetween() throws {
        #expect(try ValueSyntax.days("mon-fri").get() == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(try ValueSyntax.days("sat").get() == [.saturday])
        #expect(try ValueSyntax.days("daily").get().count == 7)
        #expect(throws: ValueError.self) { try ValueSyntax.days("sun-mon").get() }
        #expect(throws: ValueError.self) { try ValueSyntax.days("mon-tue-wed").get() }
    }

    @Test func suggestionsFindNearTyposOnly() {
        #expect(Suggestion.nearest(to: "timezon", in: ["title", "timezone", "list"]) == "timezone")
        #expect(Suggestion.nearest(to: "tiemzone", in: ["title", "timezone", "list"]) == "timezone")
        #expect(Suggestion.nearest(to: "banana", in: ["title", "timezone", "list"]) == nil)
    }
}
