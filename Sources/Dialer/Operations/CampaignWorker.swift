import CampaignDSL
import Foundation

/// Everything a worker thread needs, all of it safe to hand to another thread.
struct WorkerPlan: Sendable {
    let databasePath: String
    let campaign: Int64
    let spec: CampaignSpec
    let timeZone: TimeZone
    /// Dial until then (the window's end, `--for`, or a long horizon for `serve`).
    let limit: Date
    /// How long the telephony may stay unavailable before the run gives up (`run`); nil waits (`serve`).
    let unavailableGiveUp: TimeInterval?
    let telephony: DaemonTelephony
    /// The follow-ups the campaign's calls queue.
    let messaging: MessagingConfiguration
    let cacheDirectory: String?
    let reportsFolder: String
    let logger: Logger
    /// The daemon's stop (SIGTERM, SIGINT, lost lease).
    let stop: StopSignal
    /// This campaign's own stop (its file changed and must be merged).
    let ownStop: StopSignal
    /// Where the runner publishes what happens.
    let hub: LiveEventHub
    /// Where people's desk commands come from.
    let desk: LiveDesk
}

/// Dials one campaign on a thread of its own, with its own database connection,
/// until its limit, a stop, a pause or the end of its jobs; then writes its reports.
final class CampaignWorker: @unchecked Sendable {
    // Safe to share: `result` is written once by the worker thread before `done`
    // is signalled, and read only after waiting on `done`.
    private var result: CampaignRunOutcome?
    private let done = DispatchSemaphore(value: 0)
    let plan: WorkerPlan

