import CampaignDSL
import Foundation

/// A contact as the new version of a campaign's lists has it.
private struct ListedContact {
    let position: Int
    let line: Int
    let name: String?
    let fieldsJSON: String
    let e164: String?
    let kind: String?
    let timeZone: String?
    let problem: String?
    let state: JobState
}

/// A contact already in the store, with its job.
private struct StoredContact {
    let contact: Int64
    let job: Int64
    let state: JobState
    let fieldsJSON: String
    /// Added over the API (`POST /api/v1/campaigns/{id}/contacts`): in no list, so never cancelled by a merge.
    let fromAPI: Bool
}

extension CampaignCompiler {
    /// Merges a changed campaign into the one already stored under its name, in one transaction.
    ///
    /// The lists are compiled afresh (into a private in-memory store, with the same
    /// reader, numbering plans, zones and duplicate rules as a first compile) and
    /// compared with the stored contacts by E.164 number: new numbers are added;
    /// pending jobs whose number left the lists are cancelled (not those added over the API); cancelled ones that
    /// came back are pending again; every pending job is re-scrubbed against the
    /// Do-Not-Call lists and prefixes. Attempts and final outcomes are never touched.
    func merge(into campaign: Int64, sourcePath: String, sourceText: String, cacheDirectory: String?,
               at time: Date) throws -> MergeReport {
        let scratch = try CampaignStore(path: ":memory:", now: time)
        let scratchRegistry = try DoNotCallRegistry(spec: spec, store: scratch, cacheDirectory: cacheDirectory)
        let (scratchCampaign, compiled) = try CampaignCompiler(spec: spec, store: scratch, doNotCall: scratchRegistry)
            .compile(sourcePath: sourcePath, sourceText: sourceText, at: time)
        let listed = try Self.listedContacts(scratch, campaign: scratchCampaign)
        let lists = try scratch.lists(campaign: scratchCampaign)

        var report = MergeReport()
        report.rejectedRows = compiled.rejectedRows
        try store.connection.writeTransaction {
            let listIDs = try replaceLists(lists, campaign: campaign)
            var byNumber: [String: StoredContact] = [:]
            var byFields: [String: StoredContact] = [:]
            for stored in try Self.storedContacts(store, campaign: campaign) {
                if let number = stored.number, stored.contact.state != .duplicate { byNumber[number] = stored.contact }
                if byFields[stored.contact.fieldsJSON] == nil { byFields[stored.contact.fieldsJSON] = stored.contact }
            }
            var listedNumbers = Set<String>()
            let writer = try ContactWriter(connection: store.connection, campaign: campaign, at: time)
            for contact in listed {
                let existing = contact.state == .duplicate ? nil : contact.e164.flatMap { byNumber[$0] }
                if let number = contact.e164, contact.state != .duplicate { listedNumbers.insert(number) }
                if let existing = existing ?? (contact.e164 == nil || contact.state == .duplicate ? byFields[contact.fieldsJSON] : nil) {
                    report.kept += 1
                    try refresh(existing, with: contact, list: listIDs[contact.position])
                    if existing.state == .cancelled && contact.state == .pending {
                        try store.connection.statement(
                            "UPDATE jobs SET state = 'pending', next_at = ?, updated_at = ? WHERE id = ? AND state = 'cancelled'"
                        ).run(time, time, existing.job)
                        report.restored += 1
                    }
                    continue
                }
                guard let list = listIDs[contact.position] else { continue }
                try writer.insert(
                    NewContact(list: list, line: contact.line, name: contact.name,
                               fields: JSONText.decodeStrings(contact.fieldsJSON), e164: contact.e164, kind: contact.kind,
                               timeZone: contact.timeZone, problem: contact.problem, state: contact.state))
                report.added += 1
            }
            try writer.finish()
            for (number, stored) in byNumber where stored.state == .pending && !stored.fromAPI && !listedNumbers.contains(number) {
                try store.finishJob(stored.job, state: .cancelled, at: time)
                report.cancelled += 1
            }
            report.blocked = try rescrubPendingJobs(campaign: campaign, at: time)
            let specJSON = String(decoding: try JSONEncoder().encode(spec), as: UTF8.self)
            try store.connection.run(
                "UPDATE campaigns SET spec_json = ?, source_path = ?, source_hash = ?, compiled_at = ? WHERE id = ?",
                [specJSON, sourcePath, SourceHash.fnv1a64(sourceText), time, campaign])
        }
        return report
    }

