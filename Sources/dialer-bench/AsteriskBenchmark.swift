import Dialer
import Foundation

/// `asterisk`: the Asterisk driver against the real Asterisk lab (Tests/AsteriskLab): calls placed at
/// the configured rate over its SIP trunk for a while, every call followed to its one `hungUp`; then
/// the driver's decoding and tracking of a recorded burst, offline. Not part of `make test`.
enum AsteriskBenchmark {
    static let name = "asterisk"
    static let summary = "sustain L lines at R calls/s against the Asterisk lab; AMI events/s in a burst"
    static let options: Set<String> = ["lines", "cps", "seconds", "agents", "passes"]
    /// Every call's ring timeout: the lab's unanswered customers hold a line this long.
    static let ringTimeout: TimeInterval = 6

    static func run(_ arguments: CommandArguments) throws -> BenchmarkReport {
        let lines = Int(arguments.value("lines") ?? "60") ?? 0
        let callsPerSecond = Double(arguments.value("cps") ?? "10") ?? 0
        let seconds = Int(arguments.value("seconds") ?? "300") ?? 0
        let agents = Int(arguments.value("agents") ?? "20") ?? 0
        let passes = Int(arguments.value("passes") ?? "200") ?? 0
        guard (1...1_000).contains(lines), (0.1...200).contains(callsPerSecond), (1...86_400).contains(seconds),
              (1...100).contains(agents), (1...100_000).contains(passes) else {
            throw UsageError("--lines must be 1–1000, --cps 0.1–200, --seconds 1–86400, --agents 1–100 and --passes 1–100000")
        }
        let asterisk = try AsteriskLab.find()
        let load = SustainedLoad(callsPerSecond: callsPerSecond, seconds: TimeInterval(seconds),
                                 ringTimeout: ringTimeout, drainLimit: ringTimeout + 30)
        let (sustained, tally) = try sustain(load, lines: lines, agents: agents)
        let peakRSS = peakResidentMegabytes()
        let burst = try BurstReplay(passes: passes).run()

        let ledger = sustained.ledger
        let originations = tally.originations
        let sendTimes = originations.values
        let sendSpan = (sendTimes.max() ?? .distantPast).timeIntervalSince(sendTimes.min() ?? .distantPast)
        let delays = originations.compactMap { call, sent in sustained.placedAt[call].map { sent.timeIntervalSince($0) } }
        let runSeconds = sustained.placingSeconds + sustained.drainSeconds
        let cps = String(format: "%g", callsPerSecond)
        return BenchmarkReport(
            benchmark: name,
            setting: "\(lines) lines at \(cps) calls/s for \(seconds) s over the lab's SIP trunk, \(agents) agents, "
                + "ring timeout \(Int(ringTimeout)) s, the driver tracing every message as at log-level debug; "
                + "customers: \(LabCustomerMix.summary); then \(URL(fileURLWithPath: BurstReplay.transcript).lastPathComponent) (\(burst.messages) messages) "
                + "decoded and tracked \(passes) times, median pass; \(asterisk)",
            command: "swift run -c release dialer-bench asterisk --lines \(lines) --cps \(cps) --seconds \(seconds) "
                + "--agents \(agents) --passes \(passes)",
            figures: [
                Figure("calls_placed", Double(ledger.placed), decimals: 0),
                Figure("calls_ended", Double(ledger.ended), decimals: 0, target: "one hungUp each"),
                Figure("calls_not_placed", Double(ledger.notPlaced), decimals: 0, target: "= 0"),
                Figure("lost_calls", Double(ledger.inProgress), decimals: 0, target: "= 0 (placed − ended − not placed)"),
                Figure("duplicate_ends", Double(ledger.duplicateEnds + ledger.strangers), decimals: 0, target: "= 0"),
                Figure("misrecorded_calls", Double(ledger.misrecorded), decimals: 0, target: "= 0"),
                Figure("originates_sent", Double(originations.count), decimals: 0, target: "= calls placed"),
                Figure("originations_per_second", sendSpan > 0 ? Double(originations.count - 1) / sendSpan : 0,
                       target: "\(cps) configured; first to last Originate written"),
                Figure("max_origination_delay_ms", (delays.max() ?? 0) * 1000, decimals: 1,
                       target: "placed → Originate written"),
                Figure("max_lines_in_use", Double(ledger.mostLinesInUse(originatedAt: originations)), decimals: 0,
                       target: "≤ \(lines) lines; Originate written → hungUp"),
                Figure("max_calls_in_progress", Double(ledger.mostInProgress), decimals: 0,
                       target: "placed → hungUp, the driver's queue included"),
                Figure("ami_messages_per_second", Double(tally.messages) / runSeconds, decimals: 0, target: "from Asterisk, live"),
                Figure("ami_messages_peak_per_second", Double(tally.mostMessagesInASecond), decimals: 0,
                       target: "the busiest second"),
                Figure("driver_events_per_second", Double(ledger.events) / runSeconds, decimals: 0, target: "to the engine"),
                Figure("drain_seconds", sustained.drainSeconds, decimals: 1, target: "last call placed → last ended"),
                Figure("driver_warnings", Double(tally.warnings), decimals: 0, target: "log lines at warning or error"),
                Figure("peak_rss_mb", peakRSS, decimals: 1),
                Figure("ami_events_per_second", Double(burst.messages) / burst.medianSeconds, decimals: 0,
                       target: "burst replay, one core"),
                Figure("ami_mb_per_second", Double(burst.bytes) / 1_048_576 / burst.medianSeconds, decimals: 1),
            ])
    }

    /// Starts the lab, runs `load` through a fresh driver, stops the lab (also on error).
    /// The driver traces every message, as at `log-level debug`, into the returned tally.
    private static func sustain(_ load: SustainedLoad, lines: Int, agents: Int) throws -> (SustainedLoad.Result, DriverLogTally) {
        let lab = try AsteriskLab(agents: (0..<agents).map(agentName))
        defer { lab.stop() }
        guard let port = UInt16(try lab.setting("AMI_PORT")) else {
            throw AsteriskLab.Unavailable(description: "lab.sh start printed an AMI_PORT that is not a port")
        }
        let configuration = AsteriskConfiguration(
            host: try lab.setting("AMI_HOST"), port: port, username: try lab.setting("AMI_USER"),
            secretVariable: "AMI_SECRET", channelTemplate: try lab.setting("TRUNK_TEMPLATE"), queue: "campaign",
            lines: lines, callsPerSecond: load.callsPerSecond)
        let tally = DriverLogTally(callKeyPrefix: configuration.callKeyPrefix)
        let driver = try AsteriskDriver(configuration: configuration, secret: try lab.setting("AMI_SECRET"),
                                        clock: WallClock(), log: tally.log)
        defer { driver.shutdown() }
        let deadline = Date().addingTimeInterval(30)
        while driver.availability != .available {
            guard Date() < deadline else {
                throw AsteriskLab.Unavailable(description: "the driver did not become available in 30 s: \(driver.availability)")
            }
            _ = driver.events(until: Date().addingTimeInterval(0.1))
        }
        let result = try load.run(on: driver)
        if let last = tally.lastWarningLine {
            FileHandle.standardError.write(Data("dialer-bench asterisk: the driver's last warning: \(last)\n".utf8))
        }
        return (result, tally)
    }

    /// The `index`-th queue member: two or more lower-case letters, as lab.sh wants (`agaa`, `agab`, …).
    private static func agentName(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "ag" + String(letters[index / 26 % 26]) + String(letters[index % 26])
    }
}
