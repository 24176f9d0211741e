import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// Lines of Do-Not-Call files that are neither numbers nor prefixes are reported with their file and line.
@Suite struct DNCBadLineTests {
    private func spec(list: String, country: String?, dnc: String) -> CampaignSpec {
        var spec = EngineFixture.spec(timeZone: "Asia/Ho_Chi_Minh")
        spec.lists = [ListSpec(path: list, phoneColumns: ["Phone"], defaultCountry: country)]
        spec.dnc = [DNCList(path: dnc)]
        return spec
    }

    @Test func everyBadLineIsReportedWithItsFileAndLineAndTheRestStillBlocks() throws {
        let directory = TemporaryDirectory()
        try "Phone\n0912345678\n0912345679\n".write(toFile: directory.file("list.csv"), atomically: true, encoding: .utf8)
        try """
            Phone numbers
            +84 912 345 678
            12
            # a comment

            n/a   # unknown
            +84190*
            abc*
            """.write(toFile: directory.file("dnc.txt"), atomically: true, encoding: .utf8)
        let spec = spec(list: directory.file("list.csv"), country: "VN", dnc: directory.file("dnc.txt"))
        let store = try CampaignStore(path: directory.file("t.db"), now: Date(timeIntervalSince1970: 0))
        let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        let (_, report) = try CampaignCompiler(spec: spec, store: store, doNotCall: registry)
            .compile(sourcePath: "t.campaign", sourceText: "", at: Date(timeIntervalSince1970: 0))
        #expect(report.doNotCall == 1 && report.dialable == 1)
        #expect(report.ignoredDNCLines.map(\.line) == [1, 3, 6, 8])
        #expect(report.ignoredDNCLines.allSatisfy { $0.list == directory.file("dnc.txt") })
        #expect(report.ignoredDNCLines.map(\.text) == ["Phone numbers", "12", "n/a", "abc*"])
        #expect(report.ignoredDNCLines[1].reason == "The phone number is too short for Vietnam (+84).")

        let explained = try CampaignExplainer.explain(spec)
        #expect(explained.contains("warning: \(PlainWords.path(directory.file("dnc.txt"))) line 3 is neither a number nor a prefix, so it is ignored: The phone number is too short for Vietnam (+84)."))
    }

    @Test func aDNCFileWithCROnlyLineEnds() throws {
        let directory = TemporaryDirectory()
        try "+84 912 345 678\rnot a number\r0912345679\r".write(toFile: directory.file("dnc.txt"), atomically: true, encoding: .utf8)
        let loaded = try DNCIndex.load(path: directory.file("dnc.txt"), column: nil, defaultRegion: "VN", cacheDirectory: nil)
        #expect(loaded.index.contains(digits: 84_912_345_678) && loaded.index.contains(digits: 84_912_345_679))
        #expect(loaded.rejected.map(\.line) == [2])
    }

    @Test func aNumberWithoutCountryWhenNoneIsGivenStopsTheCompile() throws {
        let directory = TemporaryDirectory()
        try "Phone\n+84912345678\n".write(toFile: directory.file("list.csv"), atomically: true, encoding: .utf8)
        try "+84 912 345 670\n0912345678\n".write(toFile: directory.file("dnc.txt"), atomically: true, encoding: .utf8)
        let spec = spec(list: directory.file("list.csv"), country: nil, dnc: directory.file("dnc.txt"))
        let store = try CampaignStore(path: directory.file("t.db"), now: Date(timeIntervalSince1970: 0))
        let error = #expect(throws: CompileError.self) {
            try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        }
        #expect(error?.description == "do-not-call list \(directory.file("dnc.txt")): 1 number without a country code (line 2) "
                + "and no default country to read it with: write it with +, or give the campaign's first list a `country`; "
                + "until then that number could be dialed")
    }
}
