import CampaignDSL
import Dialer
import Foundation

/// The benchmarks, by name.
let benchmarks: [(name: String, summary: String, options: Set<String>, run: (CommandArguments) throws -> BenchmarkReport)] = [
    (ParseBenchmark.name, ParseBenchmark.summary, ParseBenchmark.options, ParseBenchmark.run),
    (CompileBenchmark.name, CompileBenchmark.summary, CompileBenchmark.options, CompileBenchmark.run),
    (EngineBenchmark.name, EngineBenchmark.summary, EngineBenchmark.options, EngineBenchmark.run),
    (PacingBenchmark.name, PacingBenchmark.summary, PacingBenchmark.options, PacingBenchmark.run),
    (ReportBenchmark.name, ReportBenchmark.summary, ReportBenchmark.options, ReportBenchmark.run),
    (AsteriskBenchmark.name, AsteriskBenchmark.summary, AsteriskBenchmark.options, AsteriskBenchmark.run),
    (WebBenchmark.name, WebBenchmark.summary, WebBenchmark.options, WebBenchmark.run),
]

let usage = """
    Usage: swift run -c release dialer-bench NAME [OPTIONS] [--json]

    Benchmarks:
    \(benchmarks.map { "  " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

    Prints a table and the command that reproduces it; --json prints one JSON object instead.
    """

/// Where each benchmark's options and figures are explained.
let guides = [
    "asterisk": "docs/asterisk.md", "compile": "docs/contacts.md", "pacing": "docs/simulation.md", "report": "docs/reports.md",
    "web": "docs/web.md",
]

/// `dialer-bench NAME --help`: the benchmark's options (each takes a value) and where it is explained.
func help(name: String, summary: String, options: Set<String>) -> String {
    let guide = guides[name].map { "\n\n\($0) explains what it measures and what its options mean." } ?? ""
    return """
        Usage: swift run -c release dialer-bench \(name) [OPTIONS] [--json]

        \(name): \(summary)

        Options:
        \(options.sorted().map { "  --\($0) VALUE" }.joined(separator: "\n"))
          --json             one JSON object instead of the table
          -h, --help         show this help\(guide)
        """
}

@MainActor
func main() -> Int32 {
    let words = Array(CommandLine.arguments.dropFirst())
    guard let name = words.first, !name.hasPrefix("-") else {
        print(usage)
        return words.isEmpty || words.contains("--help") ? 0 : 2
    }
    guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
        let guess = Suggestion.nearest(to: name, in: benchmarks.map { $0.name }).map { "; did you mean '\($0)'?" } ?? ""
        FileHandle.standardError.write(Data("dialer-bench: unknown benchmark '\(name)'\(guess)\n\n\(usage)\n".utf8))
        return 2
    }
    if words.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" }) {
        print(help(name: benchmark.name, summary: benchmark.summary, options: benchmark.options))
        return 0
    }
    do {
        let arguments = try CommandArguments(Array(words.dropFirst()), valueOptions: benchmark.options, flagOptions: ["json"])
        let report = try benchmark.run(arguments)
        print(arguments.has("json") ? report.json() : report.table())
        return 0
    } catch {
        FileHandle.standardError.write(Data("dialer-bench \(name): \(error)\n".utf8))
        return 2
    }
}

exit(main())
