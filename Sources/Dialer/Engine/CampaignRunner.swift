import CampaignDSL
import Foundation

/// Dials one campaign's jobs through a telephony driver until every job is final
/// (or the time limit passes), one call per free agent.
///
/// Each dial goes: due job → the permit re-checks the laws against the durable
/// history → the attempt is committed → the driver dials. Each call's end is
/// committed together with what its job does next.
final class CampaignRunner {
    private struct CallInFlight {
        let job: Int64
        let zone: String
        let placedAt: Date
        var agent: String?
        var answeredAt: Date?
        var connectedAt: Date?
        var abandoned = false
    }

    private let campaign: Int64
    private let spec: CampaignSpec
    private let store: CampaignStore
    private let driver: any TelephonyDriver
    private let clock: any Clock
    private let calendar: CallingCalendar
    private let limits: AttemptLimits
    private let permit: DialPermit
    private let zone: TimeZone
    private var agents: AgentPool
    private var inFlight: [CallID: CallInFlight] = [:]
    /// Agents in wrap-up: the call they wrap and when it ended.
    private var wrapUps: [String: (call: CallID, since: Date)] = [:]

    init(campaign: Int64, spec: CampaignSpec, timeZone: TimeZone, store: CampaignStore,
         doNotCall: DoNotCallRegistry, driver: any TelephonyDriver, clock: any Clock) {
        self.campaign = campaign
        self.spec = spec
        self.store = store
        self.driver = driver
        self.clock = clock
        self.zone = timeZone
        self.calendar = CallingCalendar(hours: spec.hours, timeZone: timeZone, dates: spec.dates)
        self.limits = AttemptLimits(policy: spec.retry)
        self.permit = DialPermit(spec: spec, campaignCalendar: calendar, doNotCall: doNotCall)
        self.agents = AgentPool(agents: (1...max(1, spec.dial.agents)).map { "agent-\($0)" })
    }

    /// Dials until every job is final or `limit` passes, then lets the calls in
    /// flight and the agents' wrap-ups finish, and logs the agents out.
    func run(until limit: Date) throws {
        try reconcileInterruptedAttempts()
        while true {
            let now = clock.now
            let dialing = now < limit
            let window = calendar.window(atOrAfter: now)
            let open = window.map { $0.start <= now } ?? false
            let unfinished = try store.hasUnfinishedJobs(campaign: campaign)
            if dialing && open && unfinished {
                agents.logInAll(at: now)
                try placeCalls(at: now)
            } else {
                agents.logOutAll(at: now)
            }
            try saveFinishedSessions()
            let busy = !inFlight.isEmpty || !wrapUps.isEmpty
            if (!unfinished || !dialing) && !busy && agents.isEveryoneLoggedOut { return }
            let wake: Date
            if dialing, let next = try nextWake(now: now, window: window, open: open, unfinished: unfinished) {
                wake = min(next, limit)
            } else if busy {
                wake = dialing ? limit : .distantFuture
            } else {
                return
            }
            for event in driver.events(until: wake) {
                try handle(event)
            }
        }
    }

    // MARK: Dialing

    /// Places one call per ready agent, longest-waiting jobs first. Every due job
    /// is put to the permit: dialed, postponed to when the laws allow, or ended.
    private func placeCalls(at now: Date) throws {
        while agents.readyCount > 0 {
            let due = try store.dueJobs(campaign: campaign, at: now, limit: agents.readyCount)
            guard !due.isEmpty else { return }
            for job in due {
                guard let agent = agents.longestReady() else { return }
                let history = try store.history(job: job.job)
                switch try permit.decide(number: job.number, zone: job.timeZone ?? zone.identifier, history: history, at: now) {
                case .allowed:
                    try dial(job, agent: agent, at: now)
                case .notBefore(let time, _) where time == .distantFuture:
                    return
                case .notBefore(let time, _):
                    try store.postpone(job.job, to: time, at: now)
                case .never(let state, _):
                    try store.finishJob(job.job, state: state, at: now)
                }
            }
        }
    }

    /// Commits the attempt, reserves the agent, and asks the driver to dial.
    private func dial(_ job: DueJob, agent: String, at now: Date) throws {
        let call = try store.beginAttempt(campaign: campaign, job: job, agent: agent, at: now)
        agents.reserve(agent, for: call)
        inFlight[call] = CallInFlight(job: job.job, zone: job.timeZone ?? zone.identifier, placedAt: now, agent: agent)
        let request = CallRequest(
            callID: call, number: job.number, callerID: spec.callerID,
            ringTimeout: TimeInterval(spec.dial.ringSeconds),
            tag: "campaign=\(spec.id) job=\(job.job) attempt=\(call)")
        do {
            try driver.place(request)
        } catch {
            try finish(call, outcome: .failed, cause: nil, at: now)
        }
    }

