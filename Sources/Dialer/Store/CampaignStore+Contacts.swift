import Foundation

/// A contact read from a list, ready to be stored with its job.
struct NewContact {
    let list: Int64
    let line: Int
    let name: String?
    let fields: [String]
    let e164: String?
    let kind: String?
    let timeZone: String?
    /// Why the contact cannot be dialed, if it cannot.
    let problem: String?
    /// The job's first state: pending, or a final state such as invalid or duplicate.
    let state: JobState
}

extension CampaignStore {
    /// Stores a contact and its job (due at once when pending). Call inside a write transaction for speed.
    func insertContact(_ contact: NewContact, campaign: Int64, at time: Date) throws {
        try connection.run(
            """
            INSERT INTO contacts (campaign_id, list_id, line, name, fields_json, phone_e164, phone_kind, time_zone, problem)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [campaign, contact.list, contact.line, contact.name, JSONText.encode(contact.fields),
             contact.e164, contact.kind, contact.timeZone, contact.problem])
        let contactID = connection.lastInsertRowID
        let nextAt: Date? = contact.state == .pending ? time : nil
        try connection.run(
            "INSERT INTO jobs (campaign_id, contact_id, state, next_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            [campaign, contactID, contact.state.rawValue, nextAt, time])
    }
}