    /// Starts the worker's thread.
    init(plan: WorkerPlan) {
        self.plan = plan
        let thread = Thread { [self] in
            self.result = Self.work(plan)
            self.done.signal()
        }
        thread.name = "campaign \(plan.spec.id)"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Whether the worker has finished (does not wait).
    var isFinished: Bool {
        guard done.wait(timeout: .now()) == .success else { return false }
        done.signal()
        return true
    }

    /// Waits for the worker and returns what the campaign did.
    func wait() -> CampaignRunOutcome {
        done.wait()
        done.signal()
        return result ?? CampaignRunOutcome(campaign: plan.spec.id, state: .failed("the worker ended without a result"),
                                            placed: 0, reconciled: 0, summary: nil)
    }

    private static func work(_ plan: WorkerPlan) -> CampaignRunOutcome {
        let name = plan.spec.id
        let logger = plan.logger
        do {
            let store = try CampaignStore(path: plan.databasePath, now: plan.telephony.clock.now)
            let registry = try DoNotCallRegistry(spec: plan.spec, store: store, cacheDirectory: plan.cacheDirectory)
            let pause = PauseWatch(store: store, campaign: plan.campaign)
            let stopRequested = { plan.stop.isRaised || plan.ownStop.isRaised || pause.isPaused }
            let (driver, clock, shutdown) = try makeDriver(plan, store: store, stopRequested: stopRequested)
            defer { shutdown() }
            let runner = CampaignRunner.assemble(RunnerWiring(
                campaign: plan.campaign, spec: plan.spec, timeZone: plan.timeZone, store: store,
                doNotCall: registry, driver: driver, clock: clock,
                followUps: try FollowUpPlanner(campaign: plan.campaign, spec: plan.spec, configuration: plan.messaging),
                stopRequested: stopRequested, unavailableGiveUp: plan.unavailableGiveUp, publishesLiveState: true,
                live: (plan.hub, plan.desk)))
            let screenPops = try plan.messaging.screenPop.map {
                ScreenPopLog(template: try ScreenPopTemplate($0), spec: plan.spec, logger: logger, hub: plan.hub)
            }
            defer { screenPops?.stop() }
            let before = try attemptCount(store, plan.campaign)
            let reconciled = try store.attemptsInFlight(campaign: plan.campaign)
            if reconciled > 0 {
                logger.warning("attempts left in flight by a stopped dialer: followed where the telephony still has them, else ended as unknown",
                               ["campaign": name, "attempts": String(reconciled)])
            }
            logger.info("dialing", ["campaign": name, "until": ISO8601DateFormatter().string(from: plan.limit)])
            try runner.run(until: plan.limit)
            let placed = try attemptCount(store, plan.campaign) - before
            let summary = try writeReports(store: store, plan: plan)
            logger.info("stopped dialing", ["campaign": name, "placed": String(placed), "attempts": String(summary.attempts),
                                            "pending": String(summary.pending)])
            if let failure = runner.telephonyFailure {
                logger.error("could not dial: the telephony is unavailable", ["campaign": name, "error": failure])
                return CampaignRunOutcome(campaign: name, state: .telephonyUnavailable(failure), placed: placed,
                                          reconciled: reconciled, summary: summary)
            }
            return CampaignRunOutcome(campaign: name, state: .dialed, placed: placed, reconciled: reconciled, summary: summary)
        } catch {
            let error = DatabaseProblem.classify(error, path: plan.databasePath, writing: "the calls of campaign \(name)")
            logger.error("campaign stopped by an error", ["campaign": name, "error": "\(error)"])
            return CampaignRunOutcome(campaign: name, state: .failed("\(error)"), placed: 0, reconciled: 0, summary: nil,
                                      databaseProblem: error as? DatabaseProblem)
        }
    }

    /// The worker's driver and the clock the engine reads, and how to shut the driver down.
    private static func makeDriver(_ plan: WorkerPlan, store: CampaignStore, stopRequested: @escaping () -> Bool) throws
        -> (any TelephonyDriver, any Clock, () -> Void) {
        switch plan.telephony {
        case .simulated(let parameters, let time):
            // A restarted process goes on with each number's calls where the stopped one left them.
            let network = RealTimeNetwork(parameters: parameters, time: time,
                                          callsBefore: try store.callCountsByNumber(campaign: plan.campaign))
            let watched = SupervisedDriver(network, clock: network.clock, slice: 0.25 * time.scale,
                                           stopRequested: stopRequested, interrupted: deskWaits(plan))
            return (watched, network.clock, {})
        case .asterisk(let configuration, let secret):
            let clock = WallClock()
            let asterisk = try AsteriskDriver(configuration: configuration, secret: secret, clock: clock,
                                              log: AMILog(logger: plan.logger, campaign: plan.spec.id))
            return (SupervisedDriver(asterisk, clock: clock, stopRequested: stopRequested, interrupted: deskWaits(plan)),
                    clock, { asterisk.shutdown() })
        }
    }

    /// Whether people's desk commands wait for this campaign's runner.
    private static func deskWaits(_ plan: WorkerPlan) -> () -> Bool {
        let desk = plan.desk
        let campaign = plan.spec.id
        return { desk.hasCommands(for: campaign) }
    }

    private static func attemptCount(_ store: CampaignStore, _ campaign: Int64) throws -> Int {
        try store.connection.firstRow("SELECT COUNT(*) FROM attempts WHERE campaign_id = ?", [campaign]) { $0.int(0) } ?? 0
    }

    /// The campaign's reports in `REPORTS/CAMPAIGN/` (docs/reports.md), replaced after each run; returns the summary.
    /// The most calls for which a run's reports include the workbooks: libxlsxwriter takes about 17 µs a
    /// row, so above this a run would spend more on them than on every other report; `dialerd report`
    /// writes them for any size.
    static let workbookAttemptLimit = 200_000

    private static func writeReports(store: CampaignStore, plan: WorkerPlan) throws -> CampaignSummary {
        let folder = URL(fileURLWithPath: plan.reportsFolder).appendingPathComponent(plan.spec.id)
        var formats = ReportSpec.Format.allCases
        if try attemptCount(store, plan.campaign) > workbookAttemptLimit { formats.removeAll { $0 == .xlsx } }
        return try CampaignReports.write(store: store, campaign: plan.campaign, range: .all, to: folder.path, formats: formats).summary
    }
}

/// Reads a campaign's pause switch from the store at most a few times a second.
private final class PauseWatch {
    private let store: CampaignStore
    private let campaign: Int64
    private var paused = false
    private var lastLook: UInt64 = 0
    private static let interval: UInt64 = 250_000_000

    init(store: CampaignStore, campaign: Int64) {
        self.store = store
        self.campaign = campaign
    }

    /// Whether an operator paused the campaign; once paused, it stays so for this run.
    var isPaused: Bool {
        guard !paused else { return true }
        let now = DispatchTime.now().uptimeNanoseconds
        if now - lastLook >= Self.interval {
            lastLook = now
            paused = (try? store.isPaused(campaign: campaign)) ?? false
        }
        return paused
    }
}
