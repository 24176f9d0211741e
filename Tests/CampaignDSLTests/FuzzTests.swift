@testable import CampaignDSL
import Foundation
import Testing

/// Thousands of random and mutated files: every one ends in diagnostics (or a
/// spec), never a trap or a hang. Seeds are fixed, so a failure reproduces.
@Suite struct FuzzTests {
    static let corpus = [
        CheckerTests.demo,
        CompleteLanguageTests.spring,
        CompleteLanguageTests.teams,
        CampaignSourceGenerator.generate(lines: 120, seed: 11),
    ]

    static let palette: [UInt8] = Array("{}{}\"\"##,,==\n\n\n\\ \t-:/%+0123456789abcmonfri".utf8) + [0x00, 0x01, 0x7F, 0xC3, 0xA0, 0xE2, 0x82, 0xFF, 0xF0, 0x9F, 0x98, 0x80, 0x0D]

    @Test func mutatedCampaignsGiveDiagnosticsNeverATrap() throws {
        var random = SplitMix64(seed: 2026)
        for round in 0..<2_000 {
            let base = Array(Self.corpus[round % Self.corpus.count].utf8)
            let mutated = Self.mutate(base, &random)
            try Self.checkSafely(mutated, round: round)
        }
    }

    @Test func randomBytesGiveDiagnosticsNeverATrap() throws {
        var random = SplitMix64(seed: 7)
        for round in 0..<1_000 {
            let length = Int.random(in: 0...400, using: &random)
            let bytes = (0..<length).map { _ in Self.palette.randomElement(using: &random) ?? 0 }
            try Self.checkSafely(bytes, round: round)
        }
    }

    @Test func hostileShapesEndInDiagnostics() throws {
        let huge = String(repeating: "x", count: 200_000)
        let shapes = [
            String(repeating: "{", count: 50_000),
            String(repeating: "}", count: 50_000),
            String(repeating: "campaign x {", count: 5_000),
            "campaign " + huge + " {}",
            "campaign x { title \"" + huge + "\" }",
            "campaign x { title \"" + huge,
            String(repeating: ",", count: 100_000),
            String(repeating: "a, ", count: 30_000),
            String(repeating: "# comment\n", count: 20_000),
            "campaign x {\n" + String(repeating: "  hours { mon 09:00-10:00 }\n", count: 2_000) + "}",
        ]
        for (index, shape) in shapes.enumerated() {
            try Self.checkSafely(Array(shape.utf8), round: index)
        }
    }

    @Test func theLexerTurnsInvalidUTF8IntoErrorTokens() {
        var random = SplitMix64(seed: 99)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...200, using: &random)).map { _ in Self.palette.randomElement(using: &random) ?? 0 }
            var lexer = Lexer(bytes: bytes, file: "f")
            let tokens = lexer.tokenize()
            #expect(tokens.last?.kind == .endOfFile)
            // Tokens are in order, within the input, and never overlap.
            var end = 0
            for token in tokens {
                #expect(token.start >= end && token.end >= token.start && token.end <= bytes.count)
                end = token.end
            }
            let hasInvalid = tokens.contains { $0.kind == .invalid }
            #expect(hasInvalid == lexer.diagnostics.contains { $0.id == "invalid-character" && !Self.inString($0, tokens) })
        }
    }

    static func inString(_ diagnostic: Diagnostic, _ tokens: [Token]) -> Bool {
        tokens.contains { $0.kind == .string && $0.start <= diagnostic.range.start && diagnostic.range.end <= $0.end }
    }

    /// Checks, renders and formats one input, and holds the results to the promises.
    static func checkSafely(_ bytes: [UInt8], round: Int) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        let environment = MemoryEnvironment(
            sources: ["f.campaign": text, "shared/teams.campaign": CompleteLanguageTests.teams],
            files: ["lists/demo.csv": ["Mobile", "Home", "Full name"], "lists/generated.csv": nil])
        let result = CampaignChecker.check(file: "f.campaign", environment: environment)
        if result.spec == nil {
            #expect(result.hasErrors, "round \(round): no spec and no error")
        }
        let size = text.utf8.count
        for diagnostic in result.diagnostics where diagnostic.range.file == "f.campaign" {
            #expect(diagnostic.range.start >= 0 && diagnostic.range.end <= size, "round \(round): \(diagnostic)")
        }
        let renderer = DiagnosticRenderer(sources: result.sources, color: false)
        _ = renderer.render(result.diagnostics)
        let json = try JSONSerialization.jsonObject(with: Data(renderer.renderJSON(result.diagnostics).utf8))
        #expect((json as? [Any])?.count == result.diagnostics.count, "round \(round)")
        let formatted = CampaignFormatter.format(text)
        let idempotent = CampaignFormatter.format(formatted) == formatted
        #expect(idempotent, "round \(round): formatting is not idempotent")
    }

    static func mutate(_ base: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = base
        let mutations = Int.random(in: 1...4, using: &random)
        for _ in 0..<mutations {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0...6, using: &random) {
            case 0:
                bytes = Array(bytes.prefix(position))
            case 1:
                let end = min(bytes.count, position + Int.random(in: 1...40, using: &random))
                bytes.removeSubrange(position..<end)
            case 2:
                let end = min(bytes.count, position + Int.random(in: 1...80, using: &random))
                let span = bytes[position..<end]
                bytes.insert(contentsOf: span, at: Int.random(in: 0...bytes.count, using: &random))
            case 3:
                let insert = (0..<Int.random(in: 1...20, using: &random)).map { _ in palette.randomElement(using: &random) ?? 0 }
                bytes.insert(contentsOf: insert, at: position)
            case 4:
                let depth = Int.random(in: 1...300, using: &random)
                bytes.insert(contentsOf: Array(String(repeating: "x {", count: depth).utf8), at: position)
            case 5:
                let word = Array(String(repeating: "w", count: Int.random(in: 1_000...20_000, using: &random)).utf8)
                bytes.insert(contentsOf: word, at: position)
            default:
                // Swap two lines.
                var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                if lines.count > 1 {
                    let a = Int.random(in: 0..<lines.count, using: &random)
                    let b = Int.random(in: 0..<lines.count, using: &random)
                    lines.swapAt(a, b)
                }
                bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
            }
        }
        return bytes
    }
}
