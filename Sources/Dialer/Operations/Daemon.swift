import CampaignDSL
import Foundation

/// `dialerd run` and `dialerd serve`: the dialer as an unattended service.
///
/// One process per database (a lease with a heartbeat). Each campaign dials on a
/// thread of its own, and the outbox (text messages, webhooks) is delivered on
/// another; the calling thread supervises: it renews the lease, watches the
/// campaign files and the signals, and drains on a stop (no new dials, calls in
/// flight end, state saved).
public final class Daemon {
    private let options: DaemonOptions
    private let logger: Logger
    private let stop: StopSignal
    private let reload: StopSignal
    /// How often `serve` looks at the campaign files without a SIGHUP.
    private static let scanInterval: TimeInterval = 2
    /// How long `serve` waits before restarting a campaign whose worker ended.
    private static let restartPause: TimeInterval = 5
    /// The supervising thread's nap between looks.
    private static let tick: TimeInterval = 0.05

    /// - Parameters:
    ///   - stop: raised by SIGTERM or SIGINT: drain and return.
    ///   - reload: raised by SIGHUP: look at the campaign files now.
    public init(options: DaemonOptions, logger: Logger, stop: StopSignal, reload: StopSignal) {
        self.options = options
        self.logger = logger
        self.stop = stop
        self.reload = reload
    }

    /// Installs new and changed campaign files, dials what is due now (each
    /// campaign until its window closes, it is done, or `--for` ends), and returns.
    public func run() throws -> DaemonRunReport {
        let session = try DaemonSession(options: options, logger: logger)
        defer { session.close() }
        let installs = try session.installChanged()
        let outbox = session.startOutbox(stop: stop)
        var outcomes: [CampaignRunOutcome] = []
        var workers: [(worker: CampaignWorker, closed: CampaignRunOutcome.State?)] = []
        let now = session.time.now
        for campaign in try session.activeCampaigns() {
            let (spec, zone) = try session.spec(of: campaign)
            if try session.store.isPaused(campaign: campaign.id) {
                outcomes.append(try idle(campaign, spec: spec, zone: zone, state: .paused, session: session))
                continue
            }
            guard try session.store.hasUnfinishedJobs(campaign: campaign.id) else {
                outcomes.append(try idle(campaign, spec: spec, zone: zone, state: .finished, session: session))
                continue
            }
            let window = CallingCalendar(hours: spec.hours, timeZone: zone, dates: spec.dates).window(atOrAfter: now)
            var limit = now
            var closed: CampaignRunOutcome.State?
            if let window, window.start <= now {
                limit = min(window.end, options.duration.map { now.addingTimeInterval($0) } ?? window.end)
            } else {
                closed = .closed(nextWindow: window?.start)
                // A closed campaign still gets its attempts left in flight reconciled.
                guard try session.store.attemptsInFlight(campaign: campaign.id) > 0 else {
                    outcomes.append(try idle(campaign, spec: spec, zone: zone, state: .closed(nextWindow: window?.start),
                                             session: session))
                    continue
                }
            }
            let plan = session.plan(campaign, spec: spec, zone: zone, until: limit, stop: stop, ownStop: StopSignal(),
                                    waitsForTelephony: false)
            workers.append((CampaignWorker(plan: plan), closed))
        }
        while !workers.allSatisfy({ $0.worker.isFinished }) {
            session.heartbeat(stop: stop)
            Thread.sleep(forTimeInterval: Self.tick)
        }
        // What the calls queued and is due now goes before the process exits; the rest waits for the next run.
        outbox.finish()
        for (worker, closed) in workers {
            let outcome = worker.wait()
            if let closed, outcome.summary != nil {
                outcomes.append(CampaignRunOutcome(campaign: outcome.campaign, state: closed, placed: outcome.placed,
                                                   reconciled: outcome.reconciled, summary: outcome.summary))
            } else {
                outcomes.append(outcome)
            }
        }
        try session.throwIfEndedEarly()
        if let problem = outcomes.lazy.compactMap(\.databaseProblem).first { throw problem }
        return DaemonRunReport(installs: installs, campaigns: outcomes.sorted { $0.campaign < $1.campaign })
    }

