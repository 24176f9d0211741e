import Foundation

/// `attempts.csv`: one row per ended call (a call detail record), in the order placed, and the
/// tally the summary is built from, made in the same pass. Calls still in progress are left out.
///
/// Each row goes from SQLite's column bytes to the file's buffer: no `String` per row.
/// `attempts.xlsx`, written in the same pass, has the same columns with typed cells.
struct AttemptsReport {
    static let columns = [
        "call_id", "contact_id", "number", "placed_at", "placed_at_utc", "ended_at",
        "outcome", "cause", "cause_text", "ring_seconds", "amd_seconds", "talk_seconds", "wrap_seconds", "agent", "amd", "recording",
    ]

    let store: CampaignStore
    let campaign: Int64
    let zone: TimeZone
    let range: ReportRange

    /// Tallies the calls in range and, given a path, writes them to it (and to `sheetPath` as a spreadsheet,
    /// dates in `dateFormat`); notes each job's last call in `lastCalls`.
    func run(writingTo path: String?, sheetPath: String? = nil, dateFormat: String = Localizer().spreadsheetDateTimeFormat,
             jobs: JobTable?, byteOrderMark: Bool = true, lastCalls: inout LastCalls?) throws -> AttemptTally {
        let (start, end) = range.interval(in: zone)
        let statement = try store.connection.statement(
            """
            SELECT a.id, a.number, a.placed_at, a.job_id, a.ended_at, a.outcome, a.cause,
                a.ring_seconds, a.talk_seconds, a.wrap_seconds, a.agent, a.amd_result, a.recording, a.amd_seconds
            FROM attempts a
            WHERE a.campaign_id = ? AND a.placed_at >= ? AND a.placed_at < ? AND a.state = 'ended'
            ORDER BY a.placed_at, a.id
            """)
        defer { statement.reset() }
        try statement.bind([campaign, start, end])
        var writer = try path.map { try CSVWriter(path: $0, byteOrderMark: byteOrderMark) }
        try writer?.writeRow(Self.columns)
        let sheet = try sheetPath.map { path in
            try SpreadsheetWriter(
                path: path, sheetName: "attempts",
                columns: [.init("call_id"), .init("contact_id"), .init("number", width: 16), .init("placed_at", .dateTime, width: 20),
                          .init("placed_at_utc", .dateTime, width: 20), .init("ended_at", .dateTime, width: 20),
                          .init("outcome", width: 12), .init("cause", .number, width: 8), .init("cause_text", width: 24),
                          .init("ring_seconds", .seconds), .init("amd_seconds", .seconds), .init("talk_seconds", .seconds),
                          .init("wrap_seconds", .seconds), .init("agent", width: 14), .init("amd"), .init("recording", width: 30)],
                dateFormat: dateFormat)
        }
        var clock = ReportClock(zone: zone)
        var tally = AttemptTally()
        // Q.850 causes are 0–127: their texts by code, made once each.
        var causeTexts = [String?](repeating: nil, count: 128)
        while try statement.step() {
            let row = statement.row
            let placed = row.double(2)
            let ended = row.optionalDouble(4)
            let job = row.int64(3)
            let (day, hour) = clock.localDayAndHour(placed)
            row.withBytes(10) { agent in
                row.withBytes(5) { outcome in
                    row.withBytes(11) { amd in
                        tally.add(outcome: outcome, placedAt: placed, endedAt: ended, day: day, hour: hour, agent: agent,
                                  amd: amd, talk: row.optionalDouble(8), wrap: row.optionalDouble(9))
                    }
                }
                lastCalls?.note(job: job, placed: placed, agent: agent)
            }
            guard writer != nil else { continue }
            writer?.cell(row.int64(0))
            writer?.cell(jobs?.contact(ofJob: job) ?? 0)
            row.withBytes(1) { writer?.cell(bytes: $0) }
            writer?.plainCell(maxBytes: ReportClock.isoMaxBytes) { clock.writeISO(placed, utc: false, to: $0) }
            writer?.plainCell(maxBytes: ReportClock.isoMaxBytes) { clock.writeISO(placed, utc: true, to: $0) }
            if let ended {
                writer?.plainCell(maxBytes: ReportClock.isoMaxBytes) { clock.writeISO(ended, utc: false, to: $0) }
            } else {
                writer?.emptyCell()
            }
            row.withBytes(5) { writer?.cell(bytes: $0) }
            if let cause = row.optionalInt64(6) {
                writer?.cell(cause)
                if causeTexts.indices.contains(Int(cause)) {
                    if causeTexts[Int(cause)] == nil { causeTexts[Int(cause)] = HangupCause(code: Int(cause)).description }
                    writer?.cell(causeTexts[Int(cause)] ?? "")
                } else {
                    writer?.cell(HangupCause(code: Int(clamping: cause)).description)
                }
            } else {
                writer?.emptyCell()
                writer?.emptyCell()
            }
            writer?.cell(seconds: row.optionalDouble(7))
            writer?.cell(seconds: row.optionalDouble(13))
            writer?.cell(seconds: row.optionalDouble(8))
            writer?.cell(seconds: row.optionalDouble(9))
            for column: Int32 in 10...12 { row.withBytes(column) { writer?.cell(bytes: $0) } }
            try writer?.endRow()
            if let sheet {
                sheet.text(String(row.int64(0)))
                sheet.text(jobs.map { String($0.contact(ofJob: job)) } ?? "")
                row.withBytes(1) { sheet.text(bytes: $0) }
                sheet.dateTime(placed, offset: clock.offset(at: placed))
                sheet.dateTime(placed, offset: 0)
                if let ended { sheet.dateTime(ended, offset: clock.offset(at: ended)) } else { sheet.empty() }
                row.withBytes(5) { sheet.text(bytes: $0) }
                if let cause = row.optionalInt64(6) {
                    sheet.number(Double(cause))
                    sheet.text(HangupCause(code: Int(clamping: cause)).description)
                } else {
                    sheet.empty()
                    sheet.empty()
                }
                for column: Int32 in [7, 13, 8, 9] { sheet.seconds(row.optionalDouble(column)) }
                for column: Int32 in 10...12 { row.withBytes(column) { sheet.text(bytes: $0) } }
                try sheet.endRow()
            }
        }
        try writer?.close()
        try sheet?.close()
        return tally
    }
}
