@testable import CampaignDSL
import Foundation
import Testing

/// The canonical layout: exact text for one file, and properties over many generated ones.
@Suite struct FormatterTests {
    @Test func aMessyFileTakesTheCanonicalLayout() {
        let messy = """


            # Demo
            campaign demo {   # the whole campaign
            title "Demo"
                timezone    Asia/Ho_Chi_Minh # zone
              list "lists/demo.csv" { phone column "Mobile" ,column "Home"
              name column "Full name" }



              hours {
                mon-fri 08:30-11:30,
                  13:30-17:00   # afternoon
                sat 09:00-12:00
                # Sunday closed
              }
              dial progressive { agents 5 }
              survey s { ask renew "Say \\"yes\\"" yes/no
                ask why "Why?" text when renew=no }
            }
            """
        #expect(CampaignFormatter.format(messy) == """
            # Demo
            campaign demo {  # the whole campaign
              title    "Demo"
              timezone Asia/Ho_Chi_Minh  # zone
              list "lists/demo.csv" {
                phone column "Mobile", column "Home"
                name  column "Full name"
              }

              hours {
                mon-fri 08:30-11:30,
                    13:30-17:00  # afternoon
                sat 09:00-12:00
                # Sunday closed
              }
              dial progressive {
                agents 5
              }
              survey s {
                ask renew "Say \\"yes\\"" yes/no
                ask why   "Why?" text when renew = no
              }
            }

            """)
    }

    @Test func aFileWithSyntaxErrorsIsLeftAlone() {
        let broken = "campaign demo {\n  title \"unclosed\n"
        #expect(CampaignFormatter.format(broken) == broken)
    }

    @Test func formattingIsIdempotentAndKeepsMeaningAndComments() throws {
        for seed in UInt64(1)...40 {
            let source = Shuffler.reflow(CampaignSourceGenerator.generate(lines: 150, seed: seed), seed: seed)
            let once = CampaignFormatter.format(source)
            let twice = CampaignFormatter.format(once)
            #expect(once == twice, "seed \(seed)")
            #expect(Self.comments(in: once) == Self.comments(in: source), "seed \(seed)")
            let before = try #require(Self.check(source).spec, "seed \(seed): \(Self.check(source).diagnostics.map(\.message))")
            let after = try #require(Self.check(once).spec, "seed \(seed)")
            #expect(before == after, "seed \(seed)")
        }
    }

    static func check(_ text: String) -> CheckResult {
        let environment = MemoryEnvironment(sources: ["g.campaign": text],
                                            files: ["lists/generated.csv": nil, "dnc/opt-outs.txt": nil])
        return CampaignChecker.check(file: "g.campaign", environment: environment)
    }

    /// Every comment's text, in order.
    static func comments(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            guard let hash = line.firstIndex(of: "#"), !line[..<hash].contains("\"") else { return nil }
            return line[hash...].trimmingCharacters(in: .whitespaces)
        }
    }
}

/// Rewrites valid campaign text with a random but equivalent layout: indents,
/// spaces between values, blank lines.
enum Shuffler {
    static func reflow(_ text: String, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            out += String(repeating: " ", count: Int.random(in: 0...6, using: &random))
            var inString = false
            for character in trimmed {
                if character == "\"" { inString.toggle() }
                if character == " ", !inString {
                    out += String(repeating: " ", count: Int.random(in: 1...3, using: &random))
                } else {
                    out.append(character)
                }
            }
            out += "\n"
            if Int.random(in: 0..<10, using: &random) == 0 { out += "\n\n" }
        }
        return out
    }
}
