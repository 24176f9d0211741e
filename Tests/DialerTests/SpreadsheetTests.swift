import Foundation
import Testing
@testable import Dialer

/// Where `unzip` is, if installed.
enum Unzip {
    static let path = ["/usr/bin/unzip", "/bin/unzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The workbooks' cells, read from the sheet XML inside the .xlsx (with `unzip`).
@Suite(.enabled(if: Unzip.path != nil, "unzip is not installed (make test installs it): the .xlsx checks are skipped"))
struct SpreadsheetTests {
    /// The XML of the workbook's first sheet.
    static func sheetXML(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Unzip.path))
        process.arguments = ["-p", path, "xl/worksheets/sheet1.xml"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Hostile and number-like texts, a number, seconds and a date.
    static func write(to path: String) throws {
        let sheet = try SpreadsheetWriter(
            path: path, sheetName: "results",
            columns: [.init("name"), .init("phone"), .init("id"), .init("attempts", .number), .init("talk", .seconds),
                      .init("last_call", .dateTime)],
            dateFormat: Localizer(language: .vietnamese).spreadsheetDateTimeFormat)
        for name in ["=HYPERLINK(\"http://x\",\"x\")", "+1+1", "-2", "@SUM(A1)", "Nguyễn Thị Ánh", "0912345678", "a\u{1}b <c> & d"] {
            sheet.text(name)
            sheet.text("+84912345678")
            sheet.text("00042")
            sheet.number(3)
            sheet.seconds(12.34)
            // 2026-12-06 14:05:00 in Asia/Ho_Chi_Minh (UTC+7).
            sheet.dateTime(1_796_540_700, offset: 25_200)
            try sheet.endRow()
        }
        try sheet.close()
    }

    @Test func cellsAreTypedAndNoneIsAFormula() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("r.xlsx")
        try Self.write(to: path)
        let xml = try Self.sheetXML(path)
        #expect(!xml.contains("<f>") && !xml.contains("<f "), "no formula")
        #expect(xml.contains("<pane ySplit=\"1\""), "the header row is frozen")
        #expect(xml.contains("<autoFilter ref=\"A1:F8\""))
        #expect(xml.contains("<t>a_x0001_b &lt;c&gt; &amp; d</t>"), "a control character and markup escaped: the XML stays valid")
        #expect(xml.contains("<col min=\"1\" max=\"1\" width="))
        for text in ["=HYPERLINK(\"http://x\",\"x\")", "+1+1", "-2", "@SUM(A1)", "Nguyễn Thị Ánh",
                     "0912345678", "+84912345678", "00042"] {
            #expect(xml.contains("t=\"inlineStr\"><is><t>\(text)</t></is>"), "\(text) is text")
        }
        #expect(xml.contains("<c r=\"D2\"><v>3</v></c>"), "a count is a number")
        #expect(xml.range(of: #"<c r="E2" s="\d+"><v>12.3</v></c>"#, options: .regularExpression) != nil, "seconds, one decimal")
        // 2026-12-06 14:05 is Excel day 46362 plus 14:05/24:00.
        #expect(xml.range(of: #"<c r="F2" s="\d+"><v>46362\.58680555"#, options: .regularExpression) != nil, "a real date")
    }

    @Test func theReportsWriteBothWorkbooksBesideTheCSVs() throws {
        let fixture = try ReportReconciliationTests.Fixture(seed: 5)
        let (written, folder) = try fixture.write()
        for name in ["results.xlsx", "attempts.xlsx", "results.csv", "attempts.csv"] {
            #expect(written.files.contains(folder + "/" + name), "\(name)")
        }
        let results = try Self.sheetXML(folder + "/results.xlsx")
        #expect(!results.contains("<f>"))
        let rows = try ReportReconciliationTests.rows(folder + "/results.csv")
        let e164 = try #require(rows.first.map { row in row.first { $0.hasPrefix("+") } } ?? nil)
        #expect(results.contains("<t>\(e164)</t>"), "the E.164 number as text")
        let attempts = try Self.sheetXML(folder + "/attempts.xlsx")
        #expect(attempts.contains("<c r=\"A1\" s=\"") && attempts.contains("<t>placed_at</t>"))
        #expect(attempts.range(of: #"<c r="D2" s="\d+"><v>4\d{4}\.\d+</v>"#, options: .regularExpression) != nil, "placed_at is a date")
    }

    @Test func onlyTheSpreadsheetWhenOnlyItIsAskedFor() throws {
        let fixture = try ReportReconciliationTests.Fixture(seed: 3)
        let folder = fixture.directory.file("only")
        let written = try CampaignReports.write(store: fixture.store, campaign: fixture.campaign, range: .all, to: folder,
                                                formats: [.xlsx])
        #expect(written.files == [folder + "/attempts.xlsx", folder + "/results.xlsx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["attempts.xlsx", "results.xlsx"])
    }
}
