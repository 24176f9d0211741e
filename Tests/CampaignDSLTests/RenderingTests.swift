import CampaignDSL
import Testing

/// Diagnostics as people and tools read them: exact text.
@Suite struct RenderingTests {
    static func check(_ source: String) -> CheckResult {
        var environment = MemoryEnvironment(files: ["lists/demo.csv": nil])
        environment.sources["demo.campaign"] = source
        return CampaignChecker.check(file: "demo.campaign", environment: environment)
    }

    static let typo = """
        campaign demo {
          title "Demo"
          timezon Asia/Ho_Chi_Minh
          list "lists/demo.csv" { phone column "Mobile" }
          hours { mon-fri 09:00-17:00 }
          dial progressive { agents 5 }
        }
        """

    @Test func anUnknownKeywordRendersWithLineCaretAndHint() {
        let result = Self.check(Self.typo)
        let text = DiagnosticRenderer(sources: result.sources, color: false).render(result.diagnostics)
        #expect(text == """
            demo.campaign:3:3: error: unknown keyword 'timezon' [unknown-keyword]
              |
            3 |   timezon Asia/Ho_Chi_Minh
              |   ^~~~~~~
              hint: did you mean `timezone`?

            """)
    }

    @Test func aMissingValuePointsJustAfterTheLastWord() {
        let result = Self.check("""
            campaign demo {
              timezone
            }
            """)
        let text = DiagnosticRenderer(sources: result.sources, color: false).render(
            result.diagnostics.filter { $0.id == "expected-value" })
        #expect(text == """
            demo.campaign:2:11: error: expected an IANA time zone name after 'timezone' [expected-value]
              |
            2 |   timezone
              |           ^
              hint: e.g. `timezone Asia/Ho_Chi_Minh`

            """)
    }

    @Test func jsonListsEveryField() {
        let result = Self.check(Self.typo)
        let json = DiagnosticRenderer(sources: result.sources, color: false).renderJSON(
            result.diagnostics.filter { $0.id == "unknown-keyword" })
        #expect(json == """
            [
              {"file": "demo.campaign", "line": 3, "column": 3, "end_line": 3, "end_column": 10, \
            "severity": "error", "id": "unknown-keyword", "message": "unknown keyword 'timezon'", \
            "notes": [], "hint": "did you mean `timezone`?"}
            ]

            """)
    }

    @Test func colourWrapsTheHeadlineOnlyWhenAsked() {
        let result = Self.check(Self.typo)
        let plain = DiagnosticRenderer(sources: result.sources, color: false).render(result.diagnostics)
        let coloured = DiagnosticRenderer(sources: result.sources, color: true).render(result.diagnostics)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    }

    @Test func tabsShowAsOneSpaceSoTheCaretLinesUp() {
        let result = Self.check("campaign demo {\n\ttimezon UTC\n}\n")
        let text = DiagnosticRenderer(sources: result.sources, color: false).render(
            result.diagnostics.filter { $0.id == "unknown-keyword" })
        #expect(text.contains("2 |  timezon UTC\n  |  ^~~~~~~\n"))
    }

    @Test func columnsCountCharactersNotBytes() {
        let result = Self.check("campaign demo {\n  title \"Chào\" typo\n}\n")
        let diagnostic = result.diagnostics.first { $0.id == "unexpected-value" }
        let json = DiagnosticRenderer(sources: result.sources, color: false).renderJSON([diagnostic].compactMap { $0 })
        #expect(json.contains("\"line\": 2, \"column\": 16"))
    }
}
