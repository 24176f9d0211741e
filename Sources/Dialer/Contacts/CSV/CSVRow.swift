/// One row read from a CSV file: a record, or a row that could not be read and why.
enum CSVRow {
    /// A well-formed row with as many fields as the header.
    case record(CSVRecord)
    /// A row that could not be used, with its line number and reason.
    case rejected(CSVReject)
}

/// A well-formed CSV row.
struct CSVRecord {
    /// The physical line where the row starts (the header is line 1).
    let line: Int
    /// The fields in header order, unquoted, as written (not trimmed).
    let fields: [String]
}
