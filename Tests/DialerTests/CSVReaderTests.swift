@testable import Dialer
import Foundation
import Testing

/// A folder under the system's temporary directory, removed when the test is done with it.
final class ContactsTestFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "/contacts-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `name` in the folder and returns the file's path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }
}

@Suite struct CSVReaderTests {
    private func readAll(_ path: String, delimiter: UInt8? = nil, bufferSize: Int = CSVReader.defaultBufferSize) throws -> (CSVReader, [CSVRecord], [CSVReject]) {
        let reader = try CSVReader(path: path, delimiter: delimiter, bufferSize: bufferSize)
        var records: [CSVRecord] = []
        var rejects: [CSVReject] = []
        while let row = reader.next() {
            switch row {
            case .record(let record): records.append(record)
            case .rejected(let reject): rejects.append(reject)
            }
        }
        return (reader, records, rejects)
    }

    @Test func readsQuotedFieldsDoubledQuotesAndLineBreaksInQuotes() throws {
        let folder = try ContactsTestFolder()
        let path = try folder.write("a.csv", "Name,Phone,Note\r\n\"Nguyễn, An\",0912345678,\"said \"\"hi\"\"\"\r\nBình,0987654321,\"two\nlines\"\r\nChi,0901234567,\n")
        let (reader, records, rejects) = try readAll(path)
        #expect(reader.header == ["Name", "Phone", "Note"])
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(rejects.isEmpty)
        #expect(records.map(\.fields) == [
            ["Nguyễn, An", "0912345678", "said \"hi\""],
            ["Bình", "0987654321", "two\nlines"],
            ["Chi", "0901234567", ""],
        ])
        #expect(records.map(\.line) == [2, 3, 5])
    }

    @Test(arguments: [(";", UInt8(ascii: ";")), ("\t", UInt8(ascii: "\t")), (",", UInt8(ascii: ","))])
    func detectsTheDelimiterFromTheHeader(separator: String, expected: UInt8) throws {
        let folder = try ContactsTestFolder()
        let text = ["Họ tên", "Di động", "Ghi chú"].joined(separator: separator) + "\n"
            + ["An", "0912345678", "a,b;c"].joined(separator: separator == "," ? ";" : ",")
            + "\n" + ["Bình", "0987654321", "x"].joined(separator: separator) + "\n"
        let path = try folder.write("d.csv", text)
        let (reader, records, rejects) = try readAll(path)
        #expect(reader.delimiter == expected)
        #expect(records.map(\.fields) == [["Bình", "0987654321", "x"]])
        #expect(rejects.map(\.line) == [2])
    }

    @Test func skipsTheByteOrderMarkAndTrimsTheHeader() throws {
        let folder = try ContactsTestFolder()
        let path = try folder.write("bom.csv", [0xEF, 0xBB, 0xBF] + Array(" Full name , Mobile\n An ,0912\n".utf8))
        let (reader, records, _) = try readAll(path)
        #expect(reader.header == ["Full name", "Mobile"])
        #expect(reader.columnIndex(named: "MOBILE ") == 1)
        #expect(reader.columnIndex(named: "full NAME") == 0)
        #expect(reader.columnIndex(named: "Home") == nil)
        #expect(records.first?.fields == [" An ", "0912"])
    }

    @Test func lastLineWithoutLineBreakAndBlankLinesAreHandled() throws {
        let folder = try ContactsTestFolder()
        let path = try folder.write("e.csv", "a,b\n\n1,2\r\n\r\n3,\"4\"")
        let (_, records, rejects) = try readAll(path)
        #expect(rejects.isEmpty)
        #expect(records.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [3, 5])
    }

    @Test func reportsEachKindOfBadRowWithItsLineAndReason() throws {
        let folder = try ContactsTestFolder()
        var bytes = Array("name,phone\nAn,0912\nBình\n".utf8)
        bytes += [UInt8(ascii: "C"), 0xFF, UInt8(ascii: ","), UInt8(ascii: "1"), UInt8(ascii: "\n")]
        bytes += Array("\"Dung\"x,0913\nEm,0914\nGiang,\"0915\n".utf8)
        let path = try folder.write("bad.csv", bytes)
        let (_, records, rejects) = try readAll(path)
        #expect(records.map(\.line) == [2, 6])
        #expect(rejects.map(\.line) == [3, 4, 5, 7])
        #expect(rejects[0].reason == "wrong field count (expected 2, found 1)")
        #expect(rejects[0].text == "Bình")
        #expect(rejects[1].reason == "invalid UTF-8")
        #expect(rejects[2].reason.hasPrefix("text after a closing quote"))
        #expect(rejects[3].reason == "unclosed quote")
        #expect(rejects[3].text == "Giang,\"0915")
    }

    @Test func aRowLongerThanTheBufferIsRejectedAndReadingGoesOn() throws {
        let folder = try ContactsTestFolder()
        let long = String(repeating: "x", count: 500)
        let path = try folder.write("long.csv", "a,b\n1,2\n\(long),3\n4,5\n")
        let (_, records, rejects) = try readAll(path, bufferSize: 64)
        #expect(records.map(\.fields) == [["1", "2"], ["4", "5"]])
        #expect(rejects.map(\.line) == [3])
        #expect(rejects.first?.reason == "row longer than 64 bytes")
    }

    @Test func badFilesThrowAClearError() throws {
        let folder = try ContactsTestFolder()
        #expect(throws: CSVError.self) { try CSVReader(path: folder.path + "/missing.csv") }
        let empty = try folder.write("empty.csv", [0xEF, 0xBB, 0xBF])
        do {
            _ = try CSVReader(path: empty)
            Issue.record("an empty file must throw")
        } catch {
            #expect(error.problem == .empty)
            #expect(error.description.contains("empty.csv"))
        }
        let badHeader = try folder.write("header.csv", "\"name,phone\n1,2\n")
        #expect(throws: CSVError.self) { try CSVReader(path: badHeader) }
        do {
            _ = try CSVReader(path: folder.path)
            Issue.record("a directory must throw")
        } catch {
            #expect(error.description.contains(folder.path))
        }
    }

    /// Random files mixing good rows with every kind of bad row: each bad row is reported with its line,
    /// each good row comes back intact, whatever the buffer size.
    @Test func malformedCorpusReportsEveryBadRowAndKeepsEveryGoodRow() throws {
        let folder = try ContactsTestFolder()
        var random = SeededRandom(seed: 20_260_321)
        for round in 0..<60 {
            let delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")][round % 3]
            let lineBreak: [UInt8] = round % 2 == 0 ? [10] : [13, 10]
            let columns = Int.random(in: 2...5, using: &random)
            var bytes: [UInt8] = []
            bytes += (0..<columns).map { "col\($0)" }.joined(separator: String(UnicodeScalar(delimiter))).utf8
            bytes += lineBreak
            var line = 2
            var expectedGood: [(line: Int, fields: [String])] = []
            var expectedBad: [Int] = []
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                let kind = Int.random(in: 0..<10, using: &random)
                var fields = (0..<columns).map { _ in Self.randomField(&random) }
                switch kind {
                case 0: // wrong field count
                    fields.append(Self.randomField(&random))
                    fields[0] = "z" + fields[0]
                    bytes += Self.encode(fields, delimiter, lineBreak)
                    expectedBad.append(line)
                    line += fields.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
                case 1: // invalid UTF-8 inside the first field
                    fields = (0..<columns).map { "x\($0)" }
                    var encoded = Self.encode(fields, delimiter, lineBreak)
                    encoded.insert(contentsOf: [0xC3, 0x28], at: 1)
                    bytes += encoded
                    expectedBad.append(line)
                case 2: // text after a closing quote; reading resumes on the next line, so the row keeps to one line
                    fields = fields.map { $0.replacingOccurrences(of: "\n", with: " ") }
                    bytes += Array("\"q\"x".utf8) + [delimiter] + Self.encode(Array(fields.dropFirst()), delimiter, lineBreak)
                    expectedBad.append(line)
                default:
                    bytes += Self.encode(fields, delimiter, lineBreak)
                    expectedGood.append((line, fields))
                    line += fields.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
                }
                line += 1
            }
            let unclosed = round % 4 == 0
            if unclosed {
                bytes += Array("last".utf8) + [delimiter] + Array("\"open".utf8) + lineBreak
                expectedBad.append(line)
            }
            let path = try folder.write("corpus\(round).csv", bytes)
            for bufferSize in [256, 1024, CSVReader.defaultBufferSize] {
                let (_, records, rejects) = try readAll(path, bufferSize: bufferSize)
                #expect(records.map(\.line) == expectedGood.map(\.line), "round \(round), buffer \(bufferSize)")
                #expect(records.map(\.fields) == expectedGood.map(\.fields), "round \(round), buffer \(bufferSize)")
                #expect(rejects.map(\.line) == expectedBad, "round \(round), buffer \(bufferSize)")
            }
        }
    }

    private static let fieldAlphabet: [String] = ["a", "B", "7", " ", "ễ", "Đ", "\"", ",", ";", "\t", "\n", "😀"]

    private static func randomField(_ random: inout SeededRandom) -> String {
        let length = Int.random(in: 0...12, using: &random)
        // Starts with a letter so a stray quote earlier in the file cannot pair with it.
        return length == 0 ? "" : "x" + (0..<length).map { _ in fieldAlphabet.randomElement(using: &random) ?? "a" }.joined()
    }

    private static func encode(_ fields: [String], _ delimiter: UInt8, _ lineBreak: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(delimiter) }
            let bytes = Array(field.utf8)
            if bytes.contains(where: { $0 == 34 || $0 == 10 || $0 == 13 || $0 == delimiter }) || field.isEmpty && index == 0 {
                out.append(34)
                for byte in bytes {
                    if byte == 34 { out.append(34) }
                    out.append(byte)
                }
                out.append(34)
            } else {
                out += bytes
            }
        }
        return out + lineBreak
    }
}
