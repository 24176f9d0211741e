@testable import CampaignDSL
import Testing

/// One enormous line must not mean enormous work or output: the checks stay near-linear, diagnostics of one
/// kind are capped, and a quoted line is cut around its caret. Work is counted, never timed.
@Suite struct LargeInputTests {
    /// `hours { mon 08:00-09:00, 08:00-09:00, … }` on one line of about 1 MB: 80,000 overlapping ranges.
    static func hugeHoursLine(ranges: Int) -> String {
        """
        campaign big {
          timezone Asia/Ho_Chi_Minh
          list "lists/demo.csv" { phone column "Mobile" }
          hours { mon \(Array(repeating: "08:00-09:00", count: ranges).joined(separator: ", ")) }
          dial progressive { agents 2 }
        }

        """
    }

    @Test func aMegabyteLineOfOverlappingHoursGivesBoundedOutput() throws {
        let source = Self.hugeHoursLine(ranges: 80_000)
        #expect(source.utf8.count > 1_000_000)
        let result = RenderingTests.check(source)
        let overlaps = result.diagnostics.filter { $0.id == "overlapping-hours" }
        #expect(overlaps.count == DiagnosticCollector.limitPerKind)
        let more = try #require(result.diagnostics.first { $0.id == "too-many-diagnostics" })
        #expect(more.message == "and 79,979 more [overlapping-hours] not shown")
        // The count says what was found, not what was shown.
        #expect(result.errorCount == 79_999 + result.diagnostics.count { $0.severity == .error && $0.id != "overlapping-hours" })
        let text = DiagnosticRenderer(sources: result.sources, color: false).render(result.diagnostics)
        #expect(text.utf8.count < 20_000, "\(text.utf8.count) bytes of diagnostics")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= DiagnosticRenderer.excerptWidth + 20 })
        let json = DiagnosticRenderer(sources: result.sources, color: false).renderJSON(result.diagnostics)
        #expect(json.utf8.count < 20_000)
    }

    @Test func addingRangesToADayIsNearLinear() {
        let source = SourceRange(file: "f", start: 0, end: 0)
        for count in [1_000, 80_000] {
            var open = OpenRanges()
            for index in 0..<count {
                // Distinct ranges while the day has room, then overlapping ones.
                let start = (index * 7) % 1_430
                _ = open.add(TimeRange(start: TimeOfDay(minutes: start), end: TimeOfDay(minutes: start + 5)), at: source)
            }
            // A binary search over at most 1,440 open ranges, and two neighbours, per range added.
            #expect(open.comparisons <= count * (11 + 2), "\(open.comparisons) comparisons for \(count) ranges")
            #expect(zip(open.ranges, open.ranges.dropFirst()).allSatisfy { $0.range.end <= $1.range.start })
        }
    }

    @Test func aLongLineIsCutAroundTheCaretWhichStaysOnItsCharacter() {
        let line = Array((String(repeating: "a", count: 500) + "XYZ" + String(repeating: "b", count: 500)).unicodeScalars)
        let excerpt = DiagnosticRenderer.excerpt(of: line, around: 500, width: 3)
        #expect(excerpt.text.unicodeScalars.count <= DiagnosticRenderer.excerptWidth + 2)
        #expect(excerpt.text.hasPrefix("…") && excerpt.text.hasSuffix("…"))
        let characters = Array(excerpt.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(characters[excerpt.caretOffset..<excerpt.caretOffset + 3])) == "XYZ")
        #expect(excerpt.markWidth == 3)
        let end = DiagnosticRenderer.excerpt(of: line, around: 1_002, width: 1)
        #expect(Array(end.text.unicodeScalars)[end.caretOffset] == "b" && !end.text.hasSuffix("…"))
        let short = DiagnosticRenderer.excerpt(of: Array("hours { x }".unicodeScalars), around: 8, width: 1)
        #expect(short == (text: "hours { x }", caretOffset: 8, markWidth: 1))
    }

    @Test func columnsCountCharactersOnALongLineOfManyBytes() {
        let text = String(repeating: "ả", count: 1_000) + "x"
        let file = SourceFile(path: "f", text: text)
        #expect(file.location(of: text.utf8.count - 1) == SourceLocation(line: 1, column: 1_001))
        #expect(file.location(of: 3 * 65) == SourceLocation(line: 1, column: 66))
    }
}
