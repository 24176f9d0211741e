@testable import Dialer
import Foundation
import Testing

/// Line ends as every office tool writes them, and very wide rows.
@Suite struct CSVLineEndTests {
    @Test func aMacintoshCSVWithCROnlyLineEndsReadsEveryRow() throws {
        let reader = try CSVReader(path: ListFixtures.path("vn-mac.csv"))
        let (records, rejects) = ListFixtures.readAll(reader)
        #expect(reader.header == ["Mobile", "Full name", "Renewal date", "Active", "Plan"])
        #expect(rejects.isEmpty)
        #expect(records.map { $0.fields[1] } == ListFixtures.vietnameseNames)
        #expect(records.map(\.line) == Array(2...13))
    }

    @Test func mixedLineEndsInAnyBufferSize() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("mixed.csv")
        // LF, CR, CRLF, a blank CR line, a quoted field holding CR and CRLF, and a last line without an end.
        try Data("Phone,Name\n0912000001,An\r0912000002,Bình\r\n\r0912000003,\"Chi\rhai\r\nba\"\n0912000004,Dũng".utf8)
            .write(to: URL(fileURLWithPath: path))
        // Every split of a line end between two reads (the longest row is 27 bytes).
        for bufferSize in [28, 29, 30, 31, 32, 33, 34, 35, 36, 40, 48, 64, 4096] {
            let reader = try CSVReader(path: path, delimiter: nil, bufferSize: bufferSize)
            let (records, rejects) = ListFixtures.readAll(reader)
            #expect(rejects.isEmpty, "buffer \(bufferSize)")
            #expect(records.map(\.fields) == [["0912000001", "An"], ["0912000002", "Bình"],
                                              ["0912000003", "Chi\rhai\r\nba"], ["0912000004", "Dũng"]], "buffer \(bufferSize)")
            #expect(records.map(\.line) == [2, 3, 5, 8], "buffer \(bufferSize)")
        }
    }

    @Test func aQuoteErrorOnACROnlyLineSkipsJustThatLine() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("bad.csv")
        try Data("Phone,Name\r0912000001,\"An\"x\r0912000002,Bình\r".utf8).write(to: URL(fileURLWithPath: path))
        let (records, rejects) = ListFixtures.readAll(try CSVReader(path: path))
        #expect(rejects.map(\.line) == [2])
        #expect(records.map(\.fields) == [["0912000002", "Bình"]])
        #expect(records.map(\.line) == [3])
    }

    @Test func oneHundredThousandColumns() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("wide.csv")
        let columns = 100_000
        var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\r\n"
        for row in 0..<20 {
            text += (0..<columns).map { $0 == 0 ? "09120000\(10 + row)" : $0 == columns - 1 ? "end\(row)" : "x" }
                .joined(separator: ",") + "\r\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try CSVReader(path: path)
        let (records, rejects) = ListFixtures.readAll(reader)
        #expect(reader.header.count == columns && reader.header.last == "c99999")
        #expect(reader.columnIndex(named: "C99999") == columns - 1)
        #expect(rejects.isEmpty)
        #expect(records.count == 20)
        #expect(records.allSatisfy { $0.fields.count == columns })
        #expect(records.map { $0.fields[columns - 1] } == (0..<20).map { "end\($0)" })
    }
}
