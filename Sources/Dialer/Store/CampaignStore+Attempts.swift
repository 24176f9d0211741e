import Foundation

/// How an attempt ended, as the engine observed it.
struct AttemptResult {
    let call: CallID
    let job: Int64
    let outcome: CallOutcome
    let cause: HangupCause?
    let answeredAt: Date?
    let connectedAt: Date?
    let endedAt: Date
    /// From the dial to the far end's pick-up.
    let ringSeconds: Double?
    /// From the pick-up to the answering-machine detector's verdict, when it ran.
    var amdSeconds: Double? = nil
    /// From the connection to an agent to the hang-up.
    let talkSeconds: Double?
    let agent: String?
    /// The driver's answering-machine verdict, when AMD ran on the call.
    var amdVerdict: String?
    /// Where the driver keeps the call's recording, when it gives one.
    var recording: String?
}

/// An attempt that was in progress when the dialer stopped.
struct InterruptedAttempt {
    let call: CallID
    let job: Int64
    let zone: String?
    let placedAt: Date
}

extension CampaignStore {
    /// Records a call about to be placed and marks its job as dialing, in one
    /// committed transaction, before the driver is asked to dial (law 5).
    /// Throws when the job is no longer pending, so a job is never dialed twice at once.
    func beginAttempt(campaign: Int64, job: DueJob, agent: String?, at time: Date) throws -> CallID {
        try connection.writeTransaction {
            try connection.run(
                "UPDATE jobs SET state = 'dialing', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'",
                [time, job.job])
            guard connection.changes == 1 else { throw StoreError.jobNotPending(job.job) }
            try connection.run(
                "INSERT INTO attempts (campaign_id, job_id, number, state, placed_at, agent) VALUES (?, ?, ?, 'dialing', ?, ?)",
                [campaign, job.job, job.number, time, agent])
            return connection.lastInsertRowID
        }
    }

    /// How many calls the campaign placed to each number, in every run so far.
    func callCountsByNumber(campaign: Int64) throws -> [String: UInt64] {
        var counts: [String: UInt64] = [:]
        for (number, count) in try connection.rows(
            "SELECT number, COUNT(*) FROM attempts WHERE campaign_id = ? GROUP BY number", [campaign], {
                ($0.string(0), $0.int64(1))
            }) {
            counts[number] = UInt64(count)
        }
        return counts
    }

    /// Takes back an attempt whose call the telephony backend never placed: the
    /// attempt is deleted and its job is pending again as it was, not counted as
    /// called. Only an attempt still in progress is withdrawn.
    func withdrawAttempt(call: CallID, job: Int64, at time: Date) throws {
        try connection.writeTransaction {
            try connection.run("DELETE FROM attempts WHERE id = ? AND state = 'dialing'", [call])
            guard connection.changes == 1 else { throw StoreError.attemptNotInProgress(call) }
            try connection.run(
                "UPDATE jobs SET state = 'pending', attempts = attempts - 1, updated_at = ? WHERE id = ? AND state = 'dialing'",
                [time, job])
        }
    }

    /// Records how an attempt ended and what its job does next, in one transaction.
    /// `nextAt` is when a job that goes back to pending falls due.
    func finishAttempt(_ result: AttemptResult, jobState state: JobState, nextAt: Date?) throws {
        try connection.writeTransaction {
            try connection.run(
                """
                UPDATE attempts SET state = 'ended', outcome = ?, cause = ?, answered_at = ?, connected_at = ?,
                    ended_at = ?, ring_seconds = ?, amd_seconds = ?, talk_seconds = ?, agent = ?, amd_result = ?,
                    recording = ?
                WHERE id = ? AND state = 'dialing'
                """,
                [result.outcome.rawValue, result.cause?.code, result.answeredAt, result.connectedAt,
                 result.endedAt, result.ringSeconds, result.amdSeconds, result.talkSeconds, result.agent,
                 result.amdVerdict, result.recording, result.call])
            guard connection.changes == 1 else { throw StoreError.attemptNotInProgress(result.call) }
            try connection.run(
                "UPDATE jobs SET state = ?, next_at = ?, last_outcome = ?, updated_at = ? WHERE id = ?",
                [state.rawValue, nextAt, result.outcome.rawValue, result.endedAt, result.job])
        }
    }

    /// Notes the share of persons the driver's AMD takes for machines, from `time` on, when it differs
    /// from the share last noted: reports estimate AMD's false positives with it (Ofcom).
    func noteFalsePositiveShare(campaign: Int64, share: Double, at time: Date) throws {
        let last = try connection.firstRow(
            "SELECT false_positive_share FROM amd_estimates WHERE campaign_id = ? ORDER BY since DESC LIMIT 1",
            [campaign]) { $0.double(0) }
        guard last != share else { return }
        try connection.run(
            "INSERT OR REPLACE INTO amd_estimates (campaign_id, since, false_positive_share) VALUES (?, ?, ?)",
            [campaign, time, share])
    }

    /// The shares of persons AMD took for machines, each with when it took effect, oldest first.
    func falsePositiveShares(campaign: Int64) throws -> [(since: Double, share: Double)] {
        try connection.rows(
            "SELECT since, false_positive_share FROM amd_estimates WHERE campaign_id = ? ORDER BY since",
            [campaign]) { ($0.double(0), $0.double(1)) }
    }

