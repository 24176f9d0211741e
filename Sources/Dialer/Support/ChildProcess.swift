package import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs programs for the Asterisk lab's tests and benchmark, with `posix_spawn` and `waitpid`: each
/// starts with no signal blocked and every signal's default action (Asterisk's manager wakes its
/// sessions with SIGURG, and delivers events late with it blocked, as a test runner's threads have
/// it), and its output goes through files (Asterisk's daemons keep what they inherit open, so a pipe
/// would never close).
package enum ChildProcess {
    package struct Output {
        /// The exit status, 128 + the signal when one ended the program.
        package let status: Int32
        package let stdout: String
        package let stderr: String
    }

    /// A program started in the background; killed when released if it still runs.
    package final class Running {
        package let pid: pid_t
        /// The files holding its output.
        package let stdout: String
        package let stderr: String
        private var status: Int32?

        init(pid: pid_t, stdout: String, stderr: String) {
            self.pid = pid
            self.stdout = stdout
            self.stderr = stderr
        }

        deinit { if status == nil { stop(SIGKILL) } }

        /// Sends `signal` and waits for the program to end; its exit status.
        @discardableResult
        package func stop(_ signal: Int32 = SIGTERM) -> Int32 {
            if status == nil { kill(pid, signal) }
            return wait()
        }

        /// Waits for the program to end; its exit status (128 + the signal when one ended it).
        @discardableResult
        package func wait() -> Int32 {
            if let status { return status }
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            let signal = raw & 0x7f
            let result = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
            status = result
            return result
        }

        /// What it has written to its standard output so far.
        package var output: String { (try? String(contentsOfFile: stdout, encoding: .utf8)) ?? "" }
    }

    package static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) -> Output {
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
    package static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Running {
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
        guard result == 0 else { throw SystemCallError(function: "posix_spawn", code: result) }
        return Running(pid: pid, stdout: stdout, stderr: stderr)
    }
}
