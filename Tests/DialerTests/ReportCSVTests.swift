import Foundation
import Testing
@testable import Dialer

@Suite("Report CSV: RFC 4180, UTF-8, safe in a spreadsheet")
struct ReportCSVTests {
    /// Cells that exercise quoting, formulas, non-ASCII text and line breaks.
    static let pieces = ["=", "+", "-", "@", "\t", "\r", "\n", ",", "\"", " ", "a", "Nguyễn", "1", "+84912345678",
                         "=HYPERLINK(\"http://x\")", "@SUM(A1)", "'", "😀", ";", "-5"]

    @Test func everyCellReadsBackAsWrittenOrWithTheApostropheGuard() throws {
        // A cell that starts a formula and is more than a number gets the apostrophe; every other is as written.
        let directory = TemporaryDirectory()
        var random = SeededRandom(seed: 42)
        for round in 0..<40 {
            let rows = (0..<random.below(6) + 1).map { _ in
                (0..<random.below(5) + 1).map { _ in
                    (0..<random.below(4)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
                }
            }
            let path = directory.file("round\(round).csv")
            var writer = try CSVWriter(path: path, byteOrderMark: round.isMultiple(of: 2))
            for row in rows { try writer.writeRow(row) }
            try writer.close()
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let hasMark = Array(data.prefix(3)) == CSVWriter.byteOrderMark
            #expect(hasMark == round.isMultiple(of: 2))
            let parsed = try #require(StrictCSV.parse(Array(data.dropFirst(hasMark ? 3 : 0))), "round \(round): not RFC 4180")
            #expect(parsed.count == rows.count)
            for (written, read) in zip(rows, parsed) {
                #expect(read.count == written.count)
                for (cell, back) in zip(written, read) {
                    let expected = CSVWriter.needsGuard(cell) ? "'" + cell : cell
                    #expect(back == expected, "round \(round): \(cell.debugDescription)")
                    #expect(!CSVWriter.needsGuard(back), "a cell never starts a formula that can call a function")
                }
            }
        }
    }

    @Test func numbersStayCleanForACRMAndFormulasAreText() throws {
        let directory = TemporaryDirectory()
        var writer = try CSVWriter(path: directory.file("n.csv"))
        try writer.writeRow(["+84912345678", "+84 91 234 5678", "=1+1", "-2", "0912345678", "Bình, Hà Nội",
                             "=HYPERLINK(\"http://x\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-", "\t1"])
        try writer.close()
        let text = try String(contentsOfFile: directory.file("n.csv"), encoding: .utf8)
        #expect(text == "+84912345678,+84 91 234 5678,'=1+1,-2,0912345678,\"Bình, Hà Nội\","
                    + "\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),'+cmd|' /C calc'!A0,'-,'\t1\r\n")
    }

    @Test func numbersAndSecondsAreWrittenPlainly() throws {
        let directory = TemporaryDirectory()
        var writer = try CSVWriter(path: directory.file("s.csv"))
        writer.cell(Int64(0))
        writer.cell(Int64(-1_234_567_890_123))
        writer.cell(seconds: 12.345)
        writer.cell(seconds: 0.04)
        writer.cell(seconds: nil)
        writer.cell(seconds: 25)
        try writer.endRow()
        try writer.close()
        #expect(try String(contentsOfFile: directory.file("s.csv"), encoding: .utf8) == "0,-1234567890123,12.3,0.0,,25.0\r\n")
    }

    @Test func fieldsDecoderAgreesWithTheStoresEncoding() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let fields = (0..<random.below(6)).map { _ in
                (0..<random.below(5)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
                    + (random.below(10) == 0 ? "\u{1}\\" : "")
            }
            var json = JSONText.encode(fields)
            let decoded = json.withUTF8 { FieldsDecoder.decode($0) }
            #expect(decoded == fields)
        }
    }
}

/// A strict RFC 4180 reader for checking what the writer wrote: CRLF row ends, quoted fields
/// with doubled quotes; nil when the text breaks the rules.
enum StrictCSV {
    static func parse(_ bytes: [UInt8]) -> [[String]]? {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 34 {
                index += 1
                while true {
                    guard index < bytes.count else { return nil }
                    if bytes[index] == 34 {
                        if index + 1 < bytes.count, bytes[index + 1] == 34 {
                            field.append(34)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.append(bytes[index])
                    index += 1
                }
            } else {
                while index < bytes.count, bytes[index] != 44, bytes[index] != 13 {
                    if bytes[index] == 34 || bytes[index] == 10 { return nil }
                    field.append(bytes[index])
                    index += 1
                }
            }
            guard index < bytes.count else { return nil }
            row.append(String(decoding: field, as: UTF8.self))
            field = []
            if bytes[index] == 44 {
                index += 1
            } else {
                guard index + 1 < bytes.count, bytes[index] == 13, bytes[index + 1] == 10 else { return nil }
                index += 2
                rows.append(row)
                row = []
            }
        }
        return row.isEmpty ? rows : nil
    }
}
