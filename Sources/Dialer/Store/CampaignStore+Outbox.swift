import CampaignDSL
import Foundation

/// Counts of a campaign's outbox entries by channel and state, for reports.
struct OutboxSummary: Equatable {
    var counts: [OutboxChannel: [OutboxState: Int]] = [:]

    func count(_ channel: OutboxChannel, _ state: OutboxState) -> Int { counts[channel]?[state] ?? 0 }
}

extension CampaignStore {
    /// What follow-ups need of a contact: number, zone, name, and its row's values by header and by the
    /// list's field names (`field plan column "Plan"`). Nil when the contact has no dialable number.
    func contactFacts(contact: Int64, spec: CampaignSpec) throws -> ContactFacts? {
        try connection.firstRow(
            """
            SELECT c.phone_e164, c.time_zone, c.name, c.fields_json, l.header_json, l.position
            FROM contacts c JOIN lists l ON l.id = c.list_id WHERE c.id = ?
            """,
            [contact]
        ) { row -> ContactFacts? in
            guard let number = row.optionalString(0) else { return nil }
            let cells = JSONText.decodeStrings(row.string(3))
            let header = JSONText.decodeStrings(row.string(4))
            var fields: [String: String] = [:]
            for (column, value) in zip(header, cells) where fields[column] == nil { fields[column] = value }
            let position = row.int(5)
            if spec.lists.indices.contains(position) {
                for field in spec.lists[position].fields { fields[field.name] = fields[field.column] }
            }
            return ContactFacts(id: contact, number: number, timeZone: row.optionalString(1), name: row.optionalString(2),
                                fields: fields)
        } ?? nil
    }

    /// A random id made when the outbox table was created; it starts every idempotency key, so two
    /// databases never share keys at a gateway.
    func storeIdentity() throws -> String {
        try connection.firstRow("SELECT id FROM store_identity LIMIT 1", []) { $0.string(0) } ?? ""
    }

    /// The idempotency key of an entry: `<store>-<campaign>-<contact>-<trigger>`, the trigger
    /// percent-encoded so the key is safe in a header.
    func idempotencyKey(for entry: OutboxEntry) throws -> String {
        "\(try storeIdentity())-\(entry.campaign)-\(entry.contact)-\(PercentEncoding.escape(entry.trigger))"
    }

    /// Adds entries that are not there yet, in one transaction: `queued`, or `skipped` with its reason when
    /// the entry has one. An entry whose key exists is ignored, whatever its state: at most one message per
    /// (campaign, contact, trigger), ever. An entry is never due before `time`, when it was made (the
    /// follow-ups of an agent's outcome are made after the call they are about ended).
    /// - Returns: how many were new.
    @discardableResult
    func enqueue(_ entries: [OutboxEntry], at time: Date) throws -> Int {
        guard !entries.isEmpty else { return 0 }
        return try connection.writeTransaction {
            var added = 0
            for entry in entries {
                try connection.run(
                    """
                    INSERT INTO outbox (idempotency_key, campaign_id, contact_id, channel, route, trigger, recipient,
                        sender, body, time_zone, state, next_at, expires_at, created_at, updated_at,
                        last_error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (idempotency_key) DO NOTHING
                    """,
                    [try idempotencyKey(for: entry), entry.campaign, entry.contact, entry.channel.rawValue, entry.route,
                     entry.trigger, entry.recipient, entry.sender, entry.body, entry.timeZone,
                     entry.skipReason == nil ? OutboxState.queued.rawValue : OutboxState.skipped.rawValue,
                     max(entry.notBefore, time), entry.expiresAt, time, time, entry.skipReason])
                added += connection.changes
            }
            return added
        }
    }

