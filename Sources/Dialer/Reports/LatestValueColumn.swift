import CampaignDSL

/// A results.csv column holding, per contact, the latest value a query gives: the state of its
/// latest text message (`sms`), the disposition its agent last recorded (`disposition`).
///
/// The query yields `(contact_id, value)` ordered by contact, then oldest first; it is streamed
/// alongside the contacts.
struct LatestValueColumn: ContactColumns {
    let header: [String]
    /// The value as the spreadsheet shows it (a disposition's label).
    private let shown: (String) -> String
    private let statement: SQLiteStatement
    private var current: (contact: Int64, value: String?)?
    private var done = false

    init(store: CampaignStore, campaign: Int64, name: String, shown: @escaping (String) -> String = { $0 }, sql: String) throws {
        header = [name]
        self.shown = shown
        statement = try store.connection.statement(sql)
        try statement.bind([campaign])
    }

    /// `sms`: queued, sending, sent or failed.
    static func sms(store: CampaignStore, campaign: Int64) throws -> LatestValueColumn {
        try LatestValueColumn(
            store: store, campaign: campaign, name: "sms",
            sql: "SELECT contact_id, state FROM outbox WHERE campaign_id = ? AND channel = 'sms' ORDER BY contact_id, id")
    }

    /// `disposition`: the outcome an agent (or the keypad, or an imported sheet) last recorded; its id in
    /// the CSV, its label in the spreadsheet.
    static func disposition(store: CampaignStore, campaign: Int64, spec: CampaignSpec) throws -> LatestValueColumn {
        let words = Localizer(spec: spec)
        return try LatestValueColumn(
            store: store, campaign: campaign, name: "disposition", shown: { words.disposition($0, in: spec) },
            sql: """
                SELECT contact_id, disposition FROM outcomes
                WHERE campaign_id = ? AND disposition IS NOT NULL ORDER BY contact_id, id
                """)
    }

    mutating func write(contact: Int64, to writer: inout CSVWriter, sheet: SpreadsheetWriter?) throws {
        var latest: String?
        while true {
            if current == nil && !done {
                if try statement.step() {
                    current = (statement.row.int64(0), statement.row.optionalString(1))
                } else {
                    done = true
                    statement.reset()
                }
            }
            guard let row = current, row.contact <= contact else { break }
            if row.contact == contact { latest = row.value }
            current = nil
        }
        writer.cell(latest ?? "")
        sheet?.text(latest.map(shown) ?? "")
    }
}
