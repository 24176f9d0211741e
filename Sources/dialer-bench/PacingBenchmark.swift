import CampaignDSL
import Dialer
import Foundation

/// `pacing`: the pacing strategies side by side on one scenario of the simulated
/// network, each run through the same engine and store that `dialerd simulate` uses.
enum PacingBenchmark {
    static let name = "pacing"
    static let summary = "compare progressive, ratio, reactive and the predictive model on one scenario, or the model with its ceiling"
    static let strategies = ["progressive", "ratio", "reactive", "model", "ceiling"]
    static let options: Set<String> = Set(["agents", "hours", "seeds", "strategy", "ratio", "scenario", "max-abandon", "tune-seeds", "tune-range"]
                                          + SimulationScenario.keys)
    /// The issue's occupancy targets for the predictive model by team size.
    static let occupancyTargets: [Int: Double] = [10: 0.86, 20: 0.91, 50: 0.95, 100: 0.97]

    /// What one run measured.
    struct Run {
        let occupancy: Double
        let abandonRate: Double
        let worstHour: Double
        let waitPerConnect: Double
        let connectsPerAgentHour: Double
        let attempts: Int
    }

    static func run(_ arguments: CommandArguments) throws -> BenchmarkReport {
        if arguments.value("strategy") == "ceiling" { return try runCeiling(arguments) }
        let agents = Int(arguments.value("agents") ?? "20") ?? 0
        let hours = Int(arguments.value("hours") ?? "8") ?? 0
        let seeds = Int(arguments.value("seeds") ?? "1") ?? 0
        let ratio = Double(arguments.value("ratio") ?? "2") ?? 0
        guard (1...1_000).contains(agents), (1...16).contains(hours), (1...100).contains(seeds), (1...10).contains(ratio) else {
            throw UsageError("--agents must be 1–1000, --hours 1–16, --seeds 1–100 and --ratio 1–10")
        }
        let maxAbandon = try arguments.value("max-abandon").map { text in
            guard let percent = Double(text.hasSuffix("%") ? String(text.dropLast()) : text), (0.1...50).contains(percent) else {
                throw UsageError("--max-abandon must be a percentage from 0.1 to 50, not '\(text)'")
            }
            return percent
        }
        let chosen = arguments.value("strategy") ?? "all"
        let names = chosen == "all" ? strategies.filter { $0 != "ceiling" } : [chosen == "predictive" ? "model" : chosen]
        guard names.allSatisfy(strategies.contains) else {
            throw UsageError("--strategy must be all, \(strategies.joined(separator: ", ")) (or predictive), not '\(chosen)'")
        }
        var parameters = try scenarioParameters(arguments)
        let firstSeed = parameters.seed

        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dialer-bench-pacing-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let contacts = agents * 400
        try writeList(contacts: contacts, to: folder.appendingPathComponent("list.csv"))

        var results: [String: [Run]] = [:]
        for strategy in names {
            let campaign = folder.appendingPathComponent("\(strategy).campaign")
            try campaignText(strategy: strategy, agents: agents, hours: hours, ratio: ratio, maxAbandon: maxAbandon)
                .write(to: campaign, atomically: true, encoding: .utf8)
            for offset in 0..<seeds {
                parameters.seed = firstSeed + UInt64(offset)
                results[strategy, default: []].append(try simulate(campaign: campaign, folder: folder, hours: hours, parameters: parameters))
            }
        }
        return report(results, order: names, agents: agents, hours: hours, seeds: seeds, firstSeed: firstSeed,
                      maxAbandon: maxAbandon, arguments: arguments)
    }

    /// The reference scenario, or the built-in `held-out` one, or a scenario file; then the scenario keys given as options.
    static func scenarioParameters(_ arguments: CommandArguments) throws -> SimulationParameters {
        var parameters = SimulationParameters.reference(seed: 1)
        switch arguments.value("scenario") {
        case nil: break
        case "held-out": try SimulationScenario.apply(heldOutScenario, to: &parameters)
        case let path?: try SimulationScenario.load(path: path, into: &parameters)
        }
        for key in SimulationScenario.keys {
            if let value = arguments.value(key) { try SimulationScenario.set(key, to: value, in: &parameters) }
        }
        return parameters
    }

    /// A scenario the pacer was never tuned on (`--scenario held-out`): fewer persons answering,
    /// later, talking shorter and less regularly, shorter wrap-ups, an answer rate that follows the
    /// hour, and agents pausing and logging out and in through the day.
    static let heldOutScenario = """
        answer-rate        22%
        machine-rate       10%
        busy-rate          8%
        invalid-rate       8%
        ring               12s
        ring-cv            0.6
        talk               100s
        talk-cv            0.8
        wrap               20s
        wrap-cv            0.6
        answer-by-hour     9=0.9, 12=0.8, 15=1.15
        break-every        2400s
        break-length       600s
        logout-share       50%
        """

    /// One seeded run of a generated campaign file, through `Simulator.run`, optionally with a laboratory pacer.
    static func simulate(campaign: URL, folder: URL, hours: Int, parameters: SimulationParameters,
                         laboratory: LaboratoryPacer? = nil) throws -> Run {
        var request = SimulationRequest(
            campaignPath: campaign.path, outputDirectory: folder.appendingPathComponent("out").path,
            start: LocalDate(year: 2026, month: 3, day: 2), parameters: parameters,
            duration: TimeInterval(hours) * 3600)
        request.laboratoryPacer = laboratory
        return measure(try Simulator.run(request), parameters: parameters)
    }

