/// A call list read row by row, whatever its format: a CSV file (``CSVReader``) or a sheet of an Excel
/// workbook (``XLSXSheetReader``). Both feed the compiler the same rows, rejects and line numbers.
protocol ListRowReader: AnyObject {
    /// The column names as the file writes them, trimmed of surrounding spaces.
    var header: [String] { get }
    /// The index of a header name matched ignoring case and surrounding spaces.
    func columnIndex(named name: String) -> Int?
    /// The next row, or nil at the end; a row that cannot be read comes back as `.rejected`.
    func next() -> CSVRow?
    /// What joins a row's fields when the row is shown in a reject.
    var fieldSeparator: String { get }
}

extension CSVReader: ListRowReader {
    var fieldSeparator: String { String(UnicodeScalar(delimiter)) }
}
