import CampaignDSL
import Foundation

/// A contact still to be called, with what assignment and call sheets need of it.
struct OpenContact {
    let contact: Int64
    let job: Int64
    let listPosition: Int
    /// The contact's line in its list (the header is line 1).
    let line: Int
    let name: String?
    let header: [String]
    let fields: [String]
    let number: String
    let zone: String?
    let attempts: Int
    let nextAt: Date?
    /// A callback agreed and not yet called.
    let callbackAt: Date?
    let callbackAgent: String?
    let agent: String?

    /// The value of the column called `column`, if the list has it.
    func field(_ column: String) -> String? {
        header.firstIndex(of: column).flatMap { fields[safe: $0] }
    }
}

/// A campaign as compiled into the store, with its spec decoded.
struct CompiledCampaign {
    let id: Int64
    let spec: CampaignSpec
}

extension CampaignStore {
    /// The campaign called `name` with its compiled spec, if it is in this database.
    func compiledCampaign(named name: String) throws -> CompiledCampaign? {
        try connection.firstRow("SELECT id, spec_json FROM campaigns WHERE name = ?", [name]) { row -> CompiledCampaign? in
            guard let spec = try? JSONDecoder().decode(CampaignSpec.self, from: Data(row.string(1).utf8)) else { return nil }
            return CompiledCampaign(id: row.int64(0), spec: spec)
        } ?? nil
    }

    /// The campaign's contacts whose jobs are pending, in calling order: callbacks and due jobs by due
    /// time, then by job. With `agent`, only that agent's.
    func openContacts(campaign: Int64, agent: String? = nil) throws -> [OpenContact] {
        var sql = Self.contactSelection + " WHERE j.campaign_id = ? AND j.state = 'pending' AND c.phone_e164 IS NOT NULL"
        var values: [any SQLiteBindable] = [campaign]
        if let agent {
            sql += " AND s.agent = ?"
            values.append(agent)
        }
        sql += " ORDER BY j.next_at, j.id"
        return try connection.rows(sql, values, Self.openContact)
    }

    /// One contact of `campaign` with its job, whatever the job's state (the agent desk's card).
    func contact(_ contact: Int64, campaign: Int64) throws -> OpenContact? {
        try connection.firstRow(Self.contactSelection + " WHERE c.id = ? AND j.campaign_id = ? AND c.phone_e164 IS NOT NULL",
                                [contact, campaign], Self.openContact)
    }

    private static let contactSelection = """
        SELECT c.id, j.id, l.position, c.name, l.header_json, c.fields_json, c.phone_e164, c.time_zone,
               j.attempts, j.next_at, open_callback.callback_at, open_callback.callback_agent, s.agent, c.line
        FROM jobs j JOIN contacts c ON c.id = j.contact_id JOIN lists l ON l.id = c.list_id
        LEFT JOIN assignments s ON s.contact_id = c.id
        LEFT JOIN jobs open_callback ON open_callback.id = j.id AND open_callback.callback_at IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.job_id = j.id AND a.placed_at >= j.callback_at)
        """

    private static func openContact(_ row: SQLiteRow) -> OpenContact {
        OpenContact(
            contact: row.int64(0), job: row.int64(1), listPosition: row.int(2), line: row.int(13), name: row.optionalString(3),
            header: JSONText.decodeStrings(row.string(4)), fields: JSONText.decodeStrings(row.string(5)),
            number: row.string(6), zone: row.optionalString(7), attempts: row.int(8),
            nextAt: row.optionalDouble(9).map(Date.init(timeIntervalSince1970:)),
            callbackAt: row.optionalDouble(10).map(Date.init(timeIntervalSince1970:)),
            callbackAgent: row.optionalString(11), agent: row.optionalString(12))
    }

    /// Assigns a contact to an agent, replacing an earlier assignment.
    func assign(contact: Int64, campaign: Int64, to agent: String, method: String, at time: Date) throws {
        try connection.run(
            """
            INSERT INTO assignments (contact_id, campaign_id, agent, method, assigned_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO UPDATE SET agent = excluded.agent, method = excluded.method,
                assigned_at = excluded.assigned_at
            """,
            [contact, campaign, agent, method, time])
    }

    /// The agent a contact is assigned to, if any.
    func assignedAgent(contact: Int64) throws -> String? {
        try connection.firstRow("SELECT agent FROM assignments WHERE contact_id = ?", [contact]) { $0.string(0) }
    }

    /// Every attempt of a job, oldest first: when, the outcome, the agent.
    func attemptHistory(job: Int64) throws -> [(placedAt: Date, outcome: String, agent: String?)] {
        try connection.rows(
            "SELECT placed_at, outcome, agent FROM attempts WHERE job_id = ? AND state = 'ended' ORDER BY id", [job]
        ) { ($0.date(0), $0.optionalString(1) ?? CallOutcome.unknown.rawValue, $0.optionalString(2)) }
    }
}

/// A contact an imported row names: its job, number, zone and the job's state.
struct ImportContact {
    let job: Int64
    let number: String
    let zone: String?
    let state: JobState
}

extension CampaignStore {
    /// The contact with this id in `campaign`, if it has a dialable number.
    func openContact(campaign: Int64, contact: Int64) throws -> ImportContact? {
        try connection.firstRow(
            """
            SELECT j.id, c.phone_e164, c.time_zone, j.state FROM contacts c JOIN jobs j ON j.contact_id = c.id
            WHERE c.id = ? AND c.campaign_id = ? AND c.phone_e164 IS NOT NULL
            """,
            [contact, campaign]
        ) { ImportContact(job: $0.int64(0), number: $0.string(1), zone: $0.optionalString(2),
                          state: JobState(rawValue: $0.string(3)) ?? .cancelled) }
    }
}
