import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// Lists in the encodings office tools write, read through iconv from files LibreOffice made.
@Suite struct ListEncodingTests {
    private func read(_ name: String, encoding: TextEncodingName?) throws -> (CSVReader, [CSVRecord], [CSVReject]) {
        let reader = try CSVReader(path: ListFixtures.path(name), encoding: encoding)
        let (records, rejects) = ListFixtures.readAll(reader)
        return (reader, records, rejects)
    }

    @Test func vietnameseWindows1258IsReadWithItsToneMarksComposed() throws {
        let (reader, records, rejects) = try read("vn-1258.csv", encoding: .windows1258)
        #expect(reader.header == ["Mobile", "Full name", "Renewal date", "Active", "Plan"])
        #expect(rejects.isEmpty)
        #expect(records.map { $0.fields[1] } == ListFixtures.vietnameseNamesAsLibreOfficeWrites1258)
        // NFC: "ễ" is one scalar, not e + circumflex + tilde.
        #expect(records[0].fields[1].unicodeScalars.count == "Nguyễn Thị Ngọc Ánh".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(records[0].fields[1].unicodeScalars.contains("\u{1EC5}"))
        // LibreOffice typed the phone column as numbers: the trunk 0 is gone from the file.
        #expect(records.map { $0.fields[0] } == ListFixtures.vietnameseMobiles.map { String($0.dropFirst()) })
        #expect(records.map(\.line) == Array(2...13))
    }

    /// Every split of a converted row between two reads, down to a few bytes left in the reader's buffer.
    @Test func convertedListsReadTheSameInAnyBufferSize() throws {
        for bufferSize in 72...140 {
            for (name, encoding) in [("vn-1258.csv", TextEncodingName.windows1258), ("vn-utf16.csv", .utf16)] {
                let reader = try CSVReader(path: ListFixtures.path(name), delimiter: nil, encoding: encoding, bufferSize: bufferSize)
                let (records, rejects) = ListFixtures.readAll(reader)
                #expect(rejects.isEmpty, "\(name), buffer \(bufferSize)")
                #expect(records.count == 12, "\(name), buffer \(bufferSize)")
                #expect(records.map { $0.fields[1] }.dropLast() == ListFixtures.vietnameseNames.dropLast(), "\(name), buffer \(bufferSize)")
            }
        }
    }

    @Test func utf16IsFoundByItsByteOrderMarkOrDeclared() throws {
        for encoding in [nil, TextEncodingName.utf16, .utf16LE] {
            let (reader, records, rejects) = try read("vn-utf16.csv", encoding: encoding)
            #expect(reader.header == ["Mobile", "Full name", "Renewal date", "Active", "Plan"])
            #expect(rejects.isEmpty)
            #expect(records.map { $0.fields[1] } == ListFixtures.vietnameseNames)
            #expect(records.map { $0.fields[0] } == ListFixtures.vietnameseMobiles)
        }
    }

    @Test func utf16WithoutAByteOrderMarkIsReadByWhereItsNULsAre() throws {
        let directory = TemporaryDirectory()
        for (encoding, bytes) in [(String.Encoding.utf16LittleEndian, "LE"), (.utf16BigEndian, "BE")] {
            let path = directory.file("list-\(bytes).csv")
            try #require("Số điện thoại,Họ tên\n0912345678,Trần Văn Đức\n".data(using: encoding)).write(to: URL(fileURLWithPath: path))
            let reader = try CSVReader(path: path, encoding: .utf16)
            let (records, _) = ListFixtures.readAll(reader)
            #expect(reader.header == ["Số điện thoại", "Họ tên"])
            #expect(records.map(\.fields) == [["0912345678", "Trần Văn Đức"]])
        }
    }

    @Test func czechWindows1250AndISO88592() throws {
        let (_, records, rejects) = try read("cs-1250.csv", encoding: .windows1250)
        #expect(rejects.isEmpty)
        #expect(records.map { $0.fields[1] } == ListFixtures.czechNames)
        #expect(records.map { $0.fields[0] } == ["601123456", "602234567", "603345678", "604456789", "605567890", "606678901"])

        let directory = TemporaryDirectory()
        let path = directory.file("iso.csv")
        try #require("Telefon,Jméno\n601123456,Šárka Dvořáková\n".data(using: .isoLatin2)).write(to: URL(fileURLWithPath: path))
        let iso = ListFixtures.readAll(try CSVReader(path: path, encoding: .iso88592)).records
        #expect(iso.map(\.fields) == [["601123456", "Šárka Dvořáková"]])
    }

