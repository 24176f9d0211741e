/// Writes a call sheet as CSV, one row per contact in calling order: what the agent needs to call,
/// the list's own columns, then empty outcome columns to fill in and import.
enum CallSheetCSV {
    static func write(_ sheet: CallSheet, to path: String) throws {
        var writer = try CSVWriter(path: path)
        let listColumns = Self.listColumns(of: sheet)
        let fixed = [CallSheetColumns.campaign, CallSheetColumns.rowKey, CallSheetColumns.agent, "order", "name", "numbers",
                     "time_zone", "window", "next_allowed", "callback_agreed", "history"]
        try writer.writeRow(fixed + listColumns + CallSheetColumns.outcome(questions: sheet.questions.map(\.id)))
        let blanks = Array(repeating: "", count: CallSheetColumns.outcome(questions: sheet.questions.map(\.id)).count)
        for row in sheet.rows {
            var values: [String: String] = [:]
            for field in row.fields where values[field.column] == nil { values[field.column] = field.value }
            try writer.writeRow(
                [sheet.campaign, row.key, sheet.agent, String(row.order), row.name, row.numbers.joined(separator: " / "),
                 row.zone, row.window, row.nextAllowed, row.callback, row.history.joined(separator: " | ")]
                    + listColumns.map { values[$0] ?? "" } + blanks)
        }
        try writer.close()
    }

    /// Every list column of the sheet's contacts, in first-seen order.
    private static func listColumns(of sheet: CallSheet) -> [String] {
        var seen: Set<String> = []
        return sheet.rows.flatMap { $0.fields.map(\.column) }.filter { seen.insert($0).inserted }
    }
}
