import Foundation

/// A change of one contact's result (migration 9's `result_log`), with the contact as it stands now.
struct ResultChange {
    /// The change's row id: the API's cursor.
    let cursor: Int64
    let contact: Int64
    let list: Int64
    let fieldsJSON: String
    let number: String?
    let state: JobState
    let attempts: Int
    let lastOutcome: String?
    let problem: String?
    /// The agent of the contact's latest call that had one.
    let agent: String?
    let lastCall: Date?
    let externalID: String?
    /// The latest disposition an agent recorded.
    let disposition: String?
}

/// An ended call (a call detail record) with its cursor.
struct EndedCall {
    let cursor: Int64
    let call: Int64
    let contact: Int64
    let number: String
    let placedAt: Date
    let endedAt: Date?
    let outcome: String
    let cause: Int?
    let ringSeconds: Double?
    let amdSeconds: Double?
    let talkSeconds: Double?
    let wrapSeconds: Double?
    let agent: String?
    let amd: String?
    let recording: String?
    let externalID: String?
}

/// One contact as a web page shows it.
struct ContactCard {
    let contact: Int64
    let campaign: Int64
    let list: Int64
    let name: String?
    let fieldsJSON: String
    let number: String?
    let timeZone: String?
    let state: JobState
    let attempts: Int
    let lastOutcome: String?
    /// The agent the contact is assigned to, and the one its callback waits for.
    let assignedAgent: String?
    let callbackAgent: String?
}

/// What the web console reads: campaigns by name, result changes and ended calls after a cursor, a contact's card.
extension CampaignStore {
    /// The stored campaign called `name`.
    func storedCampaign(named name: String) throws -> StoredCampaign? {
        try connection.firstRow("SELECT id, name, spec_json, source_path, source_hash FROM campaigns WHERE name = ?", [name]) {
            StoredCampaign(id: $0.int64(0), name: $0.string(1), specJSON: $0.string(2), sourcePath: $0.string(3),
                           sourceHash: $0.string(4))
        }
    }

    /// Up to `limit` result changes of the campaign after `cursor`, oldest first.
    func resultChanges(campaign: Int64, after cursor: Int64, limit: Int) throws -> [ResultChange] {
        try connection.rows(
            """
            SELECT r.id, c.id, c.list_id, c.fields_json, c.phone_e164, j.state, j.attempts, j.last_outcome, c.problem,
                   (SELECT a.agent FROM attempts a WHERE a.job_id = j.id AND a.agent IS NOT NULL ORDER BY a.id DESC LIMIT 1),
                   (SELECT MAX(a.placed_at) FROM attempts a WHERE a.job_id = j.id),
                   x.external_id,
                   (SELECT o.disposition FROM outcomes o WHERE o.contact_id = c.id AND o.disposition IS NOT NULL
                    ORDER BY o.id DESC LIMIT 1)
            FROM result_log r JOIN contacts c ON c.id = r.contact_id JOIN jobs j ON j.contact_id = c.id
            LEFT JOIN api_contacts x ON x.contact_id = c.id
            WHERE r.campaign_id = ? AND r.id > ? ORDER BY r.id LIMIT ?
            """, [campaign, cursor, limit]
        ) { row in
            ResultChange(cursor: row.int64(0), contact: row.int64(1), list: row.int64(2), fieldsJSON: row.string(3),
                         number: row.optionalString(4), state: JobState(rawValue: row.string(5)) ?? .invalid,
                         attempts: row.int(6), lastOutcome: row.optionalString(7), problem: row.optionalString(8),
                         agent: row.optionalString(9), lastCall: row.optionalDouble(10).map(Date.init(timeIntervalSince1970:)),
                         externalID: row.optionalString(11), disposition: row.optionalString(12))
        }
    }

    /// Up to `limit` calls of the campaign that ended after `cursor`, in the order they ended.
    func endedCalls(campaign: Int64, after cursor: Int64, limit: Int) throws -> [EndedCall] {
        try connection.rows(
            """
            SELECT r.id, a.id, j.contact_id, a.number, a.placed_at, a.ended_at, a.outcome, a.cause, a.ring_seconds,
                   a.amd_seconds, a.talk_seconds, a.wrap_seconds, a.agent, a.amd_result, a.recording, x.external_id
            FROM result_log r JOIN attempts a ON a.id = r.attempt_id JOIN jobs j ON j.id = a.job_id
            LEFT JOIN api_contacts x ON x.contact_id = j.contact_id
            WHERE r.campaign_id = ? AND r.id > ? AND r.kind = 'attempt' ORDER BY r.id LIMIT ?
            """, [campaign, cursor, limit]
        ) { row in
            EndedCall(cursor: row.int64(0), call: row.int64(1), contact: row.int64(2), number: row.string(3),
                      placedAt: row.date(4), endedAt: row.optionalDouble(5).map(Date.init(timeIntervalSince1970:)),
                      outcome: row.optionalString(6) ?? "unknown", cause: row.optionalInt64(7).map { Int($0) },
                      ringSeconds: row.optionalDouble(8), amdSeconds: row.optionalDouble(9), talkSeconds: row.optionalDouble(10),
                      wrapSeconds: row.optionalDouble(11), agent: row.optionalString(12), amd: row.optionalString(13),
                      recording: row.optionalString(14), externalID: row.optionalString(15))
        }
    }

    /// The contact with this id in the campaign, with its job and who it belongs to.
    func contactCard(campaign: Int64, contact: Int64) throws -> ContactCard? {
        try connection.firstRow(
            """
            SELECT c.id, c.campaign_id, c.list_id, c.name, c.fields_json, c.phone_e164, c.time_zone, j.state, j.attempts,
                   j.last_outcome, s.agent, j.callback_agent
            FROM contacts c JOIN jobs j ON j.contact_id = c.id LEFT JOIN assignments s ON s.contact_id = c.id
            WHERE c.campaign_id = ? AND c.id = ?
            """, [campaign, contact]
        ) { row in
            ContactCard(contact: row.int64(0), campaign: row.int64(1), list: row.int64(2), name: row.optionalString(3),
                        fieldsJSON: row.string(4), number: row.optionalString(5), timeZone: row.optionalString(6),
                        state: JobState(rawValue: row.string(7)) ?? .invalid, attempts: row.int(8),
                        lastOutcome: row.optionalString(9), assignedAgent: row.optionalString(10),
                        callbackAgent: row.optionalString(11))
        }
    }

    /// The header of each of the campaign's lists, by list id.
    func listHeaders(campaign: Int64) throws -> [Int64: [String]] {
        Dictionary(uniqueKeysWithValues: try connection.rows(
            "SELECT id, header_json FROM lists WHERE campaign_id = ?", [campaign]) { ($0.int64(0), JSONText.decodeStrings($0.string(1))) })
    }
}
