import CampaignDSL
import Foundation

extension ContactsBenchmarkSupport {
    /// Writes `contacts.xlsx` in `folder` with the rows of the CSV list at `csvPath`, as Excel saves such a list:
    /// text in the shared-strings table, and cells that are all digits as numbers (so `0912345678` is stored
    /// as `912345678`, as Excel does). The sheet's XML is written to a scratch file beside it and deflated into
    /// the workbook, so memory holds only the distinct strings. Returns the workbook's path.
    public static func writeContactsXLSX(fromCSV csvPath: String, folder: String) throws -> String {
        let reader = try CSVReader(path: csvPath)
        let sheetPath = folder + "/sheet1.xml.part"
        guard FileManager.default.createFile(atPath: sheetPath, contents: nil),
              let sheet = FileHandle(forWritingAtPath: sheetPath) else {
            throw CSVError(path: sheetPath, problem: .cannotWrite("cannot create the file"))
        }
        defer { try? FileManager.default.removeItem(atPath: sheetPath) }
        var strings: [String: Int] = [:]
        var stringOrder: [String] = []
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        out += #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8
        func appendRow(_ number: Int, _ fields: [String]) {
            out += "<row r=\"\(number)\">".utf8
            for (column, field) in fields.enumerated() where !field.isEmpty {
                let reference = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(column))) + String(number)
                if field.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) && field.utf8.count <= 15 {
                    out += "<c r=\"\(reference)\"><v>\(UInt64(field) ?? 0)</v></c>".utf8
                } else {
                    let index = strings[field] ?? {
                        strings[field] = stringOrder.count
                        stringOrder.append(field)
                        return stringOrder.count - 1
                    }()
                    out += "<c r=\"\(reference)\" t=\"s\"><v>\(index)</v></c>".utf8
                }
            }
            out += "</row>".utf8
        }
        appendRow(1, reader.header)
        var number = 1
        while let row = reader.next() {
            number += 1
            guard case .record(let record) = row else { continue }
            appendRow(number, record.fields)
            if out.count >= 1 << 20 {
                sheet.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        out += "</sheetData></worksheet>".utf8
        sheet.write(Data(out))
        try sheet.close()

        var shared = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount=""# + "\(stringOrder.count)\">"
        for text in stringOrder { shared += "<si><t>\(escapedXML(text))</t></si>" }
        shared += "</sst>"
        let path = folder + "/contacts.xlsx"
        let zip = try ZipArchiveWriter(path: path)
        try zip.add("[Content_Types].xml", text: XLSXSkeleton.contentTypes)
        try zip.add("_rels/.rels", text: XLSXSkeleton.packageRelationships)
        try zip.add("xl/workbook.xml", text: XLSXSkeleton.workbook(sheets: ["Contacts"]))
        try zip.add("xl/_rels/workbook.xml.rels", text: XLSXSkeleton.workbookRelationships(sheets: 1))
        try zip.add("xl/sharedStrings.xml", text: shared)
        try zip.add("xl/worksheets/sheet1.xml", file: sheetPath)
        try zip.close()
        return path
    }

    /// Reads every row of a list (CSV or workbook) with the compiler's reader; returns the rows and the
    /// calling thread's CPU seconds.
    public static func measureListRead(path: String) throws -> (rows: Int, seconds: Double) {
        var rows = 0
        let seconds = try ThreadCPUClock().measure {
            let reader = try ListFile.open(ListSpec(path: path, phoneColumns: []))
            while reader.next() != nil { rows += 1 }
        }
        return (rows, seconds)
    }

    private static func escapedXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
