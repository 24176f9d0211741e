@testable import Dialer
import Testing

@Suite struct CSVFuzzTests {
    /// Random bytes rich in quotes, delimiters, line breaks and broken UTF-8: reading always ends, rows come
    /// back in file order with their line numbers, and every record has the header's field count.
    @Test func randomBytesNeverStopOrConfuseTheReader() throws {
        let folder = try ContactsTestFolder()
        var random = SeededRandom(seed: 4_180)
        let alphabet: [UInt8] = Array("ab,;\"\"\n\n\r \t".utf8) + [0xC3, 0xA9, 0xFF, 0xE2, 0x82]
        for round in 0..<300 {
            var bytes = Array("name,phone,note\n".utf8)
            for _ in 0..<Int.random(in: 0...400, using: &random) {
                bytes.append(alphabet.randomElement(using: &random) ?? 0)
            }
            let path = try folder.write("fuzz\(round).csv", bytes)
            let reader = try CSVReader(path: path, delimiter: nil, bufferSize: [16, 64, 4096][round % 3])
            // LF, CRLF and CR alone each end a line.
            let physicalLines = bytes.indices.filter { bytes[$0] == 10 || (bytes[$0] == 13 && bytes[safe: $0 + 1] != 10) }.count + 1
            var lastLine = 1
            var rows = 0
            while let row = reader.next() {
                rows += 1
                let line: Int
                switch row {
                case .record(let record):
                    line = record.line
                    #expect(record.fields.count == 3)
                case .rejected(let reject):
                    line = reject.line
                    #expect(!reject.reason.isEmpty)
                }
                #expect(line > lastLine, "round \(round)")
                #expect(line <= physicalLines, "round \(round)")
                lastLine = line
                if rows > physicalLines { break }
            }
            #expect(rows <= physicalLines)
        }
    }
}
