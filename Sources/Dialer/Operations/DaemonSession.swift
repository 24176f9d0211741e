import CampaignDSL
import Foundation

/// One process's hold on a database: the store, the lease and its heartbeat, the
/// daemon's clock, and the campaign files of the folder.
final class DaemonSession {
    let options: DaemonOptions
    let logger: Logger
    let store: CampaignStore
    let lease: DaemonLease
    /// The OS lock beside the database, which a replaced database file cannot dodge.
    private let lock: DatabaseLock
    let telephony: DaemonTelephony
    /// Text messages, webhooks and the screen pop, with their secrets read at start-up.
    let messaging: MessagingConfiguration
    /// The daemon's clock (scaled for the simulated network).
    let time: any Clock
    let cacheDirectory: String
    /// What the campaigns' runners publish: for the logs, the web's desks and wallboards.
    let hub = LiveEventHub()
    /// People's commands from the agent desk, for the runners.
    let desk = LiveDesk()
    private(set) var leaseLost = false
    /// Why the lease could not be renewed when no other process took it (a full disk, a damaged file).
    private(set) var failure: (any Error)?

    /// Opens the database (creating it, mode 0600), takes the lease, sets up the clock.
    /// - Parameter leaseClock: the clock of the lease's heartbeats (the wall clock but in tests).
    init(options: DaemonOptions, logger: Logger, leaseClock: any Clock = WallClock()) throws {
        self.options = options
        self.logger = logger
        let config = options.config
        let path = config.databasePath
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
            throw EnvironmentError("the folder of the database \(path) does not exist; create it or name another with --db")
        }
        // Checked before the database is created: a command that cannot work leaves no new file behind.
        guard FileManager.default.fileExists(atPath: config.campaignsFolder, isDirectory: &isFolder), isFolder.boolValue else {
            throw EnvironmentError("there is no campaigns folder \(config.campaignsFolder); create it, "
                                   + "or name one in the config given with --config")
        }
        let wall = WallClock()
        guard let lock = try DatabaseLock(databasePath: path) else {
            let holder = FileManager.default.fileExists(atPath: path) ? try? CampaignStore(path: path, now: wall.now).lease() : nil
            throw LeaseHeld(holder: holder?.holder ?? "pid unknown", heartbeatAt: holder?.heartbeatAt,
                            expiresAt: holder?.expiresAt, databasePath: path)
        }
        self.lock = lock
        store = try CampaignStore(path: path, now: wall.now)
        try store.verifyIntact()
        lease = try DaemonLease(store: store, databasePath: path, clock: leaseClock)
        do {
            telephony = try DaemonTelephony.make(config.telephony, store: store)
            messaging = try DaemonMessaging.configuration(config)
        } catch {
            try? lease.release()
            lock.release()
            throw error
        }
        time = telephony.clock
        cacheDirectory = (folder.isEmpty ? "." : folder) + "/.dnc-cache"
        logger.info("lease taken", ["database": path, "holder": lease.holder])
    }

    /// Starts delivering the outbox beside the campaign workers.
    func startOutbox(stop: StopSignal) -> OutboxWorker {
        OutboxWorker(databasePath: options.config.databasePath, configuration: messaging, telephony: telephony,
                     logger: logger, stop: stop)
    }

    /// Gives the lease back (a clean exit).
    func close() {
        defer { lock.release() }
        guard !leaseLost else { return }
        do {
            try lease.release()
            logger.info("lease released", ["database": options.config.databasePath])
        } catch {
            logger.error("could not release the lease", ["error": "\(error)"])
        }
    }

    /// Renews the lease when due; a lost lease, or a renewal that could not be written,
    /// raises `stop` so every worker drains.
    func heartbeat(stop: StopSignal) {
        guard !leaseLost, failure == nil else { return }
        do {
            try lease.beatIfDue()
        } catch let error as LeaseLost {
            leaseLost = true
            logger.error("lease lost; draining", ["error": "\(error)"])
            stop.raise()
        } catch {
            let error = DatabaseProblem.classify(error, path: options.config.databasePath, writing: "the lease's heartbeat")
            failure = error
            logger.error("cannot renew the lease; draining", ["error": "\(error)"])
            stop.raise()
        }
    }

    /// Throws what ended the session early: a lost lease, or a heartbeat that could not be written.
    func throwIfEndedEarly() throws {
        if leaseLost { throw LeaseLost() }
        if let failure { throw failure }
    }

    /// Checks every campaign file of the folder and compiles or merges the new and changed ones.
    /// `skipping` names campaigns that must not be touched now (their worker is running).
    func installChanged(skipping running: Set<String> = []) throws -> [(path: String, outcome: InstallOutcome)] {
        let installer = CampaignInstaller(store: store, cacheDirectory: cacheDirectory, logger: logger)
        var results: [(path: String, outcome: InstallOutcome)] = []
        for source in try CampaignSource.scan(folder: options.config.campaignsFolder) {
            if let name = source.check.spec?.id, running.contains(name) { continue }
            results.append((source.path, try installer.install(source, at: time.now).outcome))
        }
        return results
    }

    /// The stored campaigns whose file is in the folder now (under whatever spelling it was stored).
    func activeCampaigns() throws -> [StoredCampaign] {
        let folder = CanonicalPath.of(options.config.campaignsFolder)
        let files = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".campaign") }.map { (folder as NSString).appendingPathComponent($0) })
        return try store.storedCampaigns().filter { files.contains(CanonicalPath.of($0.sourcePath)) }
    }

    /// The stored campaigns whose file changed since it was compiled (or that are new), by name.
    func changedCampaigns() throws -> Set<String> {
        let stored = Dictionary(try store.storedCampaigns().map { ($0.name, $0.sourceHash) }, uniquingKeysWith: { a, _ in a })
        var changed = Set<String>()
        for source in try CampaignSource.scan(folder: options.config.campaignsFolder) {
            guard let name = source.check.spec?.id, !source.check.hasErrors else { continue }
            if stored[name] != source.sourceHash { changed.insert(name) }
        }
        return changed
    }

    /// The plan for dialing a campaign until `limit`.
    /// `waitsForTelephony` (`serve`) waits for an unavailable backend as long as it takes; else the
    /// run gives up after the backend's longest queue delay (`run`).
    func plan(_ campaign: StoredCampaign, spec: CampaignSpec, zone: TimeZone, until limit: Date,
              stop: StopSignal, ownStop: StopSignal, waitsForTelephony: Bool) -> WorkerPlan {
        WorkerPlan(databasePath: options.config.databasePath, campaign: campaign.id, spec: spec, timeZone: zone,
                   limit: limit, unavailableGiveUp: waitsForTelephony ? nil : telephony.unavailableGiveUp,
                   telephony: telephony, messaging: messaging, cacheDirectory: cacheDirectory,
                   reportsFolder: options.config.reportsFolder, logger: logger, stop: stop, ownStop: ownStop,
                   hub: hub, desk: desk)
    }

    /// The compiled spec of a stored campaign and its zone.
    func spec(of campaign: StoredCampaign) throws -> (CampaignSpec, TimeZone) {
        let spec = try JSONDecoder().decode(CampaignSpec.self, from: Data(campaign.specJSON.utf8))
        guard let zone = TimeZone(identifier: spec.timeZone) else {
            throw EnvironmentError("this system does not know the time zone \(spec.timeZone); install tzdata")
        }
        return (spec, zone)
    }
}
