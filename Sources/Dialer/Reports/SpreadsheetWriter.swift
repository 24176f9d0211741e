import CXLSXWriter
import Foundation

/// Writes one table as an `.xlsx` workbook through libxlsxwriter, row by row in constant memory
/// (each row goes to a temporary file as it is written): `results.xlsx`, `attempts.xlsx`.
///
/// Cells are typed: text (ids and phone numbers too, so `0912345678` and `+84912345678` stay as
/// written), numbers, seconds with one decimal, and dates in the campaign's zone with the
/// language's date format. The header row is bold and frozen, with an autofilter, and columns have
/// set widths. No cell is ever a formula: every text goes through `worksheet_write_string`, which
/// stores `=HYPERLINK(…)` as the text it is. A table longer than a sheet's 1,048,576 rows goes on
/// in another sheet (`attempts (2)`) with the header again.
///
/// Not `Sendable`: one report pass owns it; `close()` it to write the file.
final class SpreadsheetWriter {
    /// What a column holds.
    enum Kind {
        case text, number, seconds, dateTime
    }

    /// One column: its header, kind and width in characters.
    struct Column {
        let name: String
        let kind: Kind
        var width: Double

        init(_ name: String, _ kind: Kind = .text, width: Double? = nil) {
            self.name = name
            self.kind = kind
            self.width = width ?? min(40, max(10, Double(name.count) + 2))
        }
    }

    private let path: String
    private let sheetName: String
    private let columns: [Column]
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var sheet: UnsafeMutablePointer<lxw_worksheet>?
    private let header: UnsafeMutablePointer<lxw_format>
    private let date: UnsafeMutablePointer<lxw_format>
    private let seconds: UnsafeMutablePointer<lxw_format>
    private var sheets = 0
    private var row: lxw_row_t = 0
    private var column: lxw_col_t = 0
    private var scratch: [CChar] = []
    private var failure: String?

    /// Creates the workbook at `path` (written on `close()`), its first sheet named `sheetName`,
    /// dates shown with `dateFormat` (an Excel number format, `dd/mm/yyyy hh:mm:ss`).
    init(path: String, sheetName: String, columns: [Column], dateFormat: String) throws {
        self.path = path
        self.sheetName = sheetName
        self.columns = columns
        var options = lxw_workbook_options()
        options.constant_memory = 1
        options.use_zip64 = 1
        guard let workbook = path.withCString({ workbook_new_opt($0, &options) }) else {
            throw EnvironmentError("cannot create \(path) (libxlsxwriter workbook_new_opt failed)")
        }
        self.workbook = workbook
        guard let header = workbook_add_format(workbook), let date = workbook_add_format(workbook),
              let seconds = workbook_add_format(workbook) else {
            throw EnvironmentError("cannot create \(path): out of memory (libxlsxwriter workbook_add_format failed)")
        }
        format_set_bold(header)
        format_set_num_format(date, dateFormat)
        format_set_num_format(seconds, "0.0")
        (self.header, self.date, self.seconds) = (header, date, seconds)
        try startSheet()
    }

    deinit {
        // Not closed (an error on the way): free the workbook, leaving no file behind.
        if let workbook {
            lxw_workbook_free(workbook)
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// A text cell from UTF-8 bytes (nothing for an empty one).
    func text(bytes: UnsafeBufferPointer<UInt8>) {
        defer { column += 1 }
        guard !bytes.isEmpty, let sheet else { return }
        scratch.removeAll(keepingCapacity: true)
        for byte in bytes where byte != 0 { scratch.append(CChar(bitPattern: byte)) }
        scratch.append(0)
        var error = worksheet_write_string(sheet, row, column, scratch, nil)
        if error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED {
            // A cell holds at most 32,767 characters: keep the first ones.
            let text = String(String(decoding: bytes, as: UTF8.self).unicodeScalars.prefix(32_767))
            error = worksheet_write_string(sheet, row, column, text, nil)
        }
        check(error, "worksheet_write_string")
    }

    /// A text cell.
    func text(_ value: String) {
        var value = value
        value.withUTF8 { text(bytes: $0) }
    }

    /// A number cell.
    func number(_ value: Double) {
        defer { column += 1 }
        guard value.isFinite, let sheet else { return }
        check(worksheet_write_number(sheet, row, column, value, nil), "worksheet_write_number")
    }

    /// Seconds with one decimal shown; nothing for nil.
    func seconds(_ value: Double?) {
        defer { column += 1 }
        guard let value, value.isFinite, let sheet else { return }
        check(worksheet_write_number(sheet, row, column, (value * 10).rounded() / 10, seconds), "worksheet_write_number")
    }

    /// A date and time: `seconds` since 1970 shown at `offset` seconds from UTC (the campaign's zone then).
    func dateTime(_ seconds: Double, offset: Int) {
        defer { column += 1 }
        guard seconds.isFinite, let sheet else { return }
        // Excel's day 25569 is 1970-01-01; a serial date has no zone, so it holds the local time.
        let serial = ((seconds.rounded(.down) + Double(offset)) / 86_400) + 25_569
        check(worksheet_write_number(sheet, row, column, serial, date), "worksheet_write_number")
    }

    /// An empty cell.
    func empty() { column += 1 }

    /// Ends the row; the next one starts a new sheet when this one is full.
    func endRow() throws {
        if let failure { throw EnvironmentError("cannot write \(path): \(failure)") }
        row += 1
        column = 0
        if row == LXW_ROW_MAX { try startSheet() }
    }

    /// Sets the autofilter over what was written and writes the file.
    func close() throws {
        if let failure { throw EnvironmentError("cannot write \(path): \(failure)") }
        finishSheet()
        guard let workbook else { return }
        self.workbook = nil
        let error = workbook_close(workbook)
        guard error == LXW_NO_ERROR else {
            throw EnvironmentError("cannot write \(path): \(String(cString: lxw_strerror(error))) (libxlsxwriter workbook_close)")
        }
    }

    private func startSheet() throws {
        finishSheet()
        sheets += 1
        let name = sheets == 1 ? sheetName : "\(sheetName) (\(sheets))"
        guard let workbook, let sheet = workbook_add_worksheet(workbook, name) else {
            throw EnvironmentError("cannot write \(path) (libxlsxwriter workbook_add_worksheet failed)")
        }
        self.sheet = sheet
        for (index, column) in columns.enumerated() {
            let format: UnsafeMutablePointer<lxw_format>? = switch column.kind {
            case .dateTime: date
            case .seconds: seconds
            case .text, .number: nil
            }
            check(worksheet_set_column(sheet, lxw_col_t(index), lxw_col_t(index), column.width, format), "worksheet_set_column")
        }
        worksheet_freeze_panes(sheet, 1, 0)
        row = 0
        column = 0
        for (index, column) in columns.enumerated() {
            check(worksheet_write_string(sheet, 0, lxw_col_t(index), column.name, header), "worksheet_write_string")
        }
        row = 1
    }

    private func finishSheet() {
        guard let sheet, !columns.isEmpty else { return }
        check(worksheet_autofilter(sheet, 0, 0, max(row, 1) - 1, lxw_col_t(columns.count - 1)), "worksheet_autofilter")
    }

    private func check(_ error: lxw_error, _ function: String) {
        guard error != LXW_NO_ERROR, failure == nil else { return }
        failure = "\(String(cString: lxw_strerror(error))) (libxlsxwriter \(function))"
    }
}
