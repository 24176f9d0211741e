import Dialer
import Foundation
import Synchronization

/// `web`: the web console's CRM API on loopback: authenticated reads per second from N concurrent clients,
/// and contacts added per second in batches (targets: ≥ 5,000 each). Server and clients share this machine.
enum WebBenchmark {
    static let name = "web"
    static let summary = "screen pops with 200 desks and 20 wallboards at 50 connects/s (p99 ≤ 250 ms); CRM API reads/s and contacts added/s (≥ 5000 each)"
    static let options: Set<String> = ["clients", "seconds", "contacts", "batch", "batches", "path", "agents", "boards", "rate",
                                       "pop-seconds"]

    static func run(_ arguments: CommandArguments) throws -> BenchmarkReport {
        let clients = Int(arguments.value("clients") ?? "8") ?? 0
        let seconds = Double(arguments.value("seconds") ?? "5") ?? 0
        let contacts = Int(arguments.value("contacts") ?? "10000") ?? 0
        let batch = Int(arguments.value("batch") ?? "1000") ?? 0
        let batches = Int(arguments.value("batches") ?? "20") ?? 0
        let path = arguments.value("path") ?? "/api/v1/campaigns/\(WebBenchmarkData.campaign)/results?limit=10"
        let agents = Int(arguments.value("agents") ?? "200") ?? 0
        let boards = Int(arguments.value("boards") ?? "20") ?? -1
        let rate = Double(arguments.value("rate") ?? "50") ?? 0
        let popSeconds = Double(arguments.value("pop-seconds") ?? "20") ?? 0
        guard (1...900).contains(agents), (0...100).contains(boards), rate > 0, rate <= 1_000, popSeconds > 0, popSeconds <= 600 else {
            throw UsageError("--agents must be 1–900, --boards 0–100, --rate 0–1000 connects a second, --pop-seconds 0–600")
        }
        guard (1...512).contains(clients), seconds > 0, seconds <= 600, (1...1_000_000).contains(contacts),
              (1...10_000).contains(batch), (1...1_000).contains(batches), path.hasPrefix("/") else {
            throw UsageError("--clients must be 1–512, --seconds 0–600, --contacts 1–1000000, --batch 1–10000, --batches 1–1000")
        }
        let folder = NSTemporaryDirectory() + "dialer-bench-web-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder + "/pops", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pops = try ScreenPopBenchmark.run(agents: agents, boards: boards, connectsPerSecond: rate, seconds: popSeconds,
                                              folder: folder + "/pops")
        let (database, token) = try WebBenchmarkData.make(in: folder, contacts: contacts, at: Date())
        let application = WebApplication(context: try WebContext(databasePath: database))
        let server = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: 0), handler: application.handler)
        defer { server.stop() }
        let base = server.baseURL
        let load = loadAverage()
        let cpuBeforeReads = cpuSeconds()
        let reads = try blocking { try await readLoad(url: base + path, token: token, clients: clients, seconds: seconds) }
        let readCPU = cpuSeconds() - cpuBeforeReads
        let cpuBeforeAdds = cpuSeconds()
        let adds = try blocking { try await addLoad(base: base, token: token, batch: batch, batches: batches) }
        let addCPU = cpuSeconds() - cpuBeforeAdds
        let command = "swift run -c release dialer-bench web --agents \(agents) --boards \(boards) --rate \(Int(rate)) "
            + "--pop-seconds \(Int(popSeconds)) --clients \(clients) --seconds \(Int(seconds)) --contacts \(contacts) "
            + "--batch \(batch) --batches \(batches)"
        var report = BenchmarkReport(
            benchmark: name,
            setting: "\(agents) agent desks and \(boards) wallboards on their event streams while \(Int(rate)) calls a second are "
                + "put through for \(Int(popSeconds)) s (each pop's card rendered from the database); "
                + "\(clients) keep-alive clients on GET \(path) for \(Int(seconds)) s; then \(batches) batches of \(batch) "
                + "contacts (one client) into a campaign of \(contacts); server and clients in one process; "
                + "load average \(load) at the start (the machine is shared)",
            command: command,
            figures: [
                Figure("screen_pop_p50_ms", pops.p50Seconds * 1000), Figure("screen_pop_p99_ms", pops.p99Seconds * 1000, target: "≤ 250"),
                Figure("screen_pop_max_ms", pops.maxSeconds * 1000),
                Figure("screen_pops_missed", Double(pops.expected - pops.pops), decimals: 0, target: "0"),
                Figure("wallboard_events", Double(pops.boardEvents), decimals: 0),
                Figure("memory_per_connected_screen_kb", pops.kilobytesPerDesk, decimals: 0),
                Figure("api_reads_per_second", Double(reads.ok) / reads.seconds, decimals: 0, target: "≥ 5000"),
                Figure("api_read_p50_ms", reads.p50 * 1000), Figure("api_read_p99_ms", reads.p99 * 1000),
                Figure("api_read_errors", Double(reads.failed), decimals: 0, target: "0"),
                Figure("api_read_cpu_ms", readCPU * 1000 / Double(max(1, reads.ok + reads.failed)), decimals: 3,
                       target: "server + client CPU per read"),
                Figure("api_reads_per_cpu_second", Double(reads.ok + reads.failed) / max(readCPU, 1e-9), decimals: 0,
                       target: "×2 cores = the rate on an idle machine"),
                Figure("contacts_added_per_second", Double(adds.added) / adds.seconds, decimals: 0, target: "≥ 5000"),
                Figure("contact_batch_p50_ms", adds.p50 * 1000),
                Figure("contacts_added_per_cpu_second", Double(adds.added) / max(addCPU, 1e-9), decimals: 0),
                Figure("contacts_rejected", Double(adds.rejected), decimals: 0, target: "0"),
                Figure("peak_rss_mb", peakResidentMegabytes(), decimals: 1),
            ])
        report.rows = [["figure", "value", "target"]] + report.figures.map {
            [$0.key, String(format: "%.\($0.decimals)f", $0.value), $0.target ?? ""]
        }
        return report
    }

    /// What a load measured.
    struct Load: Sendable {
        var ok = 0
        var failed = 0
        var seconds = 0.0
        var p50 = 0.0
        var p99 = 0.0
        var added = 0
        var rejected = 0
    }

    /// `clients` loops of GET `url` for `seconds`.
    static func readLoad(url: String, token: String, clients: Int, seconds: Double) async throws -> Load {
        let request = HTTPRequest(url: url, headers: [HTTPHeader("Authorization", "Bearer " + token)])
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds * 1e9)
        let results = try await withThrowingTaskGroup(of: (ok: Int, failed: Int, latencies: [Double]).self) { group in
            for _ in 0..<clients {
                group.addTask {
                    let client = try CurlHTTPClient()
                    var ok = 0
                    var failed = 0
                    var latencies: [Double] = []
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        let began = DispatchTime.now().uptimeNanoseconds
                        let status = (try? await client.send(request))?.status ?? 0
                        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
                        if status == 200 { ok += 1 } else { failed += 1 }
                    }
                    return (ok, failed, latencies)
                }
            }
            var all: [(ok: Int, failed: Int, latencies: [Double])] = []
            for try await result in group { all.append(result) }
            return all
        }
        let latencies = results.flatMap(\.latencies).sorted()
        return Load(ok: results.map(\.ok).reduce(0, +), failed: results.map(\.failed).reduce(0, +),
                    seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                    p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99))
    }

    /// `batches` POSTs of `batch` new contacts each, one after another.
    static func addLoad(base: String, token: String, batch: Int, batches: Int) async throws -> Load {
        let client = try CurlHTTPClient(options: HTTPClientOptions(totalTimeoutMilliseconds: 120_000, maxResponseBytes: 64 << 20))
        var load = Load()
        var latencies: [Double] = []
        let start = DispatchTime.now().uptimeNanoseconds
        for number in 0..<batches {
            let rows = (0..<batch).map { index in
                let serial = 5_000_000 + number * batch + index
                return "{\"external_id\":\"b\(serial)\",\"fields\":{\"Name\":\"Bench \(serial)\",\"Phone\":\"+8492\(String(format: "%07d", serial))\"}}"
            }
            let body = Array(("{\"contacts\":[" + rows.joined(separator: ",") + "]}").utf8)
            let began = DispatchTime.now().uptimeNanoseconds
            let response = try await client.send(HTTPRequest(
                method: "POST", url: base + "/api/v1/campaigns/\(WebBenchmarkData.campaign)/contacts",
                headers: [HTTPHeader("Authorization", "Bearer " + token), HTTPHeader("Content-Type", "application/json")], body: body))
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
            let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
            load.added += object?["accepted"] as? Int ?? 0
            load.rejected += object?["rejected"] as? Int ?? batch
        }
        load.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        latencies.sort()
        load.p50 = percentile(latencies, 0.5)
        return load
    }

    /// User and system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The one-minute load average, as /proc/loadavg says.
    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    /// Runs `work` on the concurrency pool while this (main) thread waits.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
