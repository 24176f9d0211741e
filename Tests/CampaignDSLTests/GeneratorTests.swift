import CampaignDSL
import Testing

/// The benchmark's input: large, valid, deterministic.
@Suite struct GeneratorTests {
    @Test(arguments: [100, 1_000, 10_000])
    func generatedCampaignsAreValidAndAboutTheSizeAsked(lines: Int) throws {
        let text = CampaignSourceGenerator.generate(lines: lines, seed: 7)
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(count >= lines - 2 && count <= lines + 80, "\(count) lines")
        let result = FormatterTests.check(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3).map(\.message))")
        #expect(try #require(result.spec).surveys.count >= 1)
    }

    @Test func theSameSeedGivesTheSameText() {
        #expect(CampaignSourceGenerator.generate(lines: 500, seed: 3) == CampaignSourceGenerator.generate(lines: 500, seed: 3))
        #expect(CampaignSourceGenerator.generate(lines: 500, seed: 3) != CampaignSourceGenerator.generate(lines: 500, seed: 4))
    }
}
