import CampaignDSL
import Dialer
import Foundation

/// `engine`: a whole day of a large team on the simulated network, every attempt persisted in SQLite.
enum EngineBenchmark {
    static let name = "engine"
    static let summary = "simulate N agents for H hours, every attempt persisted (target: 100 agents, 8 h in ≤ 10 s)"
    static let options: Set<String> = ["agents", "hours", "seed"]

    static func run(_ arguments: CommandArguments) throws -> BenchmarkReport {
        let agents = Int(arguments.value("agents") ?? "100") ?? 100
        let hours = Int(arguments.value("hours") ?? "8") ?? 8
        let seed = UInt64(arguments.value("seed") ?? "1") ?? 1
        guard (1...1_000).contains(agents), (1...16).contains(hours) else {
            throw UsageError("--agents must be 1–1000 and --hours 1–16")
        }
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dialer-bench-engine-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let contacts = agents * 400
        try writeList(contacts: contacts, seed: seed, to: folder.appendingPathComponent("list.csv"))
        let campaign = folder.appendingPathComponent("bench.campaign")
        try """
        campaign bench {
          timezone Asia/Ho_Chi_Minh
          list "list.csv" {
            phone   column "Phone"
            name    column "Name"
            country VN
          }
          hours {
            mon 08:00-\(String(format: "%02d", 8 + hours)):00
          }
          dial predictive {
            agents \(agents)
          }
          retry {
            no-answer 3 times, wait 1h
            busy      2 times, wait 10m
          }
        }
        """.write(to: campaign, atomically: true, encoding: .utf8)

        var parameters = SimulationParameters(seed: seed)
        parameters.unallocatedShare = 0.10
        let request = SimulationRequest(
            campaignPath: campaign.path, outputDirectory: folder.appendingPathComponent("out").path,
            start: LocalDate(year: 2026, month: 3, day: 2), parameters: parameters,
            duration: TimeInterval(hours) * 3600)
        let (result, seconds) = try measure { try Simulator.run(request) }
        return BenchmarkReport(
            benchmark: name,
            setting: "\(agents) agents, \(hours) h, predictive, \(contacts) contacts, seed \(seed)",
            command: "swift run -c release dialer-bench engine --agents \(agents) --hours \(hours) --seed \(seed)",
            figures: [
                Figure("simulated_attempts", Double(result.summary.attempts), decimals: 0, target: "≥ 40000"),
                Figure("wall_seconds", seconds, target: "≤ 10"),
                Figure("attempts_per_second", Double(result.summary.attempts) / seconds, decimals: 0),
                Figure("occupancy", result.summary.occupancy, decimals: 3),
                Figure("peak_rss_mb", peakResidentMegabytes(), decimals: 1),
            ])
    }

    /// A list of distinct Vietnamese mobile numbers.
    private static func writeList(contacts: Int, seed: UInt64, to url: URL) throws {
        var text = "Name,Phone\n"
        text.reserveCapacity(contacts * 24)
        for index in 0..<contacts {
            let number = 900_000_000 + (Int(seed % 1_000) * 7_919 + index * 104_729) % 100_000_000
            text += "Customer \(index),0\(number)\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
