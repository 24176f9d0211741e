import CampaignDSL
import Dialer
import Foundation

/// `parse`: a generated campaign file is parsed and checked (target: 10,000 lines in ≤ 50 ms).
enum ParseBenchmark {
    static let name = "parse"
    static let summary = "parse and check a generated campaign file (target: 10,000 lines in ≤ 50 ms)"
    static let options: Set<String> = ["lines", "seed", "runs"]

    static func run(_ arguments: CommandArguments) throws -> BenchmarkReport {
        let lines = Int(arguments.value("lines") ?? "10000") ?? 10_000
        let seed = UInt64(arguments.value("seed") ?? "1") ?? 1
        let runs = Int(arguments.value("runs") ?? "20") ?? 20
        guard (100...1_000_000).contains(lines), (1...1_000).contains(runs) else {
            throw UsageError("--lines must be 100–1000000 and --runs 1–1000")
        }
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dialer-bench-parse-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["lists", "dnc"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try "Mobile,Home,Full name,Plan,Country,Status\n0912345678,,An,basic,VN,active\n"
            .write(to: folder.appendingPathComponent("lists/generated.csv"), atomically: true, encoding: .utf8)
        try "+84912345679\n".write(to: folder.appendingPathComponent("dnc/opt-outs.txt"), atomically: true, encoding: .utf8)
        let source = CampaignSourceGenerator.generate(lines: lines, seed: seed)
        let file = folder.appendingPathComponent("generated.campaign")
        try source.write(to: file, atomically: true, encoding: .utf8)

        var timings: [Double] = []
        var diagnostics = 0
        for _ in 0..<runs {
            let (result, seconds) = measure { CampaignChecker.check(file: file.path, environment: DialerEnvironment()) }
            guard result.spec != nil else {
                throw UsageError("the generated campaign has errors: \(result.diagnostics.first?.message ?? "?")")
            }
            diagnostics = result.diagnostics.count
            timings.append(seconds)
        }
        timings.sort()
        let actualLines = source.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        return BenchmarkReport(
            benchmark: name,
            setting: "\(actualLines) lines (\(source.utf8.count / 1024) KiB), \(runs) runs, seed \(seed), \(diagnostics) warnings",
            command: "swift run -c release dialer-bench parse --lines \(lines) --seed \(seed) --runs \(runs)",
            figures: [
                Figure("parse_check_median_ms", timings[timings.count / 2] * 1000, target: "≤ 50"),
                Figure("parse_check_min_ms", timings[0] * 1000),
                Figure("lines_per_second", Double(actualLines) / timings[timings.count / 2], decimals: 0),
                Figure("peak_rss_mb", peakResidentMegabytes(), decimals: 1),
            ])
    }
}
