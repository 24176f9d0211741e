import Foundation

/// Stores a campaign's contacts, each with its job: the compile's bulk path.
///
/// Contacts are buffered and written `rowsPerStatement` at a time through two multi-row INSERTs (one for
/// contacts, one for their jobs; prepared once per connection, bound by type), so the cost of running a
/// statement is shared by many rows. Contact ids are given explicitly, counting up from the table's largest id when the writer
/// was made: make it inside the write transaction that stores the contacts, insert contacts only through
/// it until ``finish()``, and call ``finish()`` before the transaction commits.
final class ContactWriter {
    /// Contacts written by one statement.
    static let rowsPerStatement = 64

    private let campaign: Int64
    /// When the contacts are written (their jobs are created at this time).
    let time: Date
    private let connection: SQLiteConnection
    /// The id the next contact gets.
    private var nextID: Int64
    private var pending: [NewContact] = []
    /// The pending contacts' fields as JSON, one after another; `fieldsEnds[i]` is where contact i's ends.
    private var fieldsJSON: [UInt8] = []
    private var fieldsEnds: [Int] = []

    /// A writer for `campaign`'s contacts; their jobs are created (and updated) at `time`.
    init(connection: SQLiteConnection, campaign: Int64, at time: Date) throws {
        self.campaign = campaign
        self.time = time
        self.connection = connection
        nextID = try connection.firstRow("SELECT COALESCE(MAX(id), 0) + 1 FROM contacts") { $0.int64(0) } ?? 1
        pending.reserveCapacity(Self.rowsPerStatement)
        fieldsEnds.reserveCapacity(Self.rowsPerStatement)
        fieldsJSON.reserveCapacity(Self.rowsPerStatement * 128)
    }

    /// Queues a contact and its job (due at once when pending); returns the contact's id. The rows are in the
    /// database once their statement has run: at the latest, after ``finish()``.
    @discardableResult
    func insert(_ contact: NewContact) throws(SQLiteError) -> Int64 {
        JSONText.append(contact.fields, to: &fieldsJSON)
        fieldsEnds.append(fieldsJSON.count)
        pending.append(contact)
        let id = nextID
        nextID += 1
        if pending.count == Self.rowsPerStatement { try write() }
        return id
    }

    /// Writes the contacts still queued.
    func finish() throws(SQLiteError) {
        if !pending.isEmpty { try write() }
    }

    /// Stores the queued contacts and their jobs, then empties the queue.
    private func write() throws(SQLiteError) {
        let full = pending.count == Self.rowsPerStatement
        let contacts = try connection.statement(full ? Self.insertContactsBatch : Self.insertContacts(rows: pending.count))
        let jobs = try connection.statement(full ? Self.insertJobsBatch : Self.insertJobs(rows: pending.count))
        let firstID = nextID - Int64(pending.count)
        try fieldsJSON.withUnsafeBufferPointer { (json) throws(SQLiteError) in
            var parameter: Int32 = 0
            var start = 0
            for (row, contact) in pending.enumerated() {
                let fields = UTF8Text(UnsafeBufferPointer(rebasing: json[start..<fieldsEnds[row]]))
                start = fieldsEnds[row]
                try contacts.bind(firstID + Int64(row), at: parameter + 1)
                try contacts.bind(campaign, at: parameter + 2)
                try contacts.bind(contact.list, at: parameter + 3)
                try contacts.bind(contact.line, at: parameter + 4)
                try contacts.bind(contact.name, at: parameter + 5)
                try contacts.bind(fields, at: parameter + 6)
                try contacts.bind(contact.e164, at: parameter + 7)
                try contacts.bind(contact.kind, at: parameter + 8)
                try contacts.bind(contact.timeZone, at: parameter + 9)
                try contacts.bind(contact.problem, at: parameter + 10)
                parameter += 10
            }
        }
        try contacts.runBound()
        var parameter: Int32 = 0
        for (row, contact) in pending.enumerated() {
            try jobs.bind(campaign, at: parameter + 1)
            try jobs.bind(firstID + Int64(row), at: parameter + 2)
            try jobs.bind(contact.state.rawValue, at: parameter + 3)
            try jobs.bind(contact.state == .pending ? time : nil, at: parameter + 4)
            try jobs.bind(time, at: parameter + 5)
            parameter += 5
        }
        try jobs.runBound()
        pending.removeAll(keepingCapacity: true)
        fieldsJSON.removeAll(keepingCapacity: true)
        fieldsEnds.removeAll(keepingCapacity: true)
    }

    private static let insertContactsBatch = insertContacts(rows: rowsPerStatement)
    private static let insertJobsBatch = insertJobs(rows: rowsPerStatement)

    private static func insertContacts(rows: Int) -> String {
        "INSERT INTO contacts (id, campaign_id, list_id, line, name, fields_json, phone_e164, phone_kind, time_zone, problem) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    private static func insertJobs(rows: Int) -> String {
        "INSERT INTO jobs (campaign_id, contact_id, state, next_at, updated_at) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }
}
