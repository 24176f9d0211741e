import CampaignDSL
import Foundation

/// Dials one campaign's jobs through a telephony driver until every job is final
/// or the time limit passes.
///
/// Each dial goes: due job → the permit re-checks the laws against the durable
/// history → the attempt is committed → the driver dials. A pacer decides how
/// many calls ring; an answered call goes to the agent who has waited longest,
/// or waits at most the connect limit and is then abandoned with the
/// safe-harbour message. Each call's end is committed together with what its
/// job does next.
final class CampaignRunner {
    struct CallInFlight {
        let job: Int64
        let zone: String
        let placedAt: Date
        /// The agent taking the call: reserved in preview, else the one it was connected to.
        var agent: String?
        /// When the far end picked up, if answering-machine detection listened before the answer was classed.
        var pickedUpAt: Date?
        var answeredAt: Date?
        var connectedAt: Date?
        var abandoned = false
        /// AMD classed the answer as a machine, or the agent found one.
        var machine = false
        /// The driver's AMD verdict and recording link, stored with the attempt.
        var amdVerdict: String?
        var recording: String?
    }

    /// An agent looking at a contact before the call is placed for them.
    struct Preview {
        let agent: String
        let job: DueJob
        let dialAt: Date
    }

    let campaign: Int64
    let spec: CampaignSpec
    let store: CampaignStore
    let driver: any TelephonyDriver
    let clock: any Clock
    let zone: TimeZone
    let calendar: CallingCalendar
    let limits: AttemptLimits
    let permit: DialPermit
    /// How long an answered person may wait for an agent before the call is abandoned.
    let connectLimit: TimeInterval
    var pacer: any Pacer
    /// The campaign's answered and abandoned calls in its compliance window.
    var ledger: AbandonLedger
    var rateLimiter: CallRateLimiter
    var agents: AgentPool
    var inFlight: [CallID: CallInFlight] = [:]
    /// Answered calls waiting for an agent, oldest first: in the engine's hands, or in
    /// the backend's queue when it routes answered calls (the pacer counts both alike).
    var waiting: [CallID] = []
    var previews: [Preview] = []
    /// Agents in wrap-up: the call they wrap and when it ended.
    var wrapUps: [String: (call: CallID, since: Date)] = [:]
    /// Whether the last placement wanted more calls than there were due jobs.
    var wantsMoreCalls = false
    /// When the first callback the last placement left waiting for its busy agent passes to anyone.
    var callbackHandOver: Date?
    /// The last calling window looked up.
    private var openWindow: DateInterval?
    /// Asked on every turn of the loop; once it says true, no new call is placed
    /// and the loop returns when the calls in flight have ended (a drain).
    var stopRequested: () -> Bool = { false }
    /// Agents: where agents' outcomes and callees' keys come from (none: outcomes are imported).
    var agentDesk: (any AgentDesk)?
    /// Agents: the follow-ups enqueued with each recorded outcome.
    var followUps: FollowUpPlanner?
    /// The people watching and working the campaign: the event hub and the agent desk (a daemon's
    /// worker has them; a simulation, which nobody watches, does not).
    var live: RunnerLive?
    /// How long the telephony backend may stay unavailable, while calls are due, before
    /// the run gives up (`dialerd run`); nil waits for it as long as the run lasts (`serve`).
    var unavailableGiveUp: TimeInterval?
    /// Why the run gave up without its telephony, when it did.
    private(set) var telephonyFailure: String?
    /// Since when the backend has been unavailable while calls were due.
    private var unavailableSince: Date?
    /// Whether the runner stores its live state for `dialerd status` (a daemon's worker does;
    /// a simulation, whose database nobody watches, does not).
    var publishesLiveState = false
    /// The live state last stored, so it is written only when it changes.
    private var storedLiveState: LiveState?

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
        self.connectLimit = TimeInterval(spec.compliance.connectSeconds ?? 2)
        self.rateLimiter = CallRateLimiter(perSecond: spec.dial.callsPerSecond)
        self.agents = AgentPool(agents: Self.agentIDs(of: spec), presenceFromBackend: driver.routesAnsweredCalls)
        self.pacer = Self.pacer(for: spec, timeZone: timeZone, falsePositiveShare: driver.estimatedMachineFalsePositiveShare)
        self.ledger = AbandonLedger(
            windowDays: spec.compliance.abandonWindowDays, falsePositiveShare: driver.estimatedMachineFalsePositiveShare, timeZone: timeZone)
    }

    /// The agents who take the campaign's calls: its team's, the ones it names, or anonymous ones.
    static func agentIDs(of spec: CampaignSpec) -> [String] {
        if spec.dial.mode == .agentless { return [] }
        if let team = spec.dialingTeam, !team.agents.isEmpty { return team.agents.map(\.id) }
        if !spec.dial.agentIDs.isEmpty { return spec.dial.agentIDs }
        return (0..<max(1, spec.dial.agents)).map { "agent-\($0 + 1)" }
    }

    /// The abandon-rate cap of a campaign, as a fraction: its own, its profile's, or 3 %.
    static func abandonCap(of spec: CampaignSpec) -> Double {
        (spec.dial.maxAbandonPercent ?? spec.compliance.maxAbandonPercent ?? 3) / 100
    }

    /// The pacer of the campaign's dial mode (and, predictive, its pacing strategy).
    static func pacer(for spec: CampaignSpec, timeZone: TimeZone, falsePositiveShare: Double) -> any Pacer {
        switch (spec.dial.mode, spec.dial.pacing) {
        case (.agentless, _): LinePacer(lines: spec.dial.lines ?? 1)
        case (.preview, _), (.progressive, _): ProgressivePacer()
        case (.predictive, .model):
            ModelPacer(settings: ModelPacer.Settings(
                cap: abandonCap(of: spec), connectLimit: TimeInterval(spec.compliance.connectSeconds ?? 2),
                ringTimeout: TimeInterval(spec.dial.ringSeconds), falsePositiveShare: falsePositiveShare))
        case (.predictive, .reactive): ReactivePacer(cap: abandonCap(of: spec), timeZone: timeZone)
        case (.predictive, .ratio(let ratio)): RatioPacer(ratio: ratio)
        }
    }

    /// Dials until every job is final or `limit` passes, then lets the calls in
    /// flight and the agents' wrap-ups finish, and logs the agents out.
    func run(until limit: Date) throws {
        try reconcileInterruptedAttempts()
        try store.noteFalsePositiveShare(campaign: campaign, share: ledger.falsePositiveShare, at: clock.now)
        try ledger.resume(at: clock.now, firstCall: store.firstCallTime(campaign: campaign)) {
            try store.answerCounts(campaign: campaign, since: $0)
        }
        try learnFromHistory()
        try openDesk(at: clock.now)
        defer {
            closeDesk()
            if publishesLiveState { try? store.clearLiveState(campaign: campaign) }
        }
        while true {
            let now = clock.now
            try serveDesk(at: now)
            var dialing = now < limit && !stopRequested()
            let window = callingWindow(at: now)
            let open = window.map { $0.start <= now } ?? false
            let unfinished = try store.hasUnfinishedJobs(campaign: campaign)
            let telephony = driver.availability
            if dialing && open && unfinished {
                agents.logInAll(at: now)
                if telephony == .available {
                    unavailableSince = nil
                    try dialDuePreviews(at: now)
                    try placeCalls(at: now)
                } else if giveUpWithoutTelephony(telephony, at: now) {
                    dialing = false
                }
            }
            if !(dialing && open && unfinished) {
                try endPreviews(at: now)
                // Agents stay for the calls still ringing: a person who answers finds one.
                if callsRinging == 0 && waiting.isEmpty { agents.logOutAll(at: now) }
            }
            try saveFinishedSessions()
            try storeLiveState(telephony, at: now)
            publishChanges(at: now)
            let busy = !inFlight.isEmpty || !wrapUps.isEmpty || !previews.isEmpty
            if (!unfinished || !dialing) && !busy && agents.isEveryoneLoggedOut { return }
            if !dialing && !inFlight.isEmpty && telephony != .available && (telephonyFailure != nil || stopRequested()) {
                // Ending, and the backend cannot say how the calls in flight end: they stay in progress in
                // the store, for the next start to follow (never re-dialed), instead of waiting for ever.
                agents.logOutAll(at: now)
                try saveFinishedSessions()
                return
            }
            var wake: Date
            if dialing, let next = try nextWake(now: now, window: window, open: open, unfinished: unfinished) {
                wake = min(next, limit)
            } else if busy {
                wake = dialing ? limit : .distantFuture
            } else {
                return
            }
            if let deadline = (waitingDeadlines() + personWrapUpDeadlines()).min() { wake = min(wake, deadline) }
            // An unavailable backend is looked at again each second.
            if dialing && telephony != .available { wake = min(wake, now.addingTimeInterval(1)) }
            for event in driver.events(until: wake) {
                try handle(event)
            }
            try abandonOverdueCalls(at: clock.now)
            try endOverduePersonWrapUps(at: clock.now)
            publishChanges(at: clock.now)
        }
    }

    /// Whether the run should stop waiting for its unavailable backend: only with
    /// ``unavailableGiveUp``, once it has been unavailable that long; the reason is kept
    /// in ``telephonyFailure``.
    private func giveUpWithoutTelephony(_ telephony: TelephonyAvailability, at now: Date) -> Bool {
        let since = unavailableSince ?? now
        unavailableSince = since
        guard let giveUp = unavailableGiveUp, now.timeIntervalSince(since) >= giveUp,
              case .unavailable(let reason) = telephony else { return false }
        telephonyFailure = reason
        return true
    }

    /// Stores what `status` shows of the running campaign, when it changed.
    private func storeLiveState(_ telephony: TelephonyAvailability, at now: Date) throws {
        guard publishesLiveState else { return }
        let state = LiveState(telephony: telephony, agentsLoggedIn: agents.loggedInCount, agentsReady: agents.readyCount,
                              agentsPaused: agents.pausedCount)
        guard state != storedLiveState else { return }
        try store.writeLiveState(state, campaign: campaign, at: now)
        storedLiveState = state
    }

    /// Teaches the pacer the campaign's recent attempts in the store (``PastPacingAttempt/historyLimit``, ``PastPacingAttempt/historyAge``), so a
    /// campaign run again, or by `dialerd run` from cron, paces from what its earlier runs saw; then, where that
    /// history is thin, priors: the database's other campaigns' recent attempts, or the defaults.
    func learnFromHistory() throws {
        guard pacer.learnsFromHistory else { return }
        let since = clock.now.addingTimeInterval(-PastPacingAttempt.historyAge)
        pacer.learn(from: try store.pastPacingAttempts(campaign: campaign, since: since, limit: PastPacingAttempt.historyLimit))
        let others = try store.pastPacingAttempts(otherThan: campaign, since: since, limit: PastPacingAttempt.historyLimit)
        pacer.learn(priors: others.isEmpty ? PastPacingAttempt.defaultPriors(ringTimeout: TimeInterval(spec.dial.ringSeconds)) : others)
    }

    /// When the loop must look again: the window's end, a preview's dial time,
    /// the next due job when a call could be placed, a waiting callback's hand-over, the next opening.
    private func nextWake(now: Date, window: DateInterval?, open: Bool, unfinished: Bool) throws -> Date? {
        guard let window else { return nil }
        guard open else { return unfinished ? window.start : nil }
        var wake = window.end
        if let dialAt = previews.map(\.dialAt).min() { wake = min(wake, dialAt) }
        if wantsMoreCalls, let due = try store.nextDueTime(campaign: campaign), due > now {
            wake = min(wake, due)
        }
        if let rate = rateLimiter.nextAllowance(after: now) { wake = min(wake, rate) }
        // agents: a callback waiting for its busy agent passes to anyone when its grace period ends
        if let handOver = callbackHandOver, handOver > now { wake = min(wake, handOver) }
        // A predictive pacer's view changes as calls ring on and agents wrap up: look again each second.
        if spec.dial.mode == .predictive { wake = min(wake, now.addingTimeInterval(1)) }
        return wake
    }

    /// The calling window open at `now`, or the next one; the open one is kept until it ends.
    private func callingWindow(at now: Date) -> DateInterval? {
        if let open = openWindow, open.start <= now, now < open.end { return open }
        let window = calendar.window(atOrAfter: now)
        openWindow = window
        return window
    }

    /// When each waiting call reaches the connect limit (the engine's own waiting calls only:
    /// a backend that routes answered calls applies the limit itself).
    private func waitingDeadlines() -> [Date] {
        guard !driver.routesAnsweredCalls else { return [] }
        return waiting.compactMap { inFlight[$0]?.answeredAt?.addingTimeInterval(connectLimit) }
    }

    func saveFinishedSessions() throws {
        for session in agents.takeFinishedSessions() {
            try store.insertSession(campaign: campaign, agent: session.agent, start: session.start, end: session.end)
        }
    }
}