    /// Updates the stored lists to the new ones (same positions keep their ids); returns ids by position.
    private func replaceLists(_ lists: [(id: Int64, path: String, header: [String])], campaign: Int64) throws -> [Int: Int64] {
        var ids: [Int: Int64] = [:]
        for (position, list) in lists.enumerated() {
            let existing = try store.connection.firstRow(
                "SELECT id FROM lists WHERE campaign_id = ? AND position = ?", [campaign, position]) { $0.int64(0) }
            if let existing {
                try store.connection.run("UPDATE lists SET path = ?, header_json = ? WHERE id = ?",
                                         [list.path, JSONText.encode(list.header), existing])
                ids[position] = existing
            } else {
                ids[position] = try store.insertList(campaign: campaign, position: position, path: list.path, header: list.header)
            }
        }
        return ids
    }

    /// Keeps a stored contact's identity and history, taking the list's current fields.
    private func refresh(_ stored: StoredContact, with contact: ListedContact, list: Int64?) throws {
        try store.connection.statement(
            "UPDATE contacts SET name = ?, fields_json = ?, line = ?, list_id = COALESCE(?, list_id) WHERE id = ?"
        ).run(contact.name, contact.fieldsJSON, contact.line, list, stored.contact)
    }

    /// Ends every pending job whose number a Do-Not-Call source now blocks; returns how many.
    private func rescrubPendingJobs(campaign: Int64, at time: Date) throws -> Int {
        let pending = try store.connection.rows(
            """
            SELECT j.id, c.phone_e164 FROM jobs j JOIN contacts c ON c.id = j.contact_id
            WHERE j.campaign_id = ? AND j.state = 'pending' AND c.phone_e164 IS NOT NULL
            """, [campaign]) { ($0.int64(0), $0.string(1)) }
        var blocked = 0
        for (job, number) in pending where try doNotCall.blocks(number) {
            try store.finishJob(job, state: .dnc, at: time)
            blocked += 1
        }
        return blocked
    }

    private static func listedContacts(_ store: CampaignStore, campaign: Int64) throws -> [ListedContact] {
        try store.connection.rows(
            """
            SELECT l.position, c.line, c.name, c.fields_json, c.phone_e164, c.phone_kind, c.time_zone, c.problem, j.state
            FROM contacts c JOIN jobs j ON j.contact_id = c.id JOIN lists l ON l.id = c.list_id
            WHERE c.campaign_id = ? ORDER BY c.id
            """, [campaign]
        ) { row in
            ListedContact(position: row.int(0), line: row.int(1), name: row.optionalString(2), fieldsJSON: row.string(3),
                          e164: row.optionalString(4), kind: row.optionalString(5), timeZone: row.optionalString(6),
                          problem: row.optionalString(7), state: JobState(rawValue: row.string(8)) ?? .invalid)
        }
    }

    private static func storedContacts(_ store: CampaignStore, campaign: Int64) throws -> [(number: String?, contact: StoredContact)] {
        try store.connection.rows(
            """
            SELECT c.id, j.id, j.state, c.fields_json, c.phone_e164,
                   EXISTS (SELECT 1 FROM api_contacts x WHERE x.contact_id = c.id)
            FROM contacts c JOIN jobs j ON j.contact_id = c.id WHERE c.campaign_id = ? ORDER BY c.id
            """, [campaign]
        ) { row in
            (row.optionalString(4),
             StoredContact(contact: row.int64(0), job: row.int64(1), state: JobState(rawValue: row.string(2)) ?? .invalid,
                           fieldsJSON: row.string(3), fromAPI: row.int(5) == 1))
        }
    }
}
