import Foundation

/// Stores a campaign's contacts, each with its job, through two prepared statements bound by type:
/// the compile's bulk path (run it inside one write transaction).
///
/// A contact's fields are encoded as JSON into one reused buffer, so a row costs no allocation here.
final class ContactWriter {
    private let campaign: Int64
    private let time: Date
    private let connection: SQLiteConnection
    private let contacts: SQLiteStatement
    private let jobs: SQLiteStatement
    private var fieldsJSON: [UInt8] = []

    /// A writer for `campaign`'s contacts; their jobs are created (and updated) at `time`.
    init(connection: SQLiteConnection, campaign: Int64, at time: Date) throws(SQLiteError) {
        self.campaign = campaign
        self.time = time
        self.connection = connection
        contacts = try connection.preparedStatement(
            """
            INSERT INTO contacts (campaign_id, list_id, line, name, fields_json, phone_e164, phone_kind, time_zone, problem)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        jobs = try connection.preparedStatement(
            "INSERT INTO jobs (campaign_id, contact_id, state, next_at, updated_at) VALUES (?, ?, ?, ?, ?)")
        fieldsJSON.reserveCapacity(256)
    }

    /// Stores a contact and its job (due at once when pending); returns the contact's id.
    @discardableResult
    func insert(_ contact: NewContact) throws(SQLiteError) -> Int64 {
        fieldsJSON.removeAll(keepingCapacity: true)
        JSONText.append(contact.fields, to: &fieldsJSON)
        try fieldsJSON.withUnsafeBufferPointer { (json) throws(SQLiteError) in
            try contacts.run(campaign, contact.list, contact.line, contact.name, UTF8Text(json),
                             contact.e164, contact.kind, contact.timeZone, contact.problem)
        }
        let contactID = connection.lastInsertRowID
        try jobs.run(campaign, contactID, contact.state.rawValue, contact.state == .pending ? time : nil, time)
        return contactID
    }
}
