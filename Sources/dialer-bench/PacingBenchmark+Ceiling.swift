import Dialer
import Foundation

/// `pacing --strategy ceiling`: the model pacer beside the ceiling pacer, a laboratory reference
/// handed the scenario's true distributions, for each team size; the distance between them in points.
extension PacingBenchmark {
    /// The setpoint the ceiling's threshold is tuned to: five sixths of `us-tsr`'s 3 % cap, the model's setpoint.
    static let ceilingSetpoint = 0.025
    /// How near the setpoint the ceiling's mean abandon rate over the tuning seeds must come (a bisection stops there).
    static let ceilingTolerance = 0.0005

    static func runCeiling(_ arguments: CommandArguments) throws -> BenchmarkReport {
        let teams = (arguments.value("agents") ?? "10,20,50,100").split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 }
        let hours = Int(arguments.value("hours") ?? "8") ?? 0
        let seeds = Int(arguments.value("seeds") ?? "10") ?? 0
        let tuneSeeds = Int(arguments.value("tune-seeds") ?? String(min(seeds, 3))) ?? 0
        guard !teams.isEmpty, teams.allSatisfy({ (4...1_000).contains($0) }), (1...16).contains(hours), (1...100).contains(seeds),
              (1...seeds).contains(tuneSeeds) else {
            throw UsageError("--agents must be team sizes of 4–1000 separated by commas, --hours 1–16, --seeds 1–100 and --tune-seeds 1–seeds")
        }
        let range = (arguments.value("tune-range") ?? "0.02-0.2").split(separator: "-").compactMap { Double($0) }
        guard range.count == 2, range[0] > 0, range[0] < range[1], range[1] <= 1 else {
            throw UsageError("--tune-range must be LOW-HIGH thresholds with 0 < LOW < HIGH ≤ 1, such as 0.02-0.2")
        }
        if arguments.value("max-abandon") != nil { throw UsageError("--max-abandon does not go with --strategy ceiling: the ceiling is tuned to us-tsr's setpoint") }
        var parameters = try scenarioParameters(arguments)
        let firstSeed = parameters.seed

        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dialer-bench-ceiling-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var rows = [["agents", "model", "abandon", "ceiling", "abandon", "threshold", "distance",
                     "lawful ceiling", "abandon", "threshold", "distance", "progressive"]]
        var figures: [Figure] = []
        for agents in teams {
            try writeList(contacts: agents * 400, to: folder.appendingPathComponent("list.csv"))
            func runs(_ strategy: String, seeds count: Int, laboratory: LaboratoryPacer? = nil) throws -> [Run] {
                let campaign = folder.appendingPathComponent("\(strategy).campaign")
                try campaignText(strategy: strategy == "ceiling" ? "model" : strategy, agents: agents, hours: hours, ratio: 2)
                    .write(to: campaign, atomically: true, encoding: .utf8)
                return try (0..<UInt64(count)).map { offset in
                    parameters.seed = firstSeed + offset
                    return try simulate(campaign: campaign, folder: folder, hours: hours, parameters: parameters, laboratory: laboratory)
                }
            }
            let model = try runs("model", seeds: seeds)
            let progressive = try runs("progressive", seeds: seeds)
            // The ceiling, or the lawful one, with its threshold tuned on the first seeds, over every seed.
            func tunedCeiling(lawful: Bool) throws -> (threshold: Double, runs: [Run], tuningRuns: Int) {
                let bisection = ThresholdBisection(
                    target: ceilingSetpoint, tolerance: ceilingTolerance, range: range[0]...range[1], maximumSteps: 6)
                let tuned = try bisection.run { threshold in
                    mean(try runs("ceiling", seeds: tuneSeeds, laboratory: .ceiling(threshold: threshold, lawful: lawful)), \.abandonRate)
                }
                let threshold = tuned.best.threshold
                let all = try runs("ceiling", seeds: seeds, laboratory: .ceiling(threshold: threshold, lawful: lawful))
                return (threshold, all, tuned.steps.count * tuneSeeds)
            }
            let ceiling = try tunedCeiling(lawful: false)
            let lawful = try tunedCeiling(lawful: true)
            let distance = (mean(ceiling.runs, \.occupancy) - mean(model, \.occupancy)) * 100
            let lawfulDistance = (mean(lawful.runs, \.occupancy) - mean(model, \.occupancy)) * 100
            func occupancy(_ runs: [Run]) -> String {
                "\(format(mean(runs, \.occupancy), 3)) / \(format(runs.map(\.occupancy).min() ?? 0, 3))"
            }
            func abandon(_ runs: [Run]) -> String {
                "\(percent(mean(runs, \.abandonRate))) / \(percent(runs.map(\.abandonRate).max() ?? 0))"
            }
            rows.append([
                String(agents), occupancy(model), abandon(model),
                occupancy(ceiling.runs), abandon(ceiling.runs), format(ceiling.threshold, 4), format(distance, 2),
                occupancy(lawful.runs), abandon(lawful.runs), format(lawful.threshold, 4), format(lawfulDistance, 2),
                format(mean(progressive, \.occupancy), 3),
            ])
            figures += [
                Figure("model_occupancy_\(agents)_agents", mean(model, \.occupancy), decimals: 3),
                Figure("model_occupancy_min_\(agents)_agents", model.map(\.occupancy).min() ?? 0, decimals: 3),
                Figure("model_abandon_rate_\(agents)_agents", mean(model, \.abandonRate), decimals: 4),
                Figure("model_abandon_rate_max_\(agents)_agents", model.map(\.abandonRate).max() ?? 0, decimals: 4, target: "≤ 0.03"),
                Figure("ceiling_occupancy_\(agents)_agents", mean(ceiling.runs, \.occupancy), decimals: 3),
                Figure("ceiling_abandon_rate_\(agents)_agents", mean(ceiling.runs, \.abandonRate), decimals: 4),
                Figure("ceiling_threshold_\(agents)_agents", ceiling.threshold, decimals: 4),
                Figure("ceiling_tuning_runs_\(agents)_agents", Double(ceiling.tuningRuns), decimals: 0),
                Figure("distance_points_\(agents)_agents", distance, decimals: 2, target: "≤ 0.5"),
                Figure("lawful_ceiling_occupancy_\(agents)_agents", mean(lawful.runs, \.occupancy), decimals: 3),
                Figure("lawful_ceiling_abandon_rate_\(agents)_agents", mean(lawful.runs, \.abandonRate), decimals: 4),
                Figure("lawful_ceiling_abandon_rate_max_\(agents)_agents", lawful.runs.map(\.abandonRate).max() ?? 0, decimals: 4),
                Figure("lawful_ceiling_threshold_\(agents)_agents", lawful.threshold, decimals: 4),
                Figure("lawful_distance_points_\(agents)_agents", lawfulDistance, decimals: 2, target: "≤ 0.5"),
                Figure("progressive_occupancy_\(agents)_agents", mean(progressive, \.occupancy), decimals: 3),
            ]
        }
        var command = "swift run -c release dialer-bench pacing --strategy ceiling --agents \(teams.map(String.init).joined(separator: ",")) --hours \(hours) --seeds \(seeds) --tune-seeds \(tuneSeeds)"
        for key in ["tune-range", "scenario"] + SimulationScenario.keys.filter({ $0 != "seed" }) {
            if let value = arguments.value(key) { command += " --\(key) \(value)" }
        }
        command += " --seed \(firstSeed)"
        var report = BenchmarkReport(
            benchmark: name,
            setting: "\(hours) h, \(seeds) seed\(seeds == 1 ? "" : "s") from \(firstSeed), us-tsr (3 %); occupancy and abandon are the mean / the worst run.\n"
                + "ceiling: a laboratory reference that no campaign can run. It is handed the scenario's true distributions "
                + "(a real dialer must learn them), computes the chance that a call is abandoned exactly (no normal approximation), "
                + "has no cold start, learns nothing and has no near-cap fallback; its fixed threshold is tuned by bisection "
                + "so that its mean abandon rate over the first \(tuneSeeds) seed\(tuneSeeds == 1 ? "" : "s") is the 2.5 % setpoint "
                + "(bracket \(format(range[0], 3))–\(format(range[1], 3)), at most 6 steps).\n"
                + "lawful ceiling: the same, keeping law 4 as the model does (slower, then progressive, near the cap at every moment); "
                + "its threshold tuned likewise. The ceiling may pass the cap early in a run and end a run past it; the model and the lawful ceiling may not.\n"
                + "distance: ceiling (or lawful ceiling) occupancy − model occupancy, in points",
            command: command, figures: figures)
        report.rows = rows
        return report
    }

    private static func mean(_ runs: [Run], _ value: (Run) -> Double) -> Double {
        runs.map(value).reduce(0, +) / Double(max(1, runs.count))
    }
}
