@testable import Dialer
import Foundation
import Testing

@Suite struct CSVBenchmarkDataTests {
    @Test func generatedContactsAreDeterministicReadableAndMostlyValid() throws {
        let folder = try ContactsTestFolder()
        let first = try ContactsBenchmarkSupport.writeContactsCSV(count: 5_000, seed: 7, folder: folder.path + "/a")
        let again = try ContactsBenchmarkSupport.writeContactsCSV(count: 5_000, seed: 7, folder: folder.path + "/b")
        let other = try ContactsBenchmarkSupport.writeContactsCSV(count: 5_000, seed: 8, folder: folder.path + "/c")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: again))))
        #expect(bytes != (try Data(contentsOf: URL(fileURLWithPath: other))))

        let reader = try CSVReader(path: first)
        #expect(reader.header == ["Full name", "Mobile", "Home", "City", "Owner"])
        var records = 0
        var invalid = 0
        while let row = reader.next() {
            guard case .record(let record) = row else {
                Issue.record("generated rows must all be well-formed")
                continue
            }
            records += 1
            if case .failure = PhoneNumberParser.parse(record.fields[1], defaultRegion: "VN") { invalid += 1 }
        }
        #expect(records == 5_000)
        #expect((50...300).contains(invalid))
        #expect((50...75).contains(bytes.count / records))
    }

    @Test func generatedDNCListLoadsWithFewRejects() throws {
        let folder = try ContactsTestFolder()
        let path = try ContactsBenchmarkSupport.writeDNCFile(count: 20_000, seed: 3, folder: folder.path)
        let result = try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: nil)
        #expect(result.rejected.count < 100)
        #expect(result.index.numberCount + result.rejected.count > 19_900)
        #expect(result.index.contains(digits: 841_900_123_456))
    }
}
