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
        let result = Shell.run(["bash", script, "find"])
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
        let result = Shell.run(["bash", Self.script, "start", directory.path],
                               environment: ["AGENTS": agents.joined(separator: ","), "AMI_SECRET": "lab-" + UUID().uuidString])
        let printed = result.stdout
        guard result.status == 0 else {
            _ = Shell.run(["bash", Self.script, "stop", directory.path])
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
        Shell.run(["bash", Self.script, "cli", directory.path, instance, command]).stdout
    }

    /// Kills one instance, cutting its calls off, and starts it again on the same ports.
    func restart(_ instance: String) {
        _ = Shell.run(["bash", Self.script, "restart", directory.path, instance])
    }

    func stop() {
        guard running else { return }
        running = false
        _ = Shell.run(["bash", Self.script, "stop", directory.path])
        try? FileManager.default.removeItem(at: directory)
    }
}

struct LabError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs programs and waits for them, with `posix_spawn` and `waitpid` (Foundation's `Process` can miss
/// the exit of a child whose own children, Asterisk's daemons, live on). Output goes through files.
enum Shell {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// A program started in the background; killed when released if it still runs.
    final class Running {
        let pid: pid_t
        let stdout: String
        let stderr: String
        private var status: Int32?

        init(pid: pid_t, stdout: String, stderr: String) {
            self.pid = pid
            self.stdout = stdout
            self.stderr = stderr
        }

        deinit { if status == nil { stop(SIGKILL) } }

        /// Sends `signal` and waits for the program to end; its exit status.
        @discardableResult
        func stop(_ signal: Int32 = SIGTERM) -> Int32 {
            if status == nil { kill(pid, signal) }
            return wait()
        }

        /// Waits for the program to end; its exit status (128 + the signal when one ended it).
        @discardableResult
        func wait() -> Int32 {
            if let status { return status }
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            let signal = raw & 0x7f
            let result = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
            status = result
            return result
        }

        var output: String { (try? String(contentsOfFile: stdout, encoding: .utf8)) ?? "" }
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) -> Output {
        do {
            let running = try start(arguments, in: directory, environment: environment)
            let status = running.wait()
            defer {
                try? FileManager.default.removeItem(atPath: running.stdout)
                try? FileManager.default.removeItem(atPath: running.stderr)
            }
            return Output(status: status, stdout: running.output,
                          stderr: (try? String(contentsOfFile: running.stderr, encoding: .utf8)) ?? "")
        } catch {
            return Output(status: 127, stdout: "", stderr: "cannot start \(arguments[0]): \(error)")
        }
    }

    /// Starts `arguments` (found on PATH) in `directory`, its output in two temporary files.
    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Running {
        let base = NSTemporaryDirectory() + "/shell-" + UUID().uuidString
        let stdout = base + ".out"
        let stderr = base + ".err"
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        // sh changes into the folder, then becomes the program.
        let words = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory?.path ?? FileManager.default.currentDirectoryPath]
            + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = words.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // No signal blocked nor ignored, whatever the test runner's thread has: Asterisk's manager
        // wakes its sessions with SIGURG, and would deliver events late with it blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        guard result == 0 else { throw LabError("posix_spawn: \(String(cString: strerror(result)))") }
        return Running(pid: pid, stdout: stdout, stderr: stderr)
    }
}
