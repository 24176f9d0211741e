public import CampaignDSL
public import Foundation

/// The campaign file has errors; `check` holds the diagnostics.
public struct CampaignHasErrors: Error, Sendable {
    public let check: CheckResult
}

/// Runs a whole campaign on the simulated network in virtual time, from its
/// first calling window until every job is final, delivers the text messages and
/// webhooks its calls queued (in virtual time too), and writes its reports.
public enum Simulator {
    /// The most virtual time a simulation may take before it stops.
    public static let horizon: TimeInterval = 400 * 86_400

    public static func run(_ request: SimulationRequest) throws -> SimulationResult {
        let check = CampaignChecker.check(file: request.campaignPath, environment: DialerEnvironment())
        guard let spec = check.spec, !check.hasErrors else { throw CampaignHasErrors(check: check) }
        guard let zone = TimeZone(identifier: spec.timeZone) else {
            throw EnvironmentError("this system does not know the time zone \(spec.timeZone); install tzdata")
        }
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: request.outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw EnvironmentError("cannot create the output folder \(request.outputDirectory): \(error.localizedDescription)")
        }
        let databasePath = try prepareDatabase(request)
        let start = try startOfDay(request.start ?? spec.dates?.first, in: zone)
        let clock = VirtualClock(start: start)
        let store = try CampaignStore(path: databasePath, now: start)
        // A simulation's database is private and can be replayed from its seed: no
        // file locks per transaction, a rollback journal in memory instead of the
        // write-ahead log, no waiting for the disk. Every attempt is still committed
        // before its call is placed.
        try store.connection.execute("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;")
        let source = (try? String(contentsOfFile: request.campaignPath, encoding: .utf8)) ?? ""
        let doNotCall = try DoNotCallRegistry(
            spec: spec, store: store,
            cacheDirectory: URL(fileURLWithPath: request.outputDirectory).appendingPathComponent(".dnc-cache").path)
        let (campaign, compileReport) = try CampaignCompiler(spec: spec, store: store, doNotCall: doNotCall)
            .compile(sourcePath: request.campaignPath, sourceText: source, at: start)

        let network = SimulatedNetwork(
            clock: clock, parameters: request.parameters, agents: CampaignRunner.agentIDs(of: spec), timeZone: zone)
        let messaging = try messagingConfiguration(request)
        try prepareAssignments(spec, campaign: campaign, store: store, at: start)
        let runner = CampaignRunner.assemble(RunnerWiring(
            campaign: campaign, spec: spec, timeZone: zone, store: store, doNotCall: doNotCall, driver: network, clock: clock,
            agentDesk: try SimulatedAgentDesk(spec: spec, behaviour: request.parameters.agentBehaviour,
                                              seed: request.parameters.seed),
            followUps: try FollowUpPlanner(campaign: campaign, spec: spec, configuration: messaging),
            pacer: laboratoryPacer(request, spec: spec, timeZone: zone)))
        let firstWindow = CallingCalendar(hours: spec.hours, timeZone: zone).window(atOrAfter: start)?.start ?? start
        try runner.run(until: firstWindow.addingTimeInterval(min(request.duration ?? horizon, horizon)))
        // The follow-ups the calls queued, delivered in virtual time before the reports count them.
        try OutboxDrain.run(store: store, configuration: messaging, transport: { try CurlHTTPClient(options: $0) },
                                seed: request.parameters.seed)

        let output = URL(fileURLWithPath: request.outputDirectory)
        let reports = try CampaignReports.write(
            store: store, campaign: campaign, range: .all, to: request.outputDirectory, formats: ReportSpec.Format.allCases)
        var written = reports.files
        let summary = reports.summary
        let rejectsPath = output.appendingPathComponent("rejects.csv").path
        try? files.removeItem(atPath: rejectsPath)
        if !compileReport.rejectedRows.isEmpty || !compileReport.ignoredDNCLines.isEmpty {
            var writer = try CSVWriter(path: rejectsPath)
            try writer.writeRow(["list", "line", "reason", "row"])
            for reject in compileReport.rejectedRows + compileReport.ignoredDNCLines {
                try writer.writeRow([reject.list, String(reject.line), reject.reason, reject.text])
            }
            try writer.close()
            written.append(rejectsPath)
        }
        if case .outboxFile(let path) = messaging.sms.kind, files.fileExists(atPath: path) { written.append(path) }
        return SimulationResult(
            summary: summary, compile: compileReport, files: written, databasePath: databasePath, network: network.tally)
    }

    /// The request's laboratory pacer, handed the scenario's true distributions; nil for the campaign's own.
    private static func laboratoryPacer(_ request: SimulationRequest, spec: CampaignSpec, timeZone: TimeZone) -> (any Pacer)? {
        guard case .ceiling(let threshold, let lawful) = request.laboratoryPacer else { return nil }
        let truth = TrueCallDistributions(
            parameters: request.parameters, ringTimeout: TimeInterval(spec.dial.ringSeconds),
            connectLimit: TimeInterval(spec.compliance.connectSeconds ?? 2), timeZone: timeZone)
        return CeilingPacer(truth: truth, threshold: threshold,
                            capGuard: lawful ? AbandonCapGuard(cap: CampaignRunner.abandonCap(of: spec)) : nil)
    }

    /// The request's messaging, or the default: text messages to `outbox.jsonl` in the output folder, no
    /// webhooks. That file is replaced each run, like the default database.
    private static func messagingConfiguration(_ request: SimulationRequest) throws -> MessagingConfiguration {
        let outbox = defaultOutbox(request.outputDirectory)
        let messaging = request.messaging ?? .offline(outboxPath: outbox)
        if case .outboxFile(let path) = messaging.sms.kind, path == outbox { try? FileManager.default.removeItem(atPath: path) }
        return messaging
    }

    /// `DIR/outbox.jsonl`: where a simulation's text messages go unless a gateway is named.
    public static func defaultOutbox(_ outputDirectory: String) -> String {
        URL(fileURLWithPath: outputDirectory).appendingPathComponent("outbox.jsonl").path
    }

    /// An assigned preview campaign's contacts are shared out among its agents first.
    private static func prepareAssignments(_ spec: CampaignSpec, campaign: Int64, store: CampaignStore, at start: Date) throws {
        if spec.dial.mode == .preview, spec.dial.assignedAgents {
            _ = try CallAssignments.assignUnassigned(
                store: store, campaign: CompiledCampaign(id: campaign, spec: spec), method: nil, at: start)
        }
    }

    /// The database path to use: a named one must not exist yet (it may be a live database);
    /// the default one in the output folder is replaced.
    private static func prepareDatabase(_ request: SimulationRequest) throws -> String {
        let files = FileManager.default
        if let path = request.databasePath {
            guard !files.fileExists(atPath: path) else {
                throw EnvironmentError("\(path) already exists; simulate writes a new database (remove it or name another)")
            }
            return path
        }
        let path = URL(fileURLWithPath: request.outputDirectory).appendingPathComponent("simulation.db").path
        for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: path + suffix) }
        return path
    }

    /// Midnight of `day` (today when nil) in the campaign's zone.
    private static func startOfDay(_ day: LocalDate?, in zone: TimeZone) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let day else { return calendar.startOfDay(for: WallClock().now) }
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else {
            throw EnvironmentError("\(day) is not a date in \(zone.identifier)")
        }
        return calendar.startOfDay(for: date)
    }
}
