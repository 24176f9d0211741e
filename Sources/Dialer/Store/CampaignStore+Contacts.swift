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
    /// Stores a contact and its job (due at once when pending). For many contacts, one ``ContactWriter`` is faster.
    func insertContact(_ contact: NewContact, campaign: Int64, at time: Date) throws {
        let writer = try ContactWriter(connection: connection, campaign: campaign, at: time)
        try writer.insert(contact)
        try writer.finish()
    }
}
