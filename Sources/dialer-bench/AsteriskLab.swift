import Dialer
import Foundation

/// The Asterisk lab of `Tests/AsteriskLab/lab.sh` (its README explains it): a pbx the driver
/// reaches over AMI and a carrier that plays the customers over a PJSIP trunk, on loopback.
/// Stopped by ``stop()`` or when released.
final class AsteriskLab {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repositoryRoot.appendingPathComponent("Tests/AsteriskLab/lab.sh").path

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// The Asterisk the lab would run; throws saying why there is none (`lab.sh find` exits 1).
    static func find() throws -> String {
        let result = ChildProcess.run(["bash", script, "find"])
        let text = (result.stdout + result.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0 else {
            throw Unavailable(description: "no Asterisk for the lab, so nothing was measured: \(text)")
        }
        return text
    }

    let directory: String
    /// What `lab.sh start` printed: `AMI_HOST`, `AMI_PORT`, `AMI_USER`, `AMI_SECRET`, `TRUNK_TEMPLATE`, …
    let settings: [String: String]
    private var running = true
    /// Ctrl-C and SIGTERM stop the lab before the benchmark ends.
    private var interruptions: [any DispatchSourceSignal] = []

    /// Starts a lab whose queue `campaign` has `agents` as static members.
    init(agents: [String]) throws {
        directory = "/tmp/dbench-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let secret = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let result = ChildProcess.run(["bash", Self.script, "start", directory],
                                   environment: ["AGENTS": agents.joined(separator: ","), "AMI_SECRET": secret])
        guard result.status == 0 else {
            _ = ChildProcess.run(["bash", Self.script, "stop", directory])
            try? FileManager.default.removeItem(atPath: directory)
            throw Unavailable(description: "lab.sh start failed (exit \(result.status)): \(result.stdout)\(result.stderr)")
        }
        var settings: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            settings[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        self.settings = settings
        stopOnInterruption()
    }

    deinit { stop() }

    /// A setting `lab.sh start` printed; throws when it printed none.
    func setting(_ key: String) throws -> String {
        guard let value = settings[key], !value.isEmpty else {
            throw Unavailable(description: "lab.sh start printed no \(key)")
        }
        return value
    }

    /// Stops both instances, frees the ports and removes the lab's folder.
    func stop() {
        guard running else { return }
        running = false
        interruptions.forEach { $0.cancel() }
        for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
        Self.stop(directory)
    }

    private static func stop(_ directory: String) {
        _ = ChildProcess.run(["bash", script, "stop", directory])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// On SIGINT or SIGTERM: stops the lab and exits 130, so no Asterisk outlives an interrupted run.
    private func stopOnInterruption() {
        let directory = directory
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileHandle.standardError.write(Data("dialer-bench asterisk: interrupted; stopping the lab\n".utf8))
                Self.stop(directory)
                exit(130)
            }
            source.resume()
            interruptions.append(source)
        }
    }
}
