import CampaignDSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one sheet of an Excel workbook (`.xlsx`) as a call list, row by row, like ``CSVReader`` reads a CSV
/// file: the first row with a value is the header, each following row is a record numbered by its sheet
/// row, blank rows are skipped.
///
/// The sheet is inflated (libzip) and parsed (Expat) 64 KiB at a time; the rows of one chunk wait in a
/// small queue, so memory holds a few hundred rows, whatever the sheet's size. Cell values become the text
/// a list expects: shared and inline strings (rich-text runs joined), numbers in plain decimal exactly as
/// stored (``XLSXNumberText/plain(_:)``), dates and times by the cell's style in the workbook's date system,
/// `TRUE`/`FALSE`, error values as shown (`#N/A`). Merged cells take the value of their range's top-left
/// cell. Cells right of the header's last column are not read.
final class XLSXSheetReader {
    /// The workbook.
    let path: String
    /// The sheet read.
    let sheet: String
    /// The column names of the header row, trimmed of surrounding spaces.
    private(set) var header: [String] = []
    private var normalizedHeader: [String] = []

    private let stream: ZipEntryStream
    private let parser: XMLStreamParser
    private let handler: SheetHandler
    private let merged: XLSXMergedCells
    private let chunk: UnsafeMutableRawBufferPointer
    private var queued = 0
    private var finished = false
    /// The XML broke: reported once as a reject, then the sheet ends.
    private var failure: String?

    /// Opens `sheet` of the workbook (the first when nil) and reads its header row. Throws
    /// ``ListFileProblem/noSheet(_:sheets:)`` when the workbook has no such sheet, ``XLSXError`` when it cannot
    /// be read or the sheet has no header. `headerOnly` skips the pass that finds merged cells (it inflates the
    /// whole sheet), for a caller that wants the header and no rows; a merged header cell then names only its
    /// first column, which is where a column is looked up by name anyway.
    init(path: String, sheet: String?, headerOnly: Bool = false) throws {
        self.path = path
        let archive = try ZipArchive(path: path)
        let workbook = try XLSXWorkbook(archive: archive)
        // The first sheet Excel shows: hidden sheets (lookup tables, macros' scratch) are passed over.
        guard let first = workbook.sheets.first(where: { !$0.hidden }) ?? workbook.sheets.first else {
            throw XLSXError(path: path, reason: "it has no sheet")
        }
        var chosen = first
        if let sheet {
            guard let named = workbook.sheets.first(where: { $0.name == sheet })
                    ?? workbook.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() }) else {
                throw ListFileProblem.noSheet(sheet, sheets: workbook.sheets.map(\.name))
            }
            chosen = named
        }
        self.sheet = chosen.name
        guard archive.contains(chosen.entry) else {
            throw XLSXError(path: path, reason: "its sheet '\(chosen.name)' is missing (\(chosen.entry))")
        }
        let styles = try workbook.stylesEntry.flatMap { archive.contains($0) ? $0 : nil }
            .map { entry throws(XLSXError) in try XLSXStyles(archive: archive, entry: entry) } ?? XLSXStyles()
        let strings = try workbook.sharedStringsEntry.flatMap { archive.contains($0) ? $0 : nil }
            .map { entry throws(XLSXError) in try XLSXSharedStrings(archive: archive, entry: entry) } ?? XLSXSharedStrings()
        merged = headerOnly ? XLSXMergedCells() : try XLSXMergedCells(archive: archive, entry: chosen.entry)
        handler = SheetHandler(strings: strings, styles: styles, uses1904Dates: workbook.uses1904Dates)
        stream = try archive.open(chosen.entry)
        parser = XMLStreamParser(handler: handler, name: chosen.entry)
        chunk = .allocate(byteCount: 1 << 16, alignment: 1)

        while let row = nextRow() {
            guard row.cells.contains(where: { !$0.value.isEmpty }) else { continue }
            let width = (row.cells.map(\.column).max() ?? -1) + 1
            var names = Array(repeating: "", count: width)
            for cell in row.cells { names[cell.column] = cell.value }
            merged.fill(row: row.number, fields: &names)
            header = names.map(CSVReader.trimmed)
            normalizedHeader = header.map { $0.lowercased() }
            return
        }
        if let failure { throw XLSXError(path: path, reason: failure) }
        throw XLSXError(path: path, reason: "the sheet '\(chosen.name)' is empty: it needs a header row naming its columns")
    }

    deinit {
        chunk.deallocate()
    }

    /// The next row as the sheet holds it (sparse cells), or nil at the end of the sheet or after broken XML.
    private func nextRow() -> XLSXRow? {
        while queued >= handler.rows.count {
            handler.rows.removeAll(keepingCapacity: true)
            queued = 0
            guard !finished else { return nil }
            do {
                let count = try stream.read(into: chunk)
                finished = count == 0
                try parser.parse(UnsafeRawBufferPointer(rebasing: chunk[0..<count]), isFinal: finished)
            } catch let error as XLSXError {
                failure = error.reason
                finished = true
            } catch {
                failure = "\(error)"
                finished = true
            }
        }
        defer { queued += 1 }
        return handler.rows[queued]
    }
}

extension XLSXSheetReader: ListRowReader {
    var fieldSeparator: String { "," }

    func columnIndex(named name: String) -> Int? {
        normalizedHeader.firstIndex(of: CSVReader.trimmed(name).lowercased())
    }

