import Foundation

/// One ended call of a job, as the laws need it.
struct PastAttempt: Equatable {
    let outcome: CallOutcome
    let placedAt: Date
}

/// A job that is due to be dialed.
struct DueJob: Equatable {
    let job: Int64
    let contact: Int64
    let number: String
    let timeZone: String?
    /// Agents: when the callback the contact asked for fell due, if the job waits for one.
    var callbackAt: Date? = nil
}

extension CampaignStore {
    /// Pending jobs due at `time`, longest-waiting first.
    func dueJobs(campaign: Int64, at time: Date, limit: Int) throws -> [DueJob] {
        try connection.rows(
            """
            SELECT j.id, j.contact_id, c.phone_e164, c.time_zone, j.callback_at
            FROM jobs j JOIN contacts c ON c.id = j.contact_id
            WHERE j.campaign_id = ? AND j.state = 'pending' AND j.next_at <= ?
            ORDER BY j.next_at, j.id LIMIT ?
            """,
            [campaign, time, limit]
        ) { row in
            DueJob(job: row.int64(0), contact: row.int64(1), number: row.string(2), timeZone: row.optionalString(3),
                   callbackAt: row.optionalDouble(4).map(Date.init(timeIntervalSince1970:)))
        }
    }

    /// When the next pending job falls due, or nil when none is pending.
    func nextDueTime(campaign: Int64) throws -> Date? {
        try connection.firstRow(
            "SELECT MIN(next_at) FROM jobs WHERE campaign_id = ? AND state = 'pending'", [campaign]
        ) { $0.optionalDate(0) } ?? nil
    }

    /// Whether any job is still pending or being dialed.
    func hasUnfinishedJobs(campaign: Int64) throws -> Bool {
        try connection.firstRow(
            "SELECT EXISTS (SELECT 1 FROM jobs WHERE campaign_id = ? AND state IN ('pending', 'dialing'))",
            [campaign]
        ) { $0.int(0) == 1 } ?? false
    }

    /// Ends a job without dialing it (e.g. the permit found its limits reached).
    func finishJob(_ job: Int64, state: JobState, at time: Date) throws {
        try connection.run(
            "UPDATE jobs SET state = ?, next_at = NULL, updated_at = ? WHERE id = ?",
            [state.rawValue, time, job])
    }

    /// A job's ended attempts, oldest first: the durable history the laws are checked against.
    func history(job: Int64) throws -> [PastAttempt] {
        try connection.rows(
            "SELECT outcome, placed_at FROM attempts WHERE job_id = ? AND state = 'ended' ORDER BY id", [job]
        ) { PastAttempt(outcome: CallOutcome(rawValue: $0.string(0)) ?? .unknown, placedAt: $0.date(1)) }
    }

    /// Moves a pending job's due time (the laws said "not before").
    func postpone(_ job: Int64, to time: Date, at now: Date) throws {
        try connection.run(
            "UPDATE jobs SET next_at = ?, updated_at = ? WHERE id = ? AND state = 'pending'", [time, now, job])
    }
}
