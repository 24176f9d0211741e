import Foundation

/// One measured figure. `key` is snake_case with the unit in its name (`wall_seconds`, `peak_rss_mb`).
struct Figure {
    let key: String
    let value: Double
    /// How many decimals the table shows.
    let decimals: Int
    /// A target from the issue, shown beside the figure ("≤ 10", "≥ 40000").
    let target: String?

    init(_ key: String, _ value: Double, decimals: Int = 2, target: String? = nil) {
        self.key = key
        self.value = value
        self.decimals = decimals
        self.target = target
    }
}

/// What one benchmark run measured, with the command that reproduces it.
struct BenchmarkReport {
    let benchmark: String
    let setting: String
    let command: String
    let figures: [Figure]
    /// A table for people instead of one row per figure: a header row, then rows.
    var rows: [[String]] = []

    /// A table for people.
    func table() -> String {
        let width = max(12, figures.map(\.key.count).max() ?? 0)
        var lines = ["\(benchmark): \(setting)", ""]
        if let header = rows.first {
            let widths = header.indices.map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
            for row in rows {
                lines.append(row.enumerated().map { column, cell in
                    column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0) : cell.leftPadded(widths[column])
                }.joined(separator: "  "))
            }
            lines.append("")
            lines.append("reproduce: \(command)")
            return lines.joined(separator: "\n")
        }
        lines.append("figure".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + "value".leftPadded(14) + "  target")
        for figure in figures {
            lines.append(figure.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                         + String(format: "%.\(figure.decimals)f", figure.value).leftPadded(14) + "  " + (figure.target ?? ""))
        }
        lines.append("")
        lines.append("reproduce: \(command)")
        return lines.joined(separator: "\n")
    }

    /// One JSON object: the benchmark, its command, and every figure by key.
    func json() -> String {
        var object: [String: Any] = ["benchmark": benchmark, "command": command, "setting": setting]
        for figure in figures { object[figure.key] = figure.value }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Peak resident memory of this process so far, in MiB (Linux: VmHWM).
/// User and system CPU time of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

/// Seconds taken by `body`, on the monotonic clock.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
