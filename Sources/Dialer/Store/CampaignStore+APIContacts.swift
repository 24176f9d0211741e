import Foundation

/// The list that holds a campaign's contacts added over the API: after the campaign file's lists,
/// at a position no file list takes, so a merge never touches it.
enum APIList {
    static let position = 1_000_000
    static let path = "(api)"
}

/// A contact added over the API, found by the caller's external id.
struct APIContactRecord {
    let contact: Int64
    let job: Int64
    let state: JobState
    let number: String?
}

extension CampaignStore {
    /// The id of the campaign's API list, made with `header` when it does not exist yet.
    func apiList(campaign: Int64, header: [String]) throws -> Int64 {
        if let id = try connection.firstRow("SELECT id FROM lists WHERE campaign_id = ? AND position = ?",
                                            [campaign, APIList.position], { $0.int64(0) }) {
            return id
        }
        return try insertList(campaign: campaign, position: APIList.position, path: APIList.path, header: header)
    }

    /// The contact the caller knows by `externalID` in the campaign.
    func apiContact(campaign: Int64, externalID: String) throws -> APIContactRecord? {
        try connection.firstRow(
            """
            SELECT c.id, j.id, j.state, c.phone_e164 FROM api_contacts x JOIN contacts c ON c.id = x.contact_id
            JOIN jobs j ON j.contact_id = c.id WHERE x.campaign_id = ? AND x.external_id = ?
            """, [campaign, externalID]
        ) { APIContactRecord(contact: $0.int64(0), job: $0.int64(1), state: JobState(rawValue: $0.string(2)) ?? .invalid,
                             number: $0.optionalString(3)) }
    }

    /// The contact of the campaign dialed on `number` (E.164), duplicates aside.
    func contact(campaign: Int64, number: String) throws -> APIContactRecord? {
        try connection.firstRow(
            """
            SELECT c.id, j.id, j.state, c.phone_e164 FROM contacts c JOIN jobs j ON j.contact_id = c.id
            WHERE c.campaign_id = ? AND c.phone_e164 = ? AND j.state <> 'duplicate' ORDER BY c.id LIMIT 1
            """, [campaign, number]
        ) { APIContactRecord(contact: $0.int64(0), job: $0.int64(1), state: JobState(rawValue: $0.string(2)) ?? .invalid,
                             number: $0.optionalString(3)) }
    }

    /// Records the caller's external id of a contact just added.
    func insertAPIContact(campaign: Int64, externalID: String, contact: Int64, at time: Date) throws {
        try connection.run("INSERT INTO api_contacts (campaign_id, external_id, contact_id, added_at) VALUES (?, ?, ?, ?)",
                           [campaign, externalID, contact, time])
    }

    /// The caller's external ids of these contacts.
    func externalIDs(contacts: [Int64]) throws -> [Int64: String] {
        guard !contacts.isEmpty else { return [:] }
        var ids: [Int64: String] = [:]
        for (contact, external) in try connection.rows(
            "SELECT contact_id, external_id FROM api_contacts WHERE contact_id IN (\(contacts.map(String.init).joined(separator: ",")))",
            [], { ($0.int64(0), $0.string(1)) }) { ids[contact] = external }
        return ids
    }

    /// Ends a pending job as cancelled (an API caller withdrew the contact); whether it was pending.
    func cancelPendingJob(_ job: Int64, at time: Date) throws -> Bool {
        try connection.run(
            "UPDATE jobs SET state = 'cancelled', next_at = NULL, callback_at = NULL, callback_agent = NULL, updated_at = ? "
                + "WHERE id = ? AND state = 'pending'", [time, job])
        return connection.changes > 0
    }

    /// Makes a job due now as a callback for `agent` (click-to-call): pending again if it had ended
    /// completed or cancelled; the permit still decides when it is dialed.
    func scheduleAgentCall(job: Int64, agent: String, at time: Date) throws {
        try connection.run(
            """
            UPDATE jobs SET state = 'pending', next_at = ?, callback_at = ?, callback_agent = ?, updated_at = ?
            WHERE id = ? AND state IN ('pending', 'completed', 'cancelled')
            """, [time, time, agent, time, job])
    }
}