    /// When the loop must look again: the window's end, the next due job, the next opening.
    private func nextWake(now: Date, window: DateInterval?, open: Bool, unfinished: Bool) throws -> Date? {
        guard let window else { return nil }
        guard open else { return unfinished ? window.start : nil }
        var wake = window.end
        if agents.readyCount > 0, let due = try store.nextDueTime(campaign: campaign), due > now {
            wake = min(wake, due)
        }
        return wake
    }

    // MARK: Events

    private func handle(_ event: CallEvent) throws {
        switch event.kind {
        case .ringing:
            break
        case .answered(let call, _):
            guard var state = inFlight[call] else { return }
            state.answeredAt = event.time
            if let agent = state.agent ?? agents.longestReady() {
                state.agent = agent
                agents.startCall(agent, call: call)
                inFlight[call] = state
                try driver.connect(call, toAgent: agent)
            } else {
                state.abandoned = true
                inFlight[call] = state
                try driver.abandon(call)
            }
        case .connected(let call, _):
            inFlight[call]?.connectedAt = event.time
        case .hungUp(let call, let cause):
            guard let state = inFlight[call] else { return }
            let outcome: CallOutcome =
                if state.abandoned { .abandoned }
                else if state.connectedAt != nil { .answered }
                else if state.answeredAt != nil { .abandoned }
                else { CallOutcome(unansweredCause: cause) }
            try finish(call, outcome: outcome, cause: cause, at: event.time)
        case .agentReady(let agent):
            if let wrap = wrapUps.removeValue(forKey: agent) {
                try store.recordWrapUp(call: wrap.call, seconds: event.time.timeIntervalSince(wrap.since))
            }
            agents.release(agent, at: event.time)
        }
    }

    /// Commits how a call ended and what its job does next, and frees or wraps its agent.
    private func finish(_ call: CallID, outcome: CallOutcome, cause: HangupCause?, at time: Date) throws {
        guard let state = inFlight.removeValue(forKey: call) else { return }
        let history = try store.history(job: state.job) + [PastAttempt(outcome: outcome, placedAt: state.placedAt)]
        let (jobState, nextAt) = transition(after: history, zone: state.zone, at: time)
        try store.finishAttempt(
            AttemptResult(
                call: call, job: state.job, outcome: outcome, cause: cause,
                answeredAt: state.answeredAt, connectedAt: state.connectedAt, endedAt: time,
                ringSeconds: (state.answeredAt ?? time).timeIntervalSince(state.placedAt),
                talkSeconds: state.connectedAt.map { time.timeIntervalSince($0) },
                agent: state.connectedAt != nil ? state.agent : nil),
            jobState: jobState, nextAt: nextAt)
        guard let agent = state.agent else { return }
        if state.connectedAt != nil {
            agents.startWrapUp(agent)
            wrapUps[agent] = (call, time)
        } else {
            agents.release(agent, at: time)
        }
    }

    /// The job's next state. A retry falls due after its wait, moved on to when
    /// the laws next allow a call (open hours, the callee's window, caps).
    private func transition(after history: [PastAttempt], zone: String, at time: Date) -> (JobState, Date?) {
        switch limits.nextStep(after: history.map(\.outcome)) {
        case .final(let state):
            return (state, nil)
        case .retry(let seconds):
            let due = time.addingTimeInterval(TimeInterval(seconds))
            switch permit.earliestTime(zone: zone, history: history, atOrAfter: due) {
            case .notBefore(let later, _) where later != .distantFuture:
                return (.pending, later)
            default:
                return (.pending, due)
            }
        }
    }

    /// Attempts a previous run left in progress end as `unknown`, counted against
    /// the limits like a no-answer; they are never re-dialed blindly.
    private func reconcileInterruptedAttempts() throws {
        for attempt in try store.interruptedAttempts(campaign: campaign) {
            inFlight[attempt.call] = CallInFlight(job: attempt.job, zone: attempt.zone ?? zone.identifier, placedAt: attempt.placedAt)
            try finish(attempt.call, outcome: .unknown, cause: nil, at: clock.now)
        }
    }

    private func saveFinishedSessions() throws {
        for session in agents.takeFinishedSessions() {
            try store.insertSession(campaign: campaign, agent: session.agent, start: session.start, end: session.end)
        }
    }
}