    func next() -> CSVRow? {
        while let row = nextRow() {
            var fields = Array(repeating: "", count: header.count)
            for cell in row.cells where cell.column < fields.count { fields[cell.column] = cell.value }
            if !merged.isEmpty { merged.fill(row: row.number, fields: &fields) }
            if let problem = row.problem {
                return .rejected(CSVReject(line: row.number, reason: problem, text: fields.joined(separator: ",")))
            }
            if fields.allSatisfy(\.isEmpty) { continue }
            return .record(CSVRecord(line: row.number, fields: fields))
        }
        if let failure {
            self.failure = nil
            return .rejected(CSVReject(line: handler.rowNumber, reason: "the sheet cannot be read past this row: \(failure)", text: ""))
        }
        return nil
    }
}

/// A row of a sheet as written: its number and its non-empty cells.
private struct XLSXRow {
    let number: Int
    let cells: [(column: Int, value: String)]
    /// Why the row cannot be read, e.g. a shared string that does not exist.
    let problem: String?
}

/// Turns the sheet's XML events into rows.
private final class SheetHandler: XMLStreamHandler {
    /// Rows completed and not yet taken.
    var rows: [XLSXRow] = []
    /// The number of the row being read (or last read).
    private(set) var rowNumber = 0

    private let strings: XLSXSharedStrings
    private let styles: XLSXStyles
    private let uses1904Dates: Bool

    private var cells: [(column: Int, value: String)] = []
    private var problem: String?
    private var nextColumn = 0
    private var inCell = false
    private var column = 0
    private var type = CellType.number
    private var style = 0
    private var inInlineString = false
    private var phoneticDepth = 0
    private var collecting = false
    private var text: [UInt8] = []

    private enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, error, isoDate
    }

    init(strings: XLSXSharedStrings, styles: XLSXStyles, uses1904Dates: Bool) {
        self.strings = strings
        self.styles = styles
        self.uses1904Dates = uses1904Dates
    }

    func startElement(_ name: UnsafePointer<CChar>, attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        let local = XMLName.local(name)
        if XMLName.equals(local, "c") {
            inCell = true
            column = nextColumn
            type = .number
            style = 0
            var index = 0
            while let attribute = attributes[index], let value = attributes[index + 1] {
                if XMLName.equals(attribute, "r") {
                    column = XLSXCellReference(value)?.column ?? nextColumn
                } else if XMLName.equals(attribute, "t") {
                    type = Self.cellType(value)
                } else if XMLName.equals(attribute, "s") {
                    style = Int(strtol(value, nil, 10))
                }
                index += 2
            }
            text.removeAll(keepingCapacity: true)
        } else if XMLName.equals(local, "v") {
            collecting = inCell
        } else if XMLName.equals(local, "row") {
            rowNumber = XMLName.attribute(attributes, "r").map { Int(strtol($0, nil, 10)) } ?? rowNumber + 1
            nextColumn = 0
            cells.removeAll(keepingCapacity: true)
            problem = nil
        } else if XMLName.equals(local, "is") {
            inInlineString = true
        } else if XMLName.equals(local, "t") {
            collecting = inInlineString && phoneticDepth == 0
        } else if XMLName.equals(local, "rPh") {
            phoneticDepth += 1
        }
    }

    func endElement(_ name: UnsafePointer<CChar>) {
        let local = XMLName.local(name)
        if XMLName.equals(local, "v") || XMLName.equals(local, "t") {
            collecting = false
        } else if XMLName.equals(local, "c") {
            inCell = false
            let value = cellValue()
            if !value.isEmpty { cells.append((column, value)) }
            nextColumn = column + 1
        } else if XMLName.equals(local, "row") {
            rows.append(XLSXRow(number: rowNumber, cells: cells, problem: problem))
        } else if XMLName.equals(local, "is") {
            inInlineString = false
        } else if XMLName.equals(local, "rPh") {
            phoneticDepth -= 1
        }
    }

    func characters(_ pointer: UnsafePointer<CChar>, count: Int) {
        guard collecting else { return }
        pointer.withMemoryRebound(to: UInt8.self, capacity: count) { text.append(contentsOf: UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// The text of the cell just closed.
    private func cellValue() -> String {
        var written: String { String(decoding: text, as: UTF8.self) }
        switch type {
        case .inlineString, .formulaString, .error, .isoDate:
            return written
        case .boolean:
            return written == "1" ? "TRUE" : written.isEmpty ? "" : "FALSE"
        case .sharedString:
            guard !text.isEmpty else { return "" }
            guard let index = Self.wholeNumber(text), let string = strings.string(at: index) else {
                problem = problem ?? "shared string \(written) does not exist (the workbook holds \(strings.count))"
                return ""
            }
            return string
        case .number:
            guard !text.isEmpty else { return "" }
            let kind = styles.kind(ofStyle: style)
            if kind != .number, let date = XLSXNumberText.date(written, kind: kind, uses1904Dates: uses1904Dates) {
                return date
            }
            // Most numbers are plain digits already (phone numbers, counts): nothing to rewrite.
            return Self.wholeNumber(text) != nil && text.first != UInt8(ascii: "0") ? written : XLSXNumberText.plain(written)
        }
    }

    /// The value of text that is only ASCII digits (at most 18), nil otherwise.
    private static func wholeNumber(_ bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func cellType(_ value: UnsafePointer<CChar>) -> CellType {
        if XMLName.is(value, "s") { return .sharedString }
        if XMLName.is(value, "inlineStr") { return .inlineString }
        if XMLName.is(value, "str") { return .formulaString }
        if XMLName.is(value, "b") { return .boolean }
        if XMLName.is(value, "e") { return .error }
        if XMLName.is(value, "d") { return .isoDate }
        return .number
    }
}