    static func measure(_ result: SimulationResult, parameters: SimulationParameters) -> Run {
        let summary = result.summary
        let busy = summary.talkSeconds + summary.wrapSeconds
            + Double(result.network.machinesReachingAgents) * parameters.machineAgentSeconds
        let idle = max(0, summary.loggedInSeconds - busy)
        let agentHours = summary.loggedInSeconds / 3600
        return Run(
            occupancy: summary.occupancy,
            abandonRate: result.network.abandonRate,
            worstHour: result.network.worstHourAbandonRate(minimumAnswers: 30),
            waitPerConnect: summary.answered > 0 ? idle / Double(summary.answered) : 0,
            connectsPerAgentHour: agentHours > 0 ? Double(summary.answered) / agentHours : 0,
            attempts: summary.attempts)
    }

    /// `maxAbandon`: the laboratory cap in percent, if one was given.
    static func report(_ results: [String: [Run]], order: [String], agents: Int, hours: Int, seeds: Int, firstSeed: UInt64,
                       maxAbandon cap: Double?, arguments: CommandArguments) -> BenchmarkReport {
        var rows = [["strategy", "occupancy", "occ min", "abandon", "abandon max", "worst hour", "wait/connect s",
                     "connects/agent-h", "attempts"]]
        var figures: [Figure] = []
        for strategy in order {
            let runs = results[strategy] ?? []
            let mean = { (value: (Run) -> Double) in runs.map(value).reduce(0, +) / Double(max(1, runs.count)) }
            let occupancy = mean(\.occupancy)
            let minOccupancy = runs.map(\.occupancy).min() ?? 0
            let abandon = mean(\.abandonRate)
            let maxAbandon = runs.map(\.abandonRate).max() ?? 0
            let worstHour = runs.map(\.worstHour).max() ?? 0
            let wait = mean(\.waitPerConnect)
            let connects = mean(\.connectsPerAgentHour)
            let attempts = mean { Double($0.attempts) }
            rows.append([strategy, format(occupancy, 3), format(minOccupancy, 3), percent(abandon), percent(maxAbandon),
                         percent(worstHour), format(wait, 1), format(connects, 2), format(attempts, 0)])
            // The targets are the issue's, for the US cap; a laboratory cap has none.
            let targeted = strategy == "model" && cap == nil
            let target = targeted ? occupancyTargets[agents].map { "≥ \(format($0, 2))" } : nil
            figures += [
                Figure("\(strategy)_occupancy", occupancy, decimals: 3, target: target),
                Figure("\(strategy)_occupancy_min", minOccupancy, decimals: 3),
                Figure("\(strategy)_abandon_rate", abandon, decimals: 4),
                Figure("\(strategy)_abandon_rate_max", maxAbandon, decimals: 4, target: targeted ? "≤ 0.03" : nil),
                Figure("\(strategy)_worst_hour_abandon_rate", worstHour, decimals: 4),
                Figure("\(strategy)_wait_per_connect_seconds", wait, decimals: 1),
                Figure("\(strategy)_connects_per_agent_hour", connects, decimals: 2),
            ]
        }
        var command = "swift run -c release dialer-bench pacing --agents \(agents) --hours \(hours) --seeds \(seeds)"
        for key in ["strategy", "ratio", "max-abandon", "scenario"] + SimulationScenario.keys.filter({ $0 != "seed" }) {
            if let value = arguments.value(key) { command += " --\(key) \(value)" }
        }
        command += " --seed \(firstSeed)"
        var report = BenchmarkReport(
            benchmark: name,
            setting: "\(agents) agents, \(hours) h, \(seeds) seed\(seeds == 1 ? "" : "s") from \(firstSeed); "
                + (cap.map { "a laboratory cap of \(String(format: "%g", $0)) % instead of us-tsr's 3 %; " } ?? "")
                + "abandon = abandoned persons (with AMD's false positives) ÷ persons answering, mean and worst run",
            command: command, figures: figures)
        report.rows = rows
        return report
    }

    /// The benchmark's campaign: one list, the hours, the strategy's dial block; the US profile (3 %, 2 s).
    /// With `maxAbandon` (percent), a house profile with only that cap instead, so the trade-off between
    /// occupancy and abandoned calls can be traced past the US cap: a laboratory setting, not a legal one.
    static func campaignText(strategy: String, agents: Int, hours: Int, ratio: Double, maxAbandon: Double? = nil) -> String {
        let dial = switch strategy {
        case "progressive": "dial progressive {\n    agents \(agents)\n  }"
        case "ratio": "dial predictive {\n    agents \(agents)\n    pacing ratio \(ratio)\n  }"
        default: "dial predictive {\n    agents \(agents)\n    pacing \(strategy)\n  }"
        }
        let profile = maxAbandon.map { "profile laboratory {\n  max-abandon \($0)%\n}\n\n" } ?? ""
        return profile + """
            campaign pacing {
              timezone Asia/Ho_Chi_Minh
              profile \(maxAbandon == nil ? "us-tsr" : "laboratory")
              list "list.csv" {
                phone   column "Phone"
                name    column "Name"
                country VN
              }
              hours {
                mon 08:00-\(String(format: "%02d", 8 + hours)):00
              }
              \(dial)
              retry {
                no-answer 3 times, wait 1h
                busy      2 times, wait 10m
                machine   2 times, wait 2h
              }
            }
            """
    }

    /// Distinct Vietnamese mobile numbers.
    static func writeList(contacts: Int, to url: URL) throws {
        var text = "Name,Phone\n"
        text.reserveCapacity(contacts * 24)
        for index in 0..<contacts {
            text += "Customer \(index),0\(900_000_000 + index * 7_919 % 100_000_000)\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    static func percent(_ ratio: Double) -> String {
        String(format: "%.2f %%", ratio * 100)
    }
}
