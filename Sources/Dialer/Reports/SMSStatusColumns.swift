/// results.csv's `sms` cell: where the contact's latest text message stands (`queued`,
/// `sending`, `sent`, `failed`), empty when none was queued for it.
///
/// Streams the campaign's outbox ordered by contact, alongside the contacts.
struct SMSStatusColumns: ContactColumns {
    let header = ["sms"]
    private let statement: SQLiteStatement
    private var current: (contact: Int64, state: String)?
    private var done = false

    init(store: CampaignStore, campaign: Int64) throws {
        statement = try store.connection.statement(
            "SELECT contact_id, state FROM outbox WHERE campaign_id = ? AND channel = 'sms' ORDER BY contact_id, id")
        try statement.bind([campaign])
    }

    mutating func write(contact: Int64, to writer: inout CSVWriter) throws {
        var latest: String?
        while true {
            if current == nil && !done {
                if try statement.step() {
                    current = (statement.row.int64(0), statement.row.string(1))
                } else {
                    done = true
                    statement.reset()
                }
            }
            guard let row = current, row.contact <= contact else { break }
            if row.contact == contact { latest = row.state }
            current = nil
        }
        if let latest { writer.plainCell(latest.utf8) } else { writer.emptyCell() }
    }
}
