import CampaignDSL
import Dialer
import Foundation

/// `report`: a seeded synthetic campaign filled straight into a database with SQL, then the full
/// report set written from it (target: 1 million contacts and 3 million calls in ≤ 10 s).
enum ReportBenchmark {
    static let name = "report"
    static let summary = "write every report for N contacts and M calls (target: 1M + 3M in ≤ 10 s)"
    static let options: Set<String> = ["contacts", "attempts", "agents", "days", "seed"]

    static func run(_ arguments: CommandArguments) throws -> BenchmarkReport {
        let contacts = Int(arguments.value("contacts") ?? "1000000") ?? 0
        let attempts = Int(arguments.value("attempts") ?? String(contacts * 3)) ?? -1
        let agents = Int(arguments.value("agents") ?? "40") ?? 0
        let days = Int(arguments.value("days") ?? "45") ?? 0
        let seed = UInt64(arguments.value("seed") ?? "1") ?? 1
        guard (1...20_000_000).contains(contacts), (0...60_000_000).contains(attempts), (1...10_000).contains(agents),
              (1...3_650).contains(days) else {
            throw UsageError("--contacts must be 1–20000000, --attempts 0–60000000, --agents 1–10000, --days 1–3650")
        }
        let folder = NSTemporaryDirectory() + "dialer-bench-report-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/bench.db"
        let data = ReportBenchmarkData(contacts: contacts, attempts: attempts, agents: agents, days: days, seed: seed)
        let (_, fillSeconds) = try measure { try data.write(to: database) }
        // Linux: "5" resets the peak resident size, so the figure below is the report's own.
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
        let cpuBefore = cpuSeconds()
        let (written, seconds) = try measure {
            try CampaignReports.write(databasePath: database, campaign: ReportBenchmarkData.campaignName, range: .all,
                                      to: folder + "/out", formats: [.csv, .json, .html])
        }
        let cpu = cpuSeconds() - cpuBefore
        // The workbooks apart, so the figure above stays comparable with earlier runs.
        let (_, workbookSeconds) = try measure {
            try CampaignReports.write(databasePath: database, campaign: ReportBenchmarkData.campaignName, range: .all,
                                      to: folder + "/xlsx", formats: [.xlsx])
        }
        var bytes = 0.0
        for file in written.files {
            bytes += Double((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        return BenchmarkReport(
            benchmark: name,
            setting: "\(contacts) contacts, \(attempts) calls over \(days) days, \(agents) agents, seed \(seed); "
                + "results.csv, attempts.csv, summary.json, report.html",
            command: "swift run -c release dialer-bench report --contacts \(contacts) --attempts \(attempts) "
                + "--agents \(agents) --days \(days) --seed \(seed)",
            figures: [
                Figure("report_seconds", seconds, target: "≤ 10 (1M contacts, 3M calls)"),
                Figure("report_cpu_seconds", cpu, target: "user + system; the wall time includes waiting for a shared CPU"),
                Figure("rows_per_second", Double(contacts + attempts) / seconds, decimals: 0),
                Figure("output_mb", bytes / 1_048_576, decimals: 1),
                Figure("xlsx_seconds", workbookSeconds, target: "results.xlsx and attempts.xlsx alone (a separate pass)"),
                Figure("fill_seconds", fillSeconds),
                Figure("calls_in_summary", Double(written.summary.attempts), decimals: 0),
                Figure("peak_rss_mb", peakResidentMegabytes(), decimals: 1, target: "while writing the reports"),
            ])
    }
}
