import Foundation

/// `results.csv`: one row per contact, in list order: the list's own columns,
/// then the number dialed, the final status, the attempts, the last outcome and a note.
struct ResultsReport {
    static let dialerColumns = ["number_e164", "status", "attempts", "last_outcome", "note"]

    let store: CampaignStore
    let campaign: Int64

    func write(to path: String) throws {
        let lists = try store.lists(campaign: campaign)
        var columns: [String] = []
        for list in lists {
            for name in list.header where !columns.contains(name) { columns.append(name) }
        }
        let positions = Dictionary(uniqueKeysWithValues: lists.map { list in
            (list.id, list.header.map { name in columns.firstIndex(of: name) ?? 0 })
        })
        let writer = try CSVWriter(path: path)
        try writer.writeRow(columns + Self.dialerColumns)
        let statement = try store.connection.statement(
            """
            SELECT c.list_id, c.fields_json, c.phone_e164, j.state, j.attempts, j.last_outcome, c.problem
            FROM contacts c JOIN jobs j ON j.contact_id = c.id
            WHERE c.campaign_id = ? ORDER BY c.id
            """)
        try statement.bind([campaign])
        while try statement.step() {
            let row = statement.row
            var fields = Array(repeating: "", count: columns.count)
            let values = JSONText.decodeStrings(row.string(1))
            for (index, value) in values.enumerated() {
                if let column = positions[row.int64(0)]?[safe: index] { fields[column] = value }
            }
            fields += [row.string(2), row.string(3), String(row.int(4)), row.string(5), row.string(6)]
            try writer.writeRow(fields)
        }
        try writer.close()
    }
}
