public import CampaignDSL
import Foundation

/// Reads a database's status for `dialerd status`, without taking the lease.
public enum StatusReporter {
    /// Reasons a pending contact waits that are not a law's refusal.
    static let waitingForRetry = "waiting-for-retry"
    static let callbackPending = "callback-pending"
    static let paused = "paused"
    static let telephonyUnavailable = "telephony-unavailable"

    /// The status of every campaign in the database `config` names.
    public static func status(config: DaemonConfig) throws -> DaemonStatus {
        let store = try ExistingDatabase.open(config.databasePath)
        let clock: any Clock
        if case .simulated(let settings) = config.telephony,
           let scaled = try DaemonClockFactory.existingClock(for: settings, store: store) {
            clock = scaled
        } else {
            clock = WallClock()
        }
        let now = clock.now
        let wallNow = WallClock().now
        let iso = ISO8601DateFormatter()
        let lease = try store.lease().map {
            LeaseStatus(holder: $0.holder, heartbeat: iso.string(from: $0.heartbeatAt), expires: iso.string(from: $0.expiresAt),
                        live: DaemonLease.isLive($0, at: wallNow))
        }
        let folder = (config.databasePath as NSString).deletingLastPathComponent
        let cache = (folder.isEmpty ? "." : folder) + "/.dnc-cache"
        var campaigns: [CampaignStatus] = []
        try store.connection.readTransaction {
            for stored in try store.storedCampaigns() {
                campaigns.append(try status(of: stored, store: store, now: now, cacheDirectory: cache, daemonRuns: lease?.live == true))
            }
        }
        return DaemonStatus(database: config.databasePath, now: iso.string(from: now), lease: lease, campaigns: campaigns)
    }

    /// One campaign's status as `status` shows it, with what its worker reports while a daemon runs
    /// (also `GET /api/v1/campaigns/{id}`).
    static func status(of stored: StoredCampaign, store: CampaignStore, now: Date, cacheDirectory: String,
                       daemonRuns: Bool) throws -> CampaignStatus {
        var campaign = try campaignStatus(stored, store: store, now: now, cacheDirectory: cacheDirectory)
        if daemonRuns, let live = try store.liveState(campaign: stored.id) {
            campaign.showLive(live)
        }
        return campaign
    }

    private static func campaignStatus(_ stored: StoredCampaign, store: CampaignStore, now: Date,
                                       cacheDirectory: String) throws -> CampaignStatus {
        let spec = try JSONDecoder().decode(CampaignSpec.self, from: Data(stored.specJSON.utf8))
        guard let zone = TimeZone(identifier: spec.timeZone) else {
            throw EnvironmentError("this system does not know the time zone \(spec.timeZone); install tzdata")
        }
        let calendar = CallingCalendar(hours: spec.hours, timeZone: zone, dates: spec.dates)
        let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: cacheDirectory)
        let permit = DialPermit(spec: spec, campaignCalendar: calendar, doNotCall: registry)
        let paused = try store.isPaused(campaign: stored.id)

        let jobs = try store.jobCounts(campaign: stored.id)
        var reasons: [String: Int] = [:]
        for state in [JobState.dnc, .exhausted, .invalid, .duplicate, .cancelled] {
            if let count = jobs[state.rawValue], count > 0 { reasons[state.rawValue, default: 0] += count }
        }
        var dueNow = 0
        let histories = try store.pendingHistories(campaign: stored.id)
        // A contact never called is judged by its zone alone once its number is past the DNC lists:
        // the laws' calendars are worked out once per zone, not once per contact.
        var firstCallDecisions: [String: DialDecision] = [:]
        let pendingJobs = try store.pendingJobs(campaign: stored.id)
        let blocked = try registry.snapshot().blocksEach(digits: pendingJobs.map { DoNotCallRegistry.digits(of: $0.number) })
        for (pending, blocked) in zip(pendingJobs, blocked) {
            let zone = pending.timeZone ?? spec.timeZone
            let decision: DialDecision
            if let history = histories[pending.job] {
                decision = try permit.decide(number: pending.number, zone: zone, history: history, at: now)
            } else if blocked {
                decision = .never(.dnc, .doNotCall)
            } else if let known = firstCallDecisions[zone] {
                decision = known
            } else {
                decision = try permit.decide(number: pending.number, zone: zone, history: [], at: now)
                firstCallDecisions[zone] = decision
            }
            let (nextAt, callbackAt) = (pending.nextAt, pending.callbackAt)
            switch decision {
            case .never(_, let refusal), .notBefore(_, let refusal):
                reasons[refusal.rawValue, default: 0] += 1
            case .allowed:
                if let callbackAt, callbackAt > now {
                    reasons[callbackPending, default: 0] += 1
                } else if let nextAt, nextAt > now {
                    reasons[waitingForRetry, default: 0] += 1
                } else if paused {
                    reasons[Self.paused, default: 0] += 1
                } else {
                    dueNow += 1
                }
            }
        }
        let summary = try CampaignSummary(store: store, campaign: stored.id)
        let window = calendar.window(atOrAfter: now)
        let open = window.map { $0.start <= now } ?? false
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        let cap = spec.dial.maxAbandonPercent ?? spec.compliance.maxAbandonPercent
        let finalCount = jobs.filter { JobState(rawValue: $0.key)?.isFinal ?? false }.values.reduce(0, +)
        return CampaignStatus(
            campaign: spec.id, paused: paused, timeZone: spec.timeZone, contacts: summary.contacts, done: finalCount,
            jobs: jobs, dueNow: dueNow, open: open,
            nextWindow: window.map { formatter.string(from: open ? $0.end : $0.start) },
            callsInFlight: try store.attemptsInFlight(campaign: stored.id),
            agents: CampaignRunner.agentIDs(of: spec).count,
            attempts: summary.attempts, answered: summary.answered, abandoned: summary.abandoned,
            abandonRate: summary.abandonRate, abandonCap: cap.map { $0 / 100 }, notDialed: reasons)
    }
}

extension CampaignStatus {
    /// Adds what the running worker reports: its telephony and its agents; while the telephony
    /// is unavailable, the contacts due now wait for it (`telephony-unavailable`).
    mutating func showLive(_ live: LiveState) {
        liveAgents = LiveAgents(loggedIn: live.agentsLoggedIn, ready: live.agentsReady, busy: live.agentsLoggedIn - live.agentsReady,
                                paused: live.agentsPaused)
        switch live.telephony {
        case .available:
            telephony = "available"
        case .unavailable(let reason):
            telephony = "unavailable"
            telephonyError = reason
            if dueNow > 0 { notDialed[StatusReporter.telephonyUnavailable, default: 0] += dueNow }
            dueNow = 0
        }
    }
}
