import CampaignDSL
import Testing

/// The parser reports every syntax problem in one pass and goes on after each.
@Suite struct ParserRecoveryTests {
    @Test func everyProblemIsReportedInOnePass() {
        Marked("""
            campaign demo {
              title «unterminated-string:"Demo»
              timezone UTC «invalid-character:\u{01}»
              list "lists/demo.csv" { phone column "A" }
              hours { mon 09:00-10:00 } «expected-line-end:extra words»
              dial progressive { agents 1 }
              «expected-keyword:"not a keyword"»
            }
            «unmatched-brace:}»
            """).check()
    }

    @Test func aMissingClosingBraceIsSynthesised() {
        let result = Marked("""
            campaign demo {
              timezone UTC
              list "lists/demo.csv" { phone column "A" }
              hours { mon 09:00-10:00 }
              dial progressive { agents 1 }
            «missing-brace:»
            """).check()
        #expect(result.diagnostics.first?.notes == ["the block opened at demo.campaign:1:15 is not closed"])
    }

    @Test func aOneLineBlockIsValid() {
        Marked("""
            campaign demo { timezone UTC
              list "lists/demo.csv" { phone column "A" }
              hours { mon 09:00-10:00 }
              dial progressive { agents 5 } }
            """).check()
    }

    @Test func aTrailingCommaContinuesOnTheNextLine() throws {
        let result = Marked("""
            campaign demo {
              timezone UTC
              list "lists/demo.csv" { phone column "A",  # first
                                              column "B" }
              hours {
                mon 09:00-10:00,
                    11:00-12:00
              }
              dial progressive { agents 1 }
            }
            """).check()
        let spec = try #require(result.spec)
        #expect(spec.lists[0].phoneColumns == ["A", "B"])
        #expect(spec.hours.ranges(on: .monday).count == 2)
    }

    @Test func deepNestingIsCutOffNotRecursedInto() {
        let depth = 10_000
        let source = "campaign demo " + String(repeating: "x {", count: depth) + String(repeating: "}", count: depth)
        var environment = MemoryEnvironment()
        environment.sources["demo.campaign"] = source
        let result = CampaignChecker.check(file: "demo.campaign", environment: environment)
        #expect(result.diagnostics.contains { $0.id == "nesting-too-deep" })
        #expect(result.spec == nil)
    }
}
