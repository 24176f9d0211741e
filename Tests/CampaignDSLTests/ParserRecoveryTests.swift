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

    @Test func bytesThatWereNotUTF8AreReportedWhereTheyStood() {
        // Decoding replaces bad bytes with U+FFFD; the lexer reports each one.
        let text = String(decoding: Array("campaign de".utf8) + [0xFF] + Array("mo {\n  title \"a".utf8) + [0xC3]
                          + Array("\"\n}\n".utf8), as: UTF8.self)
        var environment = MemoryEnvironment()
        environment.sources["demo.campaign"] = text
        let result = CampaignChecker.check(file: "demo.campaign", environment: environment)
        let invalid = result.diagnostics.filter { $0.id == "invalid-character" }
        #expect(invalid.map(\.range.start) == [11, 29])
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        var environment = MemoryEnvironment(files: ["lists/demo.csv": nil])
        environment.sources["demo.campaign"] = "\u{FEFF}" + CheckerTests.demo
        let result = CampaignChecker.check(file: "demo.campaign", environment: environment)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func includeChainsAreCutOffWhenTooDeep() {
        var environment = MemoryEnvironment()
        environment.sources["demo.campaign"] = "include \"f1\"\n"
        for depth in 1...40 { environment.sources["f\(depth)"] = "include \"f\(depth + 1)\"\n" }
        let result = CampaignChecker.check(file: "demo.campaign", environment: environment)
        #expect(result.diagnostics.map(\.id).contains("include-too-deep"))
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
