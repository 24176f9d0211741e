@testable import CampaignDSL
import Foundation
import Testing

/// `docs/campaign-language.md` stays true: its examples read without syntax
/// errors, and its complete example checks clean.
@Suite struct DocumentationTests {
    static func codeBlocks() throws -> [String] {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/campaign-language.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        var blocks: [String] = []
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let block = current { blocks.append(block) }
                current = current == nil ? "" : nil
            } else if current != nil {
                current! += line + "\n"
            }
        }
        return blocks
    }

    @Test func everyExampleReadsWithoutSyntaxErrors() throws {
        let examples = try Self.codeBlocks().filter { !$0.hasPrefix("demo.campaign:") }
        #expect(examples.count >= 15)
        for example in examples {
            let diagnostics = Parser.parse(example, file: "doc").diagnostics
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))\n\(example)")
        }
    }

    @Test func theCompleteExampleChecksClean() throws {
        let blocks = try Self.codeBlocks()
        let shared = try #require(blocks.first { $0.hasPrefix("# shared/teams.campaign") })
        let complete = try #require(blocks.last)
        let environment = MemoryEnvironment(
            sources: ["c.campaign": complete, "shared/teams.campaign": shared],
            files: ["lists/renewals.csv": nil, "dnc/national.txt": nil, "dnc/opt-outs.csv": nil])
        let result = CampaignChecker.check(file: "c.campaign", environment: environment)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(CampaignFormatter.format(complete) == complete)
    }
}
