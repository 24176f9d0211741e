import Foundation

/// `attempts.csv`: one row per ended call (a call detail record), in the order placed, and the
/// tally the summary is built from, made in the same pass. Calls still in progress are left out.
struct AttemptsReport {
    static let columns = [
        "call_id", "contact_id", "number", "placed_at", "placed_at_utc", "ended_at",
        "outcome", "cause", "cause_text", "ring_seconds", "talk_seconds", "wrap_seconds", "agent", "amd", "recording",
    ]
    /// Columns of the attempts table a driver may fill; read when the store has them.
    static let optionalColumns = ["amd_result", "recording"]

    let store: CampaignStore
    let campaign: Int64
    let zone: TimeZone
    let range: ReportRange

    /// Tallies the calls in range and, given a path, writes them to it; notes each job's last call in `lastCalls`.
    func run(writingTo path: String?, jobs: JobTable?, byteOrderMark: Bool = true, lastCalls: inout LastCalls?) throws -> AttemptTally {
        let present = Set(try store.connection.rows("PRAGMA table_info(attempts)", []) { $0.string(1) })
        let optional = Self.optionalColumns.map { present.contains($0) ? "a.\($0)" : "NULL" }.joined(separator: ", ")
        let (start, end) = range.interval(in: zone)
        let statement = try store.connection.statement(
            """
            SELECT a.id, a.number, a.placed_at, a.job_id, a.ended_at, a.outcome, a.cause,
                a.ring_seconds, a.talk_seconds, a.wrap_seconds, a.agent, \(optional)
            FROM attempts a
            WHERE a.campaign_id = ? AND a.placed_at >= ? AND a.placed_at < ? AND a.state = 'ended'
            ORDER BY a.placed_at, a.id
            """)
        defer { statement.reset() }
        try statement.bind([campaign, start, end])
        var writer = try path.map { try CSVWriter(path: $0, byteOrderMark: byteOrderMark) }
        try writer?.writeRow(Self.columns)
        var clock = ReportClock(zone: zone)
        var tally = AttemptTally()
        var time: [UInt8] = []
        var causeTexts: [Int64: String] = [:]
        while try statement.step() {
            let row = statement.row
            let placed = row.double(2)
            let ended = row.optionalDouble(4)
            let outcome = row.string(5)
            let agent = row.optionalString(10)
            let (day, hour) = clock.localDayAndHour(placed)
            tally.add(outcome: outcome, placedAt: placed, endedAt: ended, day: day, hour: hour, agent: agent,
                      talk: row.optionalDouble(8), wrap: row.optionalDouble(9))
            lastCalls?.note(job: row.int64(3), placed: placed, agent: agent)
            guard writer != nil else { continue }
            writer?.cell(row.int64(0))
            writer?.cell(jobs?.contact(ofJob: row.int64(3)) ?? 0)
            row.withBytes(1) { writer?.cell(bytes: $0) }
            time.removeAll(keepingCapacity: true)
            clock.appendISO(placed, utc: false, to: &time)
            writer?.plainCell(time)
            time.removeAll(keepingCapacity: true)
            clock.appendISO(placed, utc: true, to: &time)
            writer?.plainCell(time)
            if let ended {
                time.removeAll(keepingCapacity: true)
                clock.appendISO(ended, utc: false, to: &time)
                writer?.plainCell(time)
            } else {
                writer?.emptyCell()
            }
            writer?.cell(outcome)
            if let cause = row.optionalInt64(6) {
                writer?.cell(cause)
                if causeTexts[cause] == nil { causeTexts[cause] = HangupCause(code: Int(cause)).description }
                writer?.cell(causeTexts[cause] ?? "")
            } else {
                writer?.emptyCell()
                writer?.emptyCell()
            }
            writer?.cell(seconds: row.optionalDouble(7))
            writer?.cell(seconds: row.optionalDouble(8))
            writer?.cell(seconds: row.optionalDouble(9))
            writer?.cell(agent ?? "")
            row.withBytes(11) { writer?.cell(bytes: $0) }
            row.withBytes(12) { writer?.cell(bytes: $0) }
            try writer?.endRow()
        }
        try writer?.close()
        return tally
    }
}
