import Foundation

/// Writes a call sheet as CSV, one row per contact in calling order: what the agent needs to call,
/// the list's own columns, then empty outcome columns to fill in and import.
///
/// The file goes back in through `dialerd agents import`, so its column names are the same in every
/// campaign language (`disposition`, `callback`, `answer:ID`, …) and its times are written
/// `YYYY-MM-DD HH:MM` in the callee's zone, the form the `callback` column is read in; only the
/// `window` text is in the campaign's language. The printable HTML sheet is the one for people.
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
            let time = { (date: Date) in LocalTimeText.format(date, zone: row.timeZone) }
            let callback = row.callback.map { time($0.at) + " (" + ($0.agent ?? "anyone") + ")" } ?? ""
            let history: [String] = row.history.map { call in
                time(call.placedAt) + " " + call.outcome + (call.agent.map { " (\($0))" } ?? "")
            }
            let cells: [String] = [sheet.campaign, row.key, sheet.agent, String(row.order), row.name,
                                   row.numbers.joined(separator: " / "), CalleeZones.readable(row.zone), row.window,
                                   row.nextAllowed.map(time) ?? "", callback, history.joined(separator: " | ")]
            try writer.writeRow(
                cells
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
