@testable import Dialer
import Foundation
import Testing

@Suite struct CSVRejectsWriterTests {
    @Test func writesQuotedRejectsThatReadBackIntact() throws {
        let folder = try ContactsTestFolder()
        let path = folder.path + "/rejects.csv"
        let writer = RejectsWriter(path: path)
        let rejects = [
            CSVReject(line: 3, reason: "wrong field count (expected 3, found 2)", text: "An,\"0912\""),
            CSVReject(line: 7, reason: "unclosed quote", text: "Bình;0913\nnext"),
            CSVReject(line: 12, reason: "invalid UTF-8", text: "plain"),
        ]
        for reject in rejects { try writer.write(reject) }
        try writer.close()
        #expect(writer.count == 3)

        let reader = try CSVReader(path: path)
        #expect(reader.header == ["line", "reason", "row"])
        var back: [CSVReject] = []
        while case .record(let record)? = reader.next() {
            back.append(CSVReject(line: Int(record.fields[0]) ?? -1, reason: record.fields[1], text: record.fields[2]))
        }
        #expect(back == rejects)
    }

    @Test func noRejectsNoFile() throws {
        let folder = try ContactsTestFolder()
        let path = folder.path + "/rejects.csv"
        let writer = RejectsWriter(path: path)
        try writer.close()
        #expect(writer.count == 0)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func anUnwritablePathThrowsNamingTheFile() throws {
        let writer = RejectsWriter(path: "/nonexistent-folder/rejects.csv")
        #expect(throws: CSVError.self) {
            try writer.write(CSVReject(line: 2, reason: "r", text: "t"))
        }
    }
}
