import Dialer
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running Asterisk lab (`Tests/AsteriskLab/lab.sh`): a pbx that `dialerd` drives over AMI and a
/// carrier that plays the customers over a PJSIP trunk, on loopback. Stopped when released.
final class Lab {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repositoryRoot.appendingPathComponent("Tests/AsteriskLab/lab.sh").path

    /// The Asterisk `lab.sh find` chose, or why there is none (then every lab test is skipped, saying so).
    static let found: (asterisk: String?, reason: String) = {
        let result = ChildProcess.run(["bash", script, "find"])
        let text = (result.stdout + result.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
        if result.status == 0 { return (text, "Asterisk: \(text)") }
        let reason = "no Asterisk for the lab tests, so they are skipped: \(text)"
        FileHandle.standardError.write(Data("AsteriskLabTests: \(reason)\n".utf8))
        return (nil, reason)
    }()

    static var isAvailable: Bool { found.asterisk != nil }

    let directory: URL
    /// What `lab.sh start` printed: `AMI_PORT`, `AMI_SECRET`, `TRUNK_TEMPLATE`, `LOCAL_TEMPLATE`, …
    let settings: [String: String]
    private var running = true

    /// Starts a lab whose queue has `agents` as members.
    init(agents: [String]) throws {
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("dlab-" + UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let result = ChildProcess.run(["bash", Self.script, "start", directory.path],
                               environment: ["AGENTS": agents.joined(separator: ","), "AMI_SECRET": "lab-" + UUID().uuidString])
        let printed = result.stdout
        guard result.status == 0 else {
            _ = ChildProcess.run(["bash", Self.script, "stop", directory.path])
            throw LabError("lab.sh start failed (\(result.status)): \(printed)\(result.stderr)")
        }
        var settings: [String: String] = [:]
        for line in printed.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            settings[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        self.settings = settings
    }

    deinit { stop() }

    var amiPort: String { settings["AMI_PORT"] ?? "0" }
    var secret: String { settings["AMI_SECRET"] ?? "" }

    /// Runs one CLI command on the `pbx` or the `carrier`; its output.
    @discardableResult
    func cli(_ instance: String, _ command: String) -> String {
        ChildProcess.run(["bash", Self.script, "cli", directory.path, instance, command]).stdout
    }

    /// Kills one instance, cutting its calls off, and starts it again on the same ports, in the
    /// background (it is down a second or two): wait for the returned program to know it is back.
    func restart(_ instance: String) throws -> ChildProcess.Running {
        try ChildProcess.start(["bash", Self.script, "restart", directory.path, instance])
    }

    func stop() {
        guard running else { return }
        running = false
        _ = ChildProcess.run(["bash", Self.script, "stop", directory.path])
        try? FileManager.default.removeItem(at: directory)
    }
}

struct LabError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
