import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// Excel lists: workbooks LibreOffice wrote, and hand-made sheets for what LibreOffice never writes
/// (inline strings, exponent notation, formula strings, cells without references).
@Suite struct XLSXListTests {
    private func read(_ path: String, sheet: String? = nil) throws -> (XLSXSheetReader, [CSVRecord], [CSVReject]) {
        let reader = try XLSXSheetReader(path: path, sheet: sheet)
        let (records, rejects) = ListFixtures.readAll(reader)
        return (reader, records, rejects)
    }

    @Test func aListLibreOfficeSavedAsXLSX() throws {
        let (reader, records, rejects) = try read(ListFixtures.path("vn.xlsx"))
        #expect(reader.header == ["Mobile", "Full name", "Renewal date", "Active", "Plan"])
        #expect(rejects.isEmpty)
        #expect(records.map(\.line) == Array(2...13))
        #expect(records.map { $0.fields[1] } == ListFixtures.vietnameseNames)
        // The phone column was typed as numbers: the cells hold 912345678.
        #expect(records.map { $0.fields[0] } == ListFixtures.vietnameseMobiles.map { String($0.dropFirst()) })
        #expect(records[0].fields[2...4] == ["2026-03-15", "TRUE", "Gói Vàng"])
        #expect(records[1].fields[2...3] == ["2026-04-01", "FALSE"])
    }

    @Test func numbersStoredAsNumbersCompileToTheirE164ByTheListsCountry() throws {
        let directory = TemporaryDirectory()
        let store = try CampaignStore(path: directory.file("test.db"), now: Date(timeIntervalSince1970: 0))
        var spec = EngineFixture.spec(timeZone: "Asia/Ho_Chi_Minh")
        spec.lists = [ListSpec(path: ListFixtures.path("vn.xlsx"), phoneColumns: ["Mobile"], nameColumn: "Full name", defaultCountry: "VN")]
        let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        let (campaign, report) = try CampaignCompiler(spec: spec, store: store, doNotCall: registry)
            .compile(sourcePath: "t.campaign", sourceText: "", at: Date(timeIntervalSince1970: 0))
        #expect(report.contacts == 12 && report.dialable == 12)
        let rows = try store.connection.rows("SELECT name, phone_e164, line FROM contacts WHERE campaign_id = ? ORDER BY id", [campaign]) {
            ($0.string(0), $0.string(1), $0.int(2))
        }
        #expect(rows.map(\.0) == ListFixtures.vietnameseNames)
        #expect(rows.map(\.1) == ListFixtures.vietnameseMobiles.map { "+84" + $0.dropFirst() })
        #expect(rows.map(\.2) == Array(2...13))
    }