    /// Records an agent's wrap-up time after a call.
    func recordWrapUp(call: CallID, seconds: Double) throws {
        try connection.run("UPDATE attempts SET wrap_seconds = ? WHERE id = ?", [seconds, call])
    }

    /// Records an agent's finished login session.
    func insertSession(campaign: Int64, agent: String, start: Date, end: Date) throws {
        try connection.run(
            "INSERT INTO agent_sessions (campaign_id, agent, started_at, ended_at) VALUES (?, ?, ?, ?)",
            [campaign, agent, start, end])
    }

    /// When the campaign's first call was placed; nil before any.
    func firstCallTime(campaign: Int64) throws -> Date? {
        try connection.firstRow("SELECT MIN(placed_at) FROM attempts WHERE campaign_id = ?", [campaign]) {
            $0.optionalDate(0)
        } ?? nil
    }

    /// The answers since `start` that needed an agent: connected to one, found a machine at one, or abandoned.
    func answerCounts(campaign: Int64, since start: Date) throws -> AbandonLedger.Counts {
        var counts = AbandonLedger.Counts()
        let rows = try connection.rows(
            """
            SELECT outcome, COUNT(*) FROM attempts
            WHERE campaign_id = ? AND state = 'ended' AND answered_at >= ?
              AND (outcome IN ('answered', 'abandoned') OR (outcome = 'machine' AND agent IS NOT NULL))
            GROUP BY outcome
            """,
            [campaign, start]
        ) { ($0.string(0), $0.int(1)) }
        for (outcome, count) in rows {
            switch CallOutcome(rawValue: outcome) {
            case .answered: counts.connected = count
            case .abandoned: counts.abandoned = count
            default: counts.machinesAtAgents = count
            }
        }
        return counts
    }

    /// Attempts left in progress by a dialer that stopped (crash, kill, power loss).
    func interruptedAttempts(campaign: Int64) throws -> [InterruptedAttempt] {
        try connection.rows(
            """
            SELECT a.id, a.job_id, c.time_zone, a.placed_at
            FROM attempts a JOIN jobs j ON j.id = a.job_id JOIN contacts c ON c.id = j.contact_id
            WHERE a.campaign_id = ? AND a.state = 'dialing' ORDER BY a.id
            """,
            [campaign]
        ) { InterruptedAttempt(call: $0.int64(0), job: $0.int64(1), zone: $0.optionalString(2), placedAt: $0.date(3)) }
    }
}

/// The store refused a change that would break its state machine.
enum StoreError: Error, CustomStringConvertible {
    case jobNotPending(Int64)
    case attemptNotInProgress(CallID)
    case campaignExists(String)

    var description: String {
        switch self {
        case .jobNotPending(let job): "job \(job) is not pending"
        case .attemptNotInProgress(let call): "attempt \(call) is not in progress"
        case .campaignExists(let name): "campaign '\(name)' is already in this database"
        }
    }
}

extension CampaignStore {
    /// The campaign's latest ended attempts placed since `start`, at most `limit`, oldest first,
    /// as the predictive pacer learns from them when a run starts. Attempts of unknown outcome
    /// (those a stopped dialer left in progress) are left out: their times are not the network's.
    func pastPacingAttempts(campaign: Int64, since start: Date, limit: Int) throws -> [PastPacingAttempt] {
        try pacingAttempts(campaignMatch: "campaign_id = ?", campaign: campaign, since: start, limit: limit)
    }

    /// The same of the database's other campaigns together: the priors a campaign with little
    /// history of its own starts pacing from.
    func pastPacingAttempts(otherThan campaign: Int64, since start: Date, limit: Int) throws -> [PastPacingAttempt] {
        try pacingAttempts(campaignMatch: "campaign_id <> ?", campaign: campaign, since: start, limit: limit)
    }

    private func pacingAttempts(campaignMatch: StaticString, campaign: Int64, since start: Date, limit: Int) throws -> [PastPacingAttempt] {
        try connection.rows(
            """
            SELECT COALESCE(ring_seconds, 0), outcome, agent IS NOT NULL, answered_at, ended_at, talk_seconds, wrap_seconds
            FROM (SELECT * FROM attempts
                  WHERE \(campaignMatch) AND state = 'ended' AND outcome <> 'unknown' AND placed_at >= ?
                  ORDER BY id DESC LIMIT ?)
            ORDER BY id
            """,
            [campaign, start, limit]
        ) { row in
            let outcome = row.optionalString(1).flatMap(CallOutcome.init(rawValue:))
            let machineAtAgent = outcome == .machine && row.int(2) != 0
            let machineSeconds: Double? = machineAtAgent
                ? row.optionalDouble(3).flatMap { answered in row.optionalDouble(4).map { max(0, $0 - answered) } } : nil
            return PastPacingAttempt(
                ringSeconds: row.double(0),
                neededAgent: outcome == .answered || outcome == .abandoned || machineAtAgent,
                machineSeconds: machineSeconds,
                talkSeconds: outcome == .answered ? row.optionalDouble(5) : nil,
                wrapSeconds: outcome == .answered ? row.optionalDouble(6) : nil)
        }
    }
}
