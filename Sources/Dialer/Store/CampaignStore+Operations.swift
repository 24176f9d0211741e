import Foundation

/// The row of the `daemon_lease` table: who may run the dialer on this database.
struct LeaseRecord: Equatable {
    let holder: String
    let host: String
    let pid: Int32
    let token: String
    let heartbeatAt: Date
    let expiresAt: Date
}

/// A compiled campaign as the daemon sees it: its name, its source and the hash of what was compiled.
struct StoredCampaign {
    let id: Int64
    let name: String
    let specJSON: String
    let sourcePath: String
    let sourceHash: String
}

extension CampaignStore {
    /// The current lease, if a process holds or held one.
    func lease() throws -> LeaseRecord? {
        try connection.firstRow(
            "SELECT holder, host, pid, token, heartbeat_at, expires_at FROM daemon_lease WHERE id = 1"
        ) { row in
            LeaseRecord(holder: row.string(0), host: row.string(1), pid: Int32(truncatingIfNeeded: row.int64(2)),
                        token: row.string(3), heartbeatAt: row.date(4), expiresAt: row.date(5))
        }
    }

    /// Writes the lease row as ours (replacing any earlier holder's).
    func writeLease(holder: String, host: String, pid: Int32, token: String, at time: Date, expiresAt: Date) throws {
        try connection.run(
            """
            INSERT OR REPLACE INTO daemon_lease (id, holder, host, pid, token, acquired_at, heartbeat_at, expires_at)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?)
            """,
            [holder, host, Int64(pid), token, time, time, expiresAt])
    }

    /// Extends the lease held under `token`; false when another process holds it now.
    func renewLease(token: String, at time: Date, expiresAt: Date) throws -> Bool {
        try connection.run(
            "UPDATE daemon_lease SET heartbeat_at = ?, expires_at = ? WHERE id = 1 AND token = ?",
            [time, expiresAt, token])
        return connection.changes == 1
    }

    /// Gives up the lease held under `token` (nothing happens if another holds it).
    func releaseLease(token: String) throws {
        try connection.run("DELETE FROM daemon_lease WHERE id = 1 AND token = ?", [token])
    }

    /// Every compiled campaign, by name.
    func storedCampaigns() throws -> [StoredCampaign] {
        try connection.rows(
            "SELECT id, name, spec_json, source_path, source_hash FROM campaigns ORDER BY name"
        ) { StoredCampaign(id: $0.int64(0), name: $0.string(1), specJSON: $0.string(2),
                           sourcePath: $0.string(3), sourceHash: $0.string(4)) }
    }

    /// Whether an operator paused the campaign.
    func isPaused(campaign: Int64) throws -> Bool {
        try connection.firstRow("SELECT paused FROM campaign_controls WHERE campaign_id = ?", [campaign]) {
            $0.int(0) == 1
        } ?? false
    }

    /// Pauses or resumes a campaign; `by` says who (for the audit trail).
    func setPaused(_ paused: Bool, campaign: Int64, by who: String, at time: Date) throws {
        try connection.run(
            "INSERT OR REPLACE INTO campaign_controls (campaign_id, paused, changed_at, changed_by) VALUES (?, ?, ?, ?)",
            [campaign, paused ? 1 : 0, time, who])
    }

    /// A daemon setting kept in the database (e.g. the simulated clock's epoch).
    func setting(_ key: String) throws -> String? {
        try connection.firstRow("SELECT value FROM daemon_settings WHERE key = ?", [key]) { $0.string(0) }
    }

    /// Stores a daemon setting, keeping an existing value; returns the value in force.
    func settingKeepingExisting(_ key: String, _ value: String) throws -> String {
        try connection.run("INSERT OR IGNORE INTO daemon_settings (key, value) VALUES (?, ?)", [key, value])
        return try setting(key) ?? value
    }

    /// Calls whose attempt is still marked in progress.
    func attemptsInFlight(campaign: Int64) throws -> Int {
        try connection.firstRow(
            "SELECT COUNT(*) FROM attempts WHERE campaign_id = ? AND state = 'dialing'", [campaign]) { $0.int(0) } ?? 0
    }
}
