import Foundation

/// An ended attempt as outcomes need it: whose it was, the number, the contact's zone, the job's state.
struct RecordedAttempt {
    let call: CallID
    let campaign: Int64
    let job: Int64
    let contact: Int64
    let number: String
    let zone: String?
    let placedAt: Date
    let answeredAt: Date?
    let endedAt: Date?
    let outcome: CallOutcome
    let agent: String?
    let jobState: JobState
    /// The link to the call's recording, when the driver gave one.
    let recording: String?
}

/// Where an outcome came from.
enum OutcomeSource: String {
    /// An agent in live dialing.
    case agent
    /// Keys pressed on an agentless survey call.
    case keypad
    /// A call sheet read back by `dialerd agents import`.
    case `import`
}

/// A job's callback that waits for one agent.
struct AgentCallback: Equatable {
    let agent: String
    let due: Date
}

extension CampaignStore {
    /// The attempt with this id, if it exists.
    func recordedAttempt(call: CallID) throws -> RecordedAttempt? {
        try connection.firstRow(
            """
            SELECT a.id, a.campaign_id, a.job_id, j.contact_id, a.number, c.time_zone, a.placed_at, a.answered_at,
                   a.ended_at, a.outcome, a.agent, j.state, a.recording
            FROM attempts a JOIN jobs j ON j.id = a.job_id JOIN contacts c ON c.id = j.contact_id WHERE a.id = ?
            """,
            [call]
        ) { row in
            RecordedAttempt(
                call: row.int64(0), campaign: row.int64(1), job: row.int64(2), contact: row.int64(3), number: row.string(4),
                zone: row.optionalString(5), placedAt: row.date(6), answeredAt: row.optionalDouble(7).map(Date.init(timeIntervalSince1970:)),
                endedAt: row.optionalDouble(8).map(Date.init(timeIntervalSince1970:)),
                outcome: CallOutcome(rawValue: row.string(9)) ?? .unknown, agent: row.optionalString(10),
                jobState: JobState(rawValue: row.string(11)) ?? .cancelled, recording: row.optionalString(12))
        }
    }

    /// Records an ended call made outside the dialer (by hand, from a call sheet) and returns its id.
    func insertManualAttempt(campaign: Int64, job: Int64, number: String, agent: String?, at time: Date) throws -> CallID {
        try connection.run(
            """
            INSERT INTO attempts (campaign_id, job_id, number, state, placed_at, answered_at, connected_at, ended_at, outcome, agent)
            VALUES (?, ?, ?, 'ended', ?, ?, ?, ?, 'answered', ?)
            """,
            [campaign, job, number, time, time, time, time, agent])
        let call = connection.lastInsertRowID
        try connection.run(
            "UPDATE jobs SET attempts = attempts + 1, last_outcome = 'answered', updated_at = ? WHERE id = ?", [time, job])
        return call
    }

    /// Records an outcome row and its survey answers.
    func insertOutcome(_ outcome: AgentOutcome, callbackAt: Date?, attempt: RecordedAttempt, agent: String?,
                       source: OutcomeSource, rowKey: String?, at time: Date) throws {
        try connection.run(
            """
            INSERT INTO outcomes (campaign_id, contact_id, attempt_id, agent, disposition, callback_at, callback_agent,
                                  opt_out, source, row_key, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [attempt.campaign, attempt.contact, attempt.call, agent, outcome.disposition, callbackAt,
             outcome.callback?.agent, outcome.optOut ? 1 : 0, source.rawValue, rowKey, time])
        let id = connection.lastInsertRowID
        for (question, answer) in outcome.answers.sorted(by: { $0.key < $1.key }) {
            try connection.run(
                "INSERT INTO survey_answers (outcome_id, contact_id, question, answer) VALUES (?, ?, ?, ?)",
                [id, attempt.contact, question, answer])
        }
    }

    /// Whether an imported row with this key was already applied.
    func outcomeExists(rowKey: String) throws -> Bool {
        try connection.firstRow("SELECT 1 FROM outcomes WHERE row_key = ?", [rowKey]) { _ in true } ?? false
    }

    /// Sets a job's state after an outcome; a callback makes it pending at `callbackAt` for `callbackAgent`.
    func updateJobAfterOutcome(_ job: Int64, state: JobState, callbackAt: Date?, callbackAgent: String?, at time: Date) throws {
        try connection.run(
            "UPDATE jobs SET state = ?, next_at = ?, callback_at = ?, callback_agent = ?, updated_at = ? WHERE id = ?",
            [state.rawValue, callbackAt, callbackAt, callbackAgent, time, job])
    }

    /// The agent a job's callback waits for, while no call was placed since it fell due.
    func agentCallback(job: Int64) throws -> AgentCallback? {
        try connection.firstRow(
            """
            SELECT j.callback_agent, j.callback_at FROM jobs j
            WHERE j.id = ? AND j.callback_agent IS NOT NULL AND j.callback_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.job_id = j.id AND a.placed_at >= j.callback_at)
            """,
            [job]
        ) { AgentCallback(agent: $0.string(0), due: $0.date(1)) }
    }

    /// The contact's latest answer to each question.
    func latestAnswers(contact: Int64) throws -> [String: String] {
        var answers: [String: String] = [:]
        for (question, answer) in try connection.rows(
            "SELECT question, answer FROM survey_answers WHERE contact_id = ? ORDER BY outcome_id", [contact], {
                ($0.string(0), $0.string(1))
            }) { answers[question] = answer }
        return answers
    }

    /// Counts of recorded dispositions by agent (`""` for none) and disposition id, for reports.
    func dispositionCounts(campaign: Int64) throws -> [String: [String: Int]] {
        var counts: [String: [String: Int]] = [:]
        for (agent, id, count) in try connection.rows(
            """
            SELECT COALESCE(agent, ''), disposition, COUNT(*) FROM outcomes
            WHERE campaign_id = ? AND disposition IS NOT NULL GROUP BY 1, 2
            """,
            [campaign], { ($0.string(0), $0.string(1), $0.int(2)) }) { counts[agent, default: [:]][id] = count }
        return counts
    }

    /// Per agent: calls taken, talk and wrap-up seconds.
    func agentCallTotals(campaign: Int64) throws -> [String: (calls: Int, talk: Double, wrap: Double)] {
        var totals: [String: (calls: Int, talk: Double, wrap: Double)] = [:]
        for (agent, calls, talk, wrap) in try connection.rows(
            """
            SELECT agent, COUNT(*), COALESCE(SUM(talk_seconds), 0), COALESCE(SUM(wrap_seconds), 0) FROM attempts
            WHERE campaign_id = ? AND agent IS NOT NULL AND state = 'ended' AND talk_seconds IS NOT NULL GROUP BY agent
            """,
            [campaign], { ($0.string(0), $0.int(1), $0.double(2), $0.double(3)) }) { totals[agent] = (calls, talk, wrap) }
        return totals
    }

    /// Per agent: seconds logged in over finished sessions.
    func agentLoggedInSeconds(campaign: Int64) throws -> [String: Double] {
        var seconds: [String: Double] = [:]
        for (agent, total) in try connection.rows(
            "SELECT agent, SUM(ended_at - started_at) FROM agent_sessions WHERE campaign_id = ? GROUP BY agent",
            [campaign], { ($0.string(0), $0.double(1)) }) { seconds[agent] = total }
        return seconds
    }
}
