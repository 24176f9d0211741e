import CampaignDSL
import Foundation

extension CampaignSummary {
    /// The summary of one campaign: contacts from the store, calls from `tally` (a pass over the
    /// range's calls), agents' sessions clipped to the range, the outbox, survey answers.
    init(store: CampaignStore, campaign: Int64, spec: CampaignSpec, zone: TimeZone, range: ReportRange,
         tally: AttemptTally, surveys: SurveyTally) throws {
        let db = store.connection
        var states: [String: Int] = [:]
        for (state, n) in try db.rows(
            "SELECT state, COUNT(*) FROM jobs WHERE campaign_id = ? GROUP BY state", [campaign], { ($0.string(0), $0.int(1)) }) {
            states[state] = n
        }
        let (start, end) = range.interval(in: zone)
        var loggedIn: [String: Double] = [:]
        for (agent, from, until) in try db.rows(
            "SELECT agent, started_at, ended_at FROM agent_sessions WHERE campaign_id = ? AND ended_at > ? AND started_at < ?",
            [campaign, start, end], { ($0.string(0), $0.double(1), $0.double(2)) }) {
            loggedIn[agent, default: 0] += max(0, min(until, end) - max(from, start))
        }
        let anchor = try db.firstRow(
            "SELECT MIN(placed_at) FROM attempts WHERE campaign_id = ?", [campaign]) { $0.optionalDouble(0) } ?? nil
        var clock = ReportClock(zone: zone)
        let names = Dictionary(spec.teams.flatMap(\.agents).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let agentIDs = Set(tally.agents.keys).union(loggedIn.keys).sorted()
        let outbox = try store.outboxSummary(campaign: campaign)
        var dispositions: [String: Int] = [:]
        for (disposition, count) in try db.rows(
            """
            SELECT disposition, COUNT(*) FROM outcomes WHERE campaign_id = ? AND disposition IS NOT NULL
                AND recorded_at >= ? AND recorded_at < ? GROUP BY disposition
            """,
            [campaign, start, end], { ($0.string(0), $0.int(1)) }) {
            dispositions[disposition] = count
        }
        let outcomes = tally.outcomes
        let answered = outcomes[CallOutcome.answered.rawValue, default: 0]
        let abandoned = outcomes[CallOutcome.abandoned.rawValue, default: 0]
        let totalLoggedIn = loggedIn.values.reduce(0, +)
        self.init(
            campaign: spec.id,
            language: spec.language ?? .english,
            timeZone: zone.identifier,
            from: range.from?.description,
            to: range.to?.description,
            contacts: try db.firstRow("SELECT COUNT(*) FROM contacts WHERE campaign_id = ?", [campaign]) { $0.int(0) } ?? 0,
            attempts: tally.calls,
            answered: answered,
            noAnswer: outcomes[CallOutcome.noAnswer.rawValue, default: 0],
            busy: outcomes[CallOutcome.busy.rawValue, default: 0],
            failed: outcomes[CallOutcome.failed.rawValue, default: 0],
            abandoned: abandoned,
            machine: outcomes[CallOutcome.machine.rawValue, default: 0],
            unknown: outcomes[CallOutcome.unknown.rawValue, default: 0],
            callsByOutcome: outcomes,
            amd: tally.amdVerdicts,
            invalid: states[JobState.invalid.rawValue, default: 0],
            completed: states[JobState.completed.rawValue, default: 0],
            exhausted: states[JobState.exhausted.rawValue, default: 0],
            duplicate: states[JobState.duplicate.rawValue, default: 0],
            doNotCall: states[JobState.dnc.rawValue, default: 0],
            pending: states[JobState.pending.rawValue, default: 0] + states[JobState.dialing.rawValue, default: 0],
            abandonRate: Ratio.of(Double(abandoned), Double(answered + abandoned)),
            abandon: AbandonCompliance(
                spec: spec, days: tally.days, anchor: anchor.map { clock.localDayAndHour($0).day },
                falsePositiveShares: try store.falsePositiveShares(campaign: campaign).map { noted in
                    (fromDay: clock.localDayAndHour(noted.since).day, share: noted.share)
                }),
            occupancy: Ratio.of(tally.talkSeconds + tally.wrapSeconds, totalLoggedIn),
            talkSeconds: tally.talkSeconds.rounded(),
            wrapSeconds: tally.wrapSeconds.rounded(),
            loggedInSeconds: totalLoggedIn.rounded(),
            firstCall: tally.firstPlaced.map { clock.iso($0) },
            lastCall: tally.lastEnded.map { clock.iso($0) },
            agents: agentIDs.map { id in
                AgentFigures(agent: id, name: names[id] ?? nil, counts: tally.agents[id] ?? AttemptTally.Counts(),
                             loggedIn: loggedIn[id] ?? 0)
            },
            hours: tally.hours.enumerated().map { PeriodFigures(hour: $0.offset, counts: $0.element) },
            days: tally.days.keys.sorted().map { day in
                PeriodFigures(day: ReportClock.dayText(day), counts: tally.days[day] ?? AttemptTally.Counts())
            },
            dispositions: dispositions,
            surveys: surveys.figures,
            sms: DeliveryFigures(outbox, .sms),
            webhooks: DeliveryFigures(outbox, .webhook),
            verdict: nil)
        verdict = ReportVerdict(summary: self, words: Localizer(spec: spec))
    }
}

extension CampaignSummary {
    /// The summary of a whole campaign, read from the store alone (for `run`, `serve` and `status`).
    init(store: CampaignStore, campaign: Int64) throws {
        let spec = try store.compiledSpec(campaign: campaign)
        guard let zone = TimeZone(identifier: spec.timeZone) else {
            throw EnvironmentError("this system does not know the time zone \(spec.timeZone); install tzdata")
        }
        var noLastCalls: LastCalls?
        let tally = try AttemptsReport(store: store, campaign: campaign, zone: zone, range: .all)
            .run(writingTo: nil, jobs: nil, byteOrderMark: false, lastCalls: &noLastCalls)
        var surveys = SurveyTally(spec: spec)
        try surveys.read(store: store, campaign: campaign, from: -.greatestFiniteMagnitude, to: .greatestFiniteMagnitude)
        try self.init(store: store, campaign: campaign, spec: spec, zone: zone, range: .all, tally: tally, surveys: surveys)
    }
}