    @Test func windows1252AndLatin1() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("fr.csv")
        try #require("Téléphone;Nom\n0612345678;François Lefèvre – Œuvre\n".data(using: .windowsCP1252))
            .write(to: URL(fileURLWithPath: path))
        let (records, _) = ListFixtures.readAll(try CSVReader(path: path, encoding: .windows1252))
        #expect(records.map(\.fields) == [["0612345678", "François Lefèvre – Œuvre"]])
        let latin = directory.file("latin.csv")
        try #require("Téléphone,Nom\n0612345678,Zoë Brontë\n".data(using: .isoLatin1)).write(to: URL(fileURLWithPath: latin))
        let reader = try CSVReader(path: latin, encoding: .latin1)
        #expect(reader.header == ["Téléphone", "Nom"])
        #expect(ListFixtures.readAll(reader).records.map(\.fields) == [["0612345678", "Zoë Brontë"]])
    }

    @Test func aUTF8ByteOrderMarkIsSkippedAndBadBytesRejectTheirRowNamingTheEncoding() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("bom.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array("Phone,Name\n0912345678,Ánh\n".utf8)).write(to: URL(fileURLWithPath: path))
        let reader = try CSVReader(path: path)
        #expect(reader.header == ["Phone", "Name"])
        #expect(ListFixtures.readAll(reader).records.map(\.fields) == [["0912345678", "Ánh"]])

        // 0x81 is no character of Windows-1252: only that row is set aside, with its line.
        let bad = directory.file("bad.csv")
        try Data(Array("Phone,Name\n0612345678,A\n0612345679,B\u{1}".utf8).dropLast() + [0x81, 0x0A] + Array("0612345670,C\n".utf8))
            .write(to: URL(fileURLWithPath: bad))
        let (records, rejects) = ListFixtures.readAll(try CSVReader(path: bad, encoding: .windows1252))
        #expect(records.map { $0.fields[1] } == ["A", "C"])
        #expect(rejects.map(\.line) == [3])
        #expect(rejects.first?.reason == "bytes that are not Windows-1252 (Western European) text")
    }

    @Test func headersWithNonASCIINamesPassTheCheckInTheirEncoding() throws {
        let directory = TemporaryDirectory()
        let utf16 = directory.file("utf16.csv")
        try #require("Số điện thoại,Họ tên\n0912345678,Ánh\n".data(using: .utf16)).write(to: URL(fileURLWithPath: utf16))
        let western = directory.file("western.csv")
        try #require("Téléphone;Nom\n0612345678;Zoë\n".data(using: .windowsCP1252)).write(to: URL(fileURLWithPath: western))
        #expect(try DialerEnvironment().listHeader(ListSpec(path: utf16, phoneColumns: [], encoding: .utf16)) == ["Số điện thoại", "Họ tên"])
        #expect(try DialerEnvironment().listHeader(ListSpec(path: western, phoneColumns: [], delimiter: UInt8(ascii: ";"),
                                                            encoding: .windows1252)) == ["Téléphone", "Nom"])
        try FileManager.default.copyItem(atPath: utf16, toPath: directory.file("a.csv"))
        let text = try ListFixtures.check(listLine: "\"a.csv\"", body: """
                phone column "Số điện thoại"
                name  column "Họ tên"
                country VN
                encoding utf-16
            """, in: directory)
        #expect(text == "")
    }

    @Test func aVietnameseListWithoutItsEncodingGetsADiagnosticAtTheListLine() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.copyItem(atPath: ListFixtures.path("vn-1258.csv"), toPath: directory.file("vn-1258.csv"))
        let text = try ListFixtures.check(listLine: "\"vn-1258.csv\"", body: """
                phone column "Mobile"
                country VN
            """, in: directory)
        #expect(text == """
            DIR/list.campaign:3:8: error: 'vn-1258.csv' is not UTF-8 text [wrong-encoding]
              |
            3 |   list "vn-1258.csv" {
              |        ^~~~~~~~~~~~~
              note: the first bytes that are not UTF-8 are on line 2 of the file
              note: its bytes look like Windows-1258 (Vietnamese)
              hint: add `encoding windows-1258` to the list

            """)
    }

    @Test func aCzechListDeclaredAsUTF8GetsTheEncodingToWriteInstead() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.copyItem(atPath: ListFixtures.path("cs-1250.csv"), toPath: directory.file("cs.csv"))
        let text = try ListFixtures.check(listLine: "\"cs.csv\"", body: """
                phone column "Telefon"
                country CZ
                encoding utf-8
            """, in: directory)
        #expect(text == """
            DIR/list.campaign:3:8: error: 'cs.csv' is not UTF-8 text [wrong-encoding]
              |
            3 |   list "cs.csv" {
              |        ^~~~~~~~
              note: the first bytes that are not UTF-8 are on line 1 of the file
              note: its bytes look like Windows-1250 (Central European)
              hint: write `encoding windows-1250` instead

            """)
    }

    @Test func aUTF16FileWithoutByteOrderMarkReadAsUTF8IsNamed() throws {
        let directory = TemporaryDirectory()
        try #require("Phone,Name\n0912345678,An\n".data(using: .utf16LittleEndian)).write(to: URL(fileURLWithPath: directory.file("u.csv")))
        let problem = try ListEncodingCheck.problem(path: directory.file("u.csv"), declared: nil)
        #expect(problem == .notText(encoding: .utf8, line: 1, likely: .utf16))
    }

    @Test func anEncodedListCompilesWithItsNamesAndNumbers() throws {
        let directory = TemporaryDirectory()
        let store = try CampaignStore(path: directory.file("test.db"), now: Date(timeIntervalSince1970: 0))
        var spec = EngineFixture.spec(timeZone: "Asia/Ho_Chi_Minh")
        spec.lists = [ListSpec(path: ListFixtures.path("vn-1258.csv"), phoneColumns: ["Mobile"], nameColumn: "Full name",
                               defaultCountry: "VN", encoding: .windows1258)]
        let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        let (campaign, report) = try CampaignCompiler(spec: spec, store: store, doNotCall: registry)
            .compile(sourcePath: "t.campaign", sourceText: "", at: Date(timeIntervalSince1970: 0))
        #expect(report.contacts == 12 && report.dialable == 12 && report.rejectedRows.isEmpty)
        let names = try store.connection.rows("SELECT name, phone_e164 FROM contacts WHERE campaign_id = ? ORDER BY id", [campaign]) {
            ($0.string(0), $0.string(1))
        }
        #expect(names.map(\.0) == ListFixtures.vietnameseNamesAsLibreOfficeWrites1258)
        #expect(names.map(\.1) == ListFixtures.vietnameseMobiles.map { "+84" + $0.dropFirst() })
    }
}