    @Test func aWorkbookWithTwoSheetsMergedCellsRichTextAnd1904Dates() throws {
        let path = ListFixtures.path("vn-workbook.xlsx")
        let (first, _, _) = try read(path)
        #expect(first.sheet == "Ghi chú" && first.header == ["Danh sách gia hạn tháng 3"])

        let (reader, records, rejects) = try read(path, sheet: "Khách hàng")
        #expect(reader.header == ["Mobile", "Full name", "Renewal date", "Active", "Region", "Note"])
        #expect(rejects.isEmpty)
        // Row 5 is empty and skipped; rows keep their sheet numbers.
        #expect(records.map(\.line) == [2, 3, 4, 6])
        #expect(records.map(\.fields) == [
            ["912345678", "Nguyễn Thị Ngọc Ánh", "2026-03-15", "1", "Hà Nội", "gọi buổi sáng"],
            // Shown as 8.4988E+10, stored as 84987654321: every digit is read. "Hà Nội" is merged over E2:E3.
            ["84987654321", "Trần Văn Đức", "2026-04-01", "0", "Hà Nội", ""],
            ["0903 123 456", "Lê Hoàng Yến", "", "1", "Đà Nẵng", "khách VIP"],
            ["356789012", "Phạm Quốc Việt", "2026-06-30", "0", "Huế", ""],
        ])
        // A sheet name is matched ignoring case, as Excel does.
        #expect(try XLSXSheetReader(path: path, sheet: "khách hàng").sheet == "Khách hàng")
    }

    @Test func aSheetThatDoesNotExistIsNamedWithTheSheetsThereAre() throws {
        #expect(throws: ListFileProblem.noSheet("Customers", sheets: ["Ghi chú", "Khách hàng"])) {
            try XLSXSheetReader(path: ListFixtures.path("vn-workbook.xlsx"), sheet: "Customers")
        }
        let directory = TemporaryDirectory()
        try FileManager.default.copyItem(atPath: ListFixtures.path("vn-workbook.xlsx"), toPath: directory.file("book.xlsx"))
        let text = try ListFixtures.check(listLine: "\"book.xlsx\"", body: """
                phone column "Mobile"
                country VN
                sheet "Khach hang"
            """, in: directory)
        #expect(text == """
            DIR/list.campaign:6:11: error: 'book.xlsx' has no sheet 'Khach hang' [unknown-sheet]
              |
            6 |     sheet "Khach hang"
              |           ^~~~~~~~~~~~
              note: its sheets are: 'Ghi chú', 'Khách hàng'

            """)
    }

    @Test func theCheckerReadsTheHeaderOfTheSheetNamed() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.copyItem(atPath: ListFixtures.path("vn-workbook.xlsx"), toPath: directory.file("book.xlsx"))
        let good = try ListFixtures.check(listLine: "\"book.xlsx\"", body: """
                phone column "Mobile"
                name  column "Full name"
                country VN
                sheet "Khách hàng"
            """, in: directory)
        #expect(good == "")
        let wrong = try ListFixtures.check(listLine: "\"book.xlsx\"", body: """
                phone column "Phone"
                country VN
                sheet "Khách hàng"
                encoding windows-1258
            """, in: directory)
        #expect(wrong.contains("error: 'book.xlsx' has no column 'Phone' [unknown-column]"))
        #expect(wrong.contains("error: an Excel list has no 'encoding': its cells are already text [conflict]"))
    }

    /// A workbook as other tools write it: inline strings with runs and phonetic guides, exponents, formula
    /// strings, errors, booleans, a cell after a gap, cells without references, a date-time style, a merged row.
    @Test func cellsOfEveryKind() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("kinds.xlsx")
        try Self.writeWorkbook(path, sheets: [("Data", """
            <row r="1"><c r="A1" t="inlineStr"><is><t>Phone</t></is></c><c r="B1" t="inlineStr"><is><t>Name</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>When</t></is></c><c r="D1" t="inlineStr"><is><t>Flag</t></is></c>\
            <c r="E1" t="inlineStr"><is><t>Amount</t></is></c></row>
            <row r="2"><c r="A2"><v>8.4912345678E10</v></c><c r="B2" t="inlineStr"><is><r><t>Ngọc </t></r><r><rPr><b/></rPr><t>Ánh</t></r>\
            <rPh sb="0" eb="1"><t>ruby</t></rPh></is></c><c r="C2" s="1"><v>46096.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2"><v>1.5E-3</v></c></row>
            <row r="3"><c t="str"><f>A1</f><v>0912 345 679</v></c><c><v>42</v></c><c s="2"><v>0.75</v></c><c t="e"><v>#N/A</v></c></row>
            <row r="5"><c r="A5"><v>84912345680</v></c><c r="E5"><v>-2.50</v></c></row>
            <row r="7"><c r="A7" t="s"><v>0</v></c><c r="C7" s="3"><v>46096</v></c></row>
            <row r="8"><c r="A8" t="s"><v>7</v></c></row>
            """, merges: "<mergeCells count=\"1\"><mergeCell ref=\"A7:B7\"/></mergeCells>")],
            sharedStrings: ["Hà Nội"],
            styles: """
            <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="14"/></cellXfs>
            """)
        let (reader, records, rejects) = try read(path)
        #expect(reader.header == ["Phone", "Name", "When", "Flag", "Amount"])
        #expect(records.map(\.line) == [2, 3, 5, 7])
        #expect(records.map(\.fields) == [
            ["84912345678", "Ngọc Ánh", "2026-03-15 12:00", "TRUE", "0.0015"],
            ["0912 345 679", "42", "18:00", "#N/A", ""],
            ["84912345680", "", "", "", "-2.5"],
            ["Hà Nội", "Hà Nội", "2026-03-15", "", ""],
        ])
        #expect(rejects.map(\.line) == [8])
        #expect(rejects.first?.reason == "shared string 7 does not exist (the workbook holds 1)")
    }

    /// Sheet rows take the CSV rows' way: the same checks, rejects by sheet row, the Do-Not-Call scrub and duplicates.
    @Test func sheetRowsEnterTheSamePipelineAsCSVRows() throws {
        let directory = TemporaryDirectory()
        try "Phone,Name\n0912000001,An\n".write(toFile: directory.file("first.csv"), atomically: true, encoding: .utf8)
        try "+84 912 000 003\n".write(toFile: directory.file("dnc.txt"), atomically: true, encoding: .utf8)
        try Self.writeWorkbook(directory.file("second.xlsx"), sheets: [("Sheet1", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
            <row r="2"><c r="A2"><v>912000001</v></c><c r="B2" t="s"><v>2</v></c></row>
            <row r="3"><c r="A3"><v>912000002</v></c><c r="B3" t="s"><v>3</v></c></row>
            <row r="4"><c r="A4"><v>912000003</v></c><c r="B4" t="s"><v>4</v></c></row>
            <row r="5"><c r="A5"><v>12</v></c><c r="B5" t="s"><v>5</v></c></row>
            <row r="6"><c r="B6" t="s"><v>6</v></c></row>
            """, merges: "")], sharedStrings: ["Phone", "Name", "Bình", "Chi", "Dũng", "Giang", "Hà"], styles: "")
        var spec = EngineFixture.spec(timeZone: "Asia/Ho_Chi_Minh")
        spec.lists = [ListSpec(path: directory.file("first.csv"), phoneColumns: ["Phone"], nameColumn: "Name", defaultCountry: "VN"),
                      ListSpec(path: directory.file("second.xlsx"), phoneColumns: ["Phone"], nameColumn: "Name", defaultCountry: "VN")]
        spec.dnc = [DNCList(path: directory.file("dnc.txt"))]
        let store = try CampaignStore(path: directory.file("t.db"), now: Date(timeIntervalSince1970: 0))
        let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        let (campaign, report) = try CampaignCompiler(spec: spec, store: store, doNotCall: registry)
            .compile(sourcePath: "t.campaign", sourceText: "", at: Date(timeIntervalSince1970: 0))
        #expect(report.contacts == 5)
        #expect(report.dialable == 2 && report.duplicates == 1 && report.doNotCall == 1 && report.invalid == 1)
        #expect(report.rejectedRows.map { "\($0.line): \($0.reason): \($0.text)" } == ["6: no phone number: ,Hà"])
        let problems = try store.connection.rows(
            "SELECT c.line, c.name, c.problem FROM contacts c WHERE c.campaign_id = ? AND c.problem IS NOT NULL ORDER BY c.id", [campaign]
        ) { "\($0.int(0)) \($0.string(1)): \($0.string(2))" }
        #expect(problems == ["2 Bình: same number as first.csv line 2", "4 Dũng: on a do-not-call list",
                             "5 Giang: The phone number is too short for Vietnam (+84)."])
    }

    @Test func theFirstSheetReadIsTheFirstVisibleOne() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("hidden.xlsx")
        try Self.writeWorkbook(path, sheets: [
            ("Lookup", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Code</t></is></c></row>", merges: ""),
            ("Contacts", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Phone</t></is></c></row>", merges: ""),
        ], hidden: ["Lookup"], sharedStrings: [], styles: "")
        #expect(try XLSXSheetReader(path: path, sheet: nil).header == ["Phone"])
        #expect(try XLSXSheetReader(path: path, sheet: "Lookup").header == ["Code"])
    }

    @Test func plainDecimalTextIsExact() {
        #expect(XLSXNumberText.plain("8.4912345678E10") == "84912345678")
        #expect(XLSXNumberText.plain("8.4912345678E+10") == "84912345678")
        #expect(XLSXNumberText.plain("912345678") == "912345678")
        #expect(XLSXNumberText.plain("1.2345678901234567E19") == "12345678901234567000")
        #expect(XLSXNumberText.plain("1.5E-3") == "0.0015")
        #expect(XLSXNumberText.plain("-0.0") == "0")
        #expect(XLSXNumberText.plain("007") == "7")
        #expect(XLSXNumberText.plain("abc") == "abc")
    }

    @Test func serialDatesInBothDateSystems() {
        #expect(XLSXNumberText.date("46096", kind: .date, uses1904Dates: false) == "2026-03-15")
        #expect(XLSXNumberText.date("44634", kind: .date, uses1904Dates: true) == "2026-03-15")
        #expect(XLSXNumberText.date("59", kind: .date, uses1904Dates: false) == "1900-02-28")
        #expect(XLSXNumberText.date("61", kind: .date, uses1904Dates: false) == "1900-03-01")
        #expect(XLSXNumberText.date("0.5000115740740741", kind: .time, uses1904Dates: false) == "12:00:01")
    }

    @Test func anOldXLSWorkbookIsRefusedWithWhatToDo() throws {
        let directory = TemporaryDirectory()
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).write(to: URL(fileURLWithPath: directory.file("old.xls")))
        #expect(throws: CSVError.self) { try ListFile.open(ListSpec(path: directory.file("old.xls"), phoneColumns: [])) }
    }

    /// Writes a workbook with `sheets` (name, rows XML, what follows the rows), shared strings and styles.
    static func writeWorkbook(_ path: String, sheets: [(String, String, merges: String)], hidden: Set<String> = [],
                              sharedStrings: [String], styles: String, uses1904Dates: Bool = false) throws {
        let zip = try ZipArchiveWriter(path: path)
        try zip.add("[Content_Types].xml", text: XLSXSkeleton.contentTypes)
        try zip.add("_rels/.rels", text: XLSXSkeleton.packageRelationships)
        try zip.add("xl/workbook.xml", text: XLSXSkeleton.workbook(sheets: sheets.map(\.0), hidden: hidden, uses1904Dates: uses1904Dates))
        try zip.add("xl/_rels/workbook.xml.rels", text: XLSXSkeleton.workbookRelationships(sheets: sheets.count))
        let namespace = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        for (index, sheet) in sheets.enumerated() {
            try zip.add("xl/worksheets/sheet\(index + 1).xml",
                        text: "<worksheet \(namespace)><sheetData>\(sheet.1)</sheetData>\(sheet.merges)</worksheet>")
        }
        try zip.add("xl/sharedStrings.xml", text: "<sst \(namespace)>" + sharedStrings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")
        try zip.add("xl/styles.xml", text: "<styleSheet \(namespace)>\(styles)</styleSheet>")
        try zip.close()
    }
}