    /// Queued entries due at `time` on the given routes, earliest first.
    func dueOutbox(routes: [String], at time: Date, limit: Int) throws -> [OutboxMessage] {
        guard !routes.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: routes.count).joined(separator: ", ")
        return try connection.rows(
            "\(Self.outboxColumns) WHERE state = 'queued' AND next_at <= ? AND route IN (\(marks)) ORDER BY next_at, id LIMIT ?",
            [time] + routes + [limit], Self.decodeOutbox)
    }

    /// When the next queued entry on these routes falls due, or nil when none is queued.
    func nextOutboxTime(routes: [String]) throws -> Date? {
        guard !routes.isEmpty else { return nil }
        let marks = Array(repeating: "?", count: routes.count).joined(separator: ", ")
        return try connection.firstRow(
            "SELECT MIN(next_at) FROM outbox WHERE state = 'queued' AND route IN (\(marks))", routes
        ) { $0.optionalDate(0) } ?? nil
    }

    /// Entries left `sending` by a process that stopped between the request and its answer.
    func interruptedOutbox() throws -> [OutboxMessage] {
        try connection.rows("\(Self.outboxColumns) WHERE state = 'sending' ORDER BY id", [], Self.decodeOutbox)
    }

    /// One entry by id.
    func outboxMessage(_ id: Int64) throws -> OutboxMessage? {
        try connection.firstRow("\(Self.outboxColumns) WHERE id = ?", [id], Self.decodeOutbox)
    }

    /// A campaign's entries in one state (e.g. the failed ones, for the report).
    func outboxMessages(campaign: Int64, state: OutboxState) throws -> [OutboxMessage] {
        try connection.rows(
            "\(Self.outboxColumns) WHERE campaign_id = ? AND state = ? ORDER BY id", [campaign, state.rawValue],
            Self.decodeOutbox)
    }

    /// Counts of a campaign's entries by channel and state.
    func outboxSummary(campaign: Int64) throws -> OutboxSummary {
        let rows = try connection.rows(
            "SELECT channel, state, COUNT(*) FROM outbox WHERE campaign_id = ? GROUP BY channel, state", [campaign]
        ) { row in (OutboxChannel(rawValue: row.string(0)), OutboxState(rawValue: row.string(1)), row.int(2)) }
        var summary = OutboxSummary()
        for case let (channel?, state?, count) in rows {
            summary.counts[channel, default: [:]][state] = count
        }
        return summary
    }

    /// Commits `queued → sending` and counts the try, before the request goes out.
    /// Throws when the entry is not queued, so one entry is never in flight twice.
    func markSending(_ id: Int64, at time: Date) throws {
        try connection.run(
            "UPDATE outbox SET state = 'sending', tries = tries + 1, updated_at = ? WHERE id = ? AND state = 'queued'",
            [time, id])
        guard connection.changes == 1 else { throw OutboxStoreError.notQueued(id) }
    }

    /// Commits `sending → sent` after the gateway confirmed the message.
    func markSent(_ id: Int64, status: Int?, at time: Date) throws {
        try connection.run(
            """
            UPDATE outbox SET state = 'sent', sent_at = ?, last_status = ?, last_error = NULL, updated_at = ?
            WHERE id = ? AND state = 'sending'
            """,
            [time, status, time, id])
        guard connection.changes == 1 else { throw OutboxStoreError.notSending(id) }
    }

    /// Puts a `sending` entry back in the queue for another try at `nextAt`.
    func requeue(_ id: Int64, nextAt: Date, status: Int?, error: String, at time: Date) throws {
        try connection.run(
            """
            UPDATE outbox SET state = 'queued', next_at = ?, last_status = ?, last_error = ?, updated_at = ?
            WHERE id = ? AND state = 'sending'
            """,
            [nextAt, status, error, time, id])
        guard connection.changes == 1 else { throw OutboxStoreError.notSending(id) }
    }

    /// Ends an entry for good (`queued` or `sending` → `failed`), keeping why.
    func markFailed(_ id: Int64, status: Int?, error: String, at time: Date) throws {
        try connection.run(
            """
            UPDATE outbox SET state = 'failed', last_status = COALESCE(?, last_status), last_error = ?, updated_at = ?
            WHERE id = ? AND state IN ('queued', 'sending')
            """,
            [status, error, time, id])
        guard connection.changes == 1 else { throw OutboxStoreError.notSending(id) }
    }

    /// Ends a `sending` entry as `unknown`: the request may have arrived, and it is never made again.
    func markUnknown(_ id: Int64, error: String, at time: Date) throws {
        try connection.run(
            "UPDATE outbox SET state = 'unknown', last_error = ?, updated_at = ? WHERE id = ? AND state = 'sending'",
            [error, time, id])
        guard connection.changes == 1 else { throw OutboxStoreError.notSending(id) }
    }

    /// Holds a queued entry until `time` without counting a try (quiet hours).
    func hold(_ id: Int64, until nextAt: Date, at time: Date) throws {
        try connection.run(
            "UPDATE outbox SET next_at = ?, updated_at = ? WHERE id = ? AND state = 'queued'", [nextAt, time, id])
    }

    private static let outboxColumns = """
        SELECT id, idempotency_key, campaign_id, contact_id, channel, route, trigger, recipient, sender, body,
            time_zone, state, tries, next_at, expires_at, sent_at, last_status, last_error, created_at FROM outbox
        """

    private static func decodeOutbox(_ row: SQLiteRow) -> OutboxMessage {
        let entry = OutboxEntry(
            channel: OutboxChannel(rawValue: row.string(4)) ?? .sms, campaign: row.int64(2), contact: row.int64(3),
            trigger: row.string(6), route: row.string(5), recipient: row.string(7), sender: row.optionalString(8),
            body: row.string(9), timeZone: row.optionalString(10), notBefore: row.date(18),
            expiresAt: row.optionalDate(14))
        return OutboxMessage(
            id: row.int64(0), key: row.string(1), entry: entry, state: OutboxState(rawValue: row.string(11)) ?? .failed,
            tries: row.int(12), nextAt: row.date(13), sentAt: row.optionalDate(15),
            lastStatus: row.optionalInt64(16).map(Int.init), lastError: row.optionalString(17))
    }
}

/// The outbox refused a change that would break its state machine.
enum OutboxStoreError: Error, CustomStringConvertible {
    case notQueued(Int64)
    case notSending(Int64)

    var description: String {
        switch self {
        case .notQueued(let id): "outbox entry \(id) is not queued"
        case .notSending(let id): "outbox entry \(id) is not being sent"
        }
    }
}
