/// Cells results.csv (and results.xlsx) adds after the dialer's own for each contact: the extension point for what
/// other parts of the dialer record about a contact. SMS status is one; an agent's disposition
/// or a contact's survey answers are written the same way: a type that conforms, added to
/// `ResultsReport.extraColumns(store:campaign:spec:)`.
protocol ContactColumns {
    /// The header cells, in order.
    var header: [String] { get }
    /// Writes this contact's cells, exactly `header.count` of them, to the CSV and, given one, the
    /// spreadsheet (as people read them: a disposition by its label). Called once per contact,
    /// in ascending contact id, so a conformer can stream its rows ordered by contact id.
    mutating func write(contact: Int64, to writer: inout CSVWriter, sheet: SpreadsheetWriter?) throws
}
