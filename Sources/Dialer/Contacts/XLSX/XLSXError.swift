/// Why an Excel workbook cannot be read as a list. Row-level problems are not errors: they come back as
/// ``CSVReject`` with the sheet's row number.
struct XLSXError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The workbook concerned.
    let path: String
    /// What is wrong, in a plain sentence.
    let reason: String

    var description: String { "Cannot read the Excel workbook \(path): \(reason)." }
}
