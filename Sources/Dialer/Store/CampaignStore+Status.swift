import Foundation

/// A pending job as `dialerd status` weighs it against the laws.
struct PendingJob {
    let job: Int64
    let number: String
    /// The contact's zone, when known.
    let timeZone: String?
    let nextAt: Date?
    let callbackAt: Date?
}

extension CampaignStore {
    /// How many of the campaign's jobs are in each state.
    func jobCounts(campaign: Int64) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (state, count) in try connection.rows(
            "SELECT state, COUNT(*) FROM jobs WHERE campaign_id = ? GROUP BY state", [campaign], { ($0.string(0), $0.int(1)) }) {
            counts[state] = count
        }
        return counts
    }

    /// Every pending job of the campaign, with its number and zone.
    func pendingJobs(campaign: Int64) throws -> [PendingJob] {
        try connection.rows(
            """
            SELECT j.id, c.phone_e164, c.time_zone, j.next_at, j.callback_at FROM jobs j JOIN contacts c ON c.id = j.contact_id
            WHERE j.campaign_id = ? AND j.state = 'pending'
            """, [campaign]
        ) { PendingJob(job: $0.int64(0), number: $0.string(1), timeZone: $0.optionalString(2), nextAt: $0.optionalDate(3),
                       callbackAt: $0.optionalDate(4)) }
    }

    /// The ended attempts of every pending job of the campaign, by job, oldest first, in one
    /// query (what ``history(job:)`` gives for one job; a query per job made `status` take seconds).
    func pendingHistories(campaign: Int64) throws -> [Int64: [PastAttempt]] {
        var histories: [Int64: [PastAttempt]] = [:]
        for (job, attempt) in try connection.rows(
            """
            SELECT a.job_id, a.outcome, a.placed_at FROM attempts a JOIN jobs j ON j.id = a.job_id
            WHERE a.campaign_id = ? AND a.state = 'ended' AND j.state = 'pending' ORDER BY a.job_id, a.id
            """, [campaign], { ($0.int64(0), PastAttempt(outcome: CallOutcome(rawValue: $0.string(1)) ?? .unknown, placedAt: $0.date(2))) }) {
            histories[job, default: []].append(attempt)
        }
        return histories
    }
}