    /// Stays up: dials every campaign in its windows (sleeping between them),
    /// merges changed campaign files (on SIGHUP and when they change), and drains
    /// and returns on a stop.
    public func serve() throws {
        let session = try DaemonSession(options: options, logger: logger)
        defer { session.close() }
        logger.info("serving", ["campaigns": options.config.campaignsFolder, "database": options.config.databasePath])
        let web = try options.config.http.map { try WebConsole(settings: $0, session: session) }
        defer { web?.stop() }
        if let web { logger.info("web console listening", ["url": web.server.baseURL]) }
        let outbox = session.startOutbox(stop: stop)
        var workers: [String: (worker: CampaignWorker, ownStop: StopSignal)] = [:]
        var restAfter: [String: Date] = [:]
        var nextScan = Date.distantPast
        var problem: DatabaseProblem?
        let wall = WallClock()
        while !stop.isRaised {
            session.heartbeat(stop: stop)
            for (name, running) in workers where running.worker.isFinished {
                let outcome = running.worker.wait()
                workers[name] = nil
                if let found = outcome.databaseProblem {
                    // Every campaign shares the file: restarting them would only fail again.
                    problem = found
                    stop.raise()
                }
                restAfter[name] = wall.now.addingTimeInterval(running.ownStop.isRaised ? 0 : Self.restartPause)
                if running.ownStop.isRaised { nextScan = .distantPast }
                logger.info("campaign worker ended", ["campaign": name, "placed": String(outcome.placed)])
            }
            if reload.take() {
                logger.info("reload requested")
                nextScan = .distantPast
            }
            if wall.now >= nextScan {
                nextScan = wall.now.addingTimeInterval(Self.scanInterval)
                let active = Set(try session.activeCampaigns().map(\.name))
                for (name, running) in workers where !active.contains(name) && !running.ownStop.isRaised {
                    logger.info("campaign file removed; draining the campaign", ["campaign": name])
                    running.ownStop.raise()
                }
                let changed = try session.changedCampaigns()
                for name in changed {
                    if let running = workers[name], !running.ownStop.isRaised {
                        logger.info("campaign file changed; draining it to merge", ["campaign": name])
                        running.ownStop.raise()
                    }
                }
                if !changed.subtracting(workers.keys).isEmpty {
                    _ = try session.installChanged(skipping: Set(workers.keys))
                }
                try startDue(session: session, workers: &workers, restAfter: restAfter, now: wall.now)
            }
            Thread.sleep(forTimeInterval: Self.tick)
        }
        logger.info("stop requested; draining", ["campaigns": String(workers.count)])
        while !workers.values.allSatisfy({ $0.worker.isFinished }) {
            session.heartbeat(stop: stop)
            Thread.sleep(forTimeInterval: Self.tick)
        }
        for (name, running) in workers {
            logger.info("campaign drained", ["campaign": name, "placed": String(running.worker.wait().placed)])
        }
        outbox.finish()
        try session.throwIfEndedEarly()
        if let problem { throw problem }
    }

    /// Starts a worker for every active campaign that is not paused, has work and a window ahead.
    private func startDue(session: DaemonSession, workers: inout [String: (worker: CampaignWorker, ownStop: StopSignal)],
                          restAfter: [String: Date], now: Date) throws {
        for campaign in try session.activeCampaigns() where workers[campaign.name] == nil {
            if let rest = restAfter[campaign.name], rest > now { continue }
            guard try !session.store.isPaused(campaign: campaign.id),
                  try session.store.hasUnfinishedJobs(campaign: campaign.id) else { continue }
            let (spec, zone) = try session.spec(of: campaign)
            let clockNow = session.time.now
            guard CallingCalendar(hours: spec.hours, timeZone: zone, dates: spec.dates).window(atOrAfter: clockNow) != nil else {
                continue
            }
            let ownStop = StopSignal()
            let plan = session.plan(campaign, spec: spec, zone: zone, until: clockNow.addingTimeInterval(Simulator.horizon),
                                    stop: stop, ownStop: ownStop, waitsForTelephony: true)
            workers[campaign.name] = (CampaignWorker(plan: plan), ownStop)
        }
    }

    /// The outcome of a campaign that does not dial in this run, with its totals.
    private func idle(_ campaign: StoredCampaign, spec: CampaignSpec, zone: TimeZone, state: CampaignRunOutcome.State,
                      session: DaemonSession) throws -> CampaignRunOutcome {
        let summary = try CampaignSummary(store: session.store, campaign: campaign.id)
        return CampaignRunOutcome(campaign: spec.id, state: state, placed: 0, reconciled: 0, summary: summary)
    }
}
