import CampaignDSL
import Dialer
import Foundation
import Synchronization

/// What the daemon commands share: `--config FILE` and `--db PATH`, the logger, the signals.
enum DaemonSetup {
    /// The config from `--config` (or the defaults), with `--db` applied; on errors, prints them and gives the exit code.
    static func config(_ arguments: CommandArguments, command: String) -> ConfigLoad {
        var config = DaemonConfig()
        if let path = arguments.value("config") {
            let check = DaemonConfigReader.read(file: path)
            if !check.diagnostics.isEmpty {
                let renderer = DiagnosticRenderer(sources: check.sources, color: Terminal.colorOnStandardError)
                Terminal.error(renderer.render(check.diagnostics))
            }
            guard let read = check.config, !check.hasErrors else {
                // A config file that cannot be read is the environment's problem, not the input's.
                let unreadable = check.diagnostics.contains { $0.id == "unreadable-file" }
                return .failed(unreadable ? .usageOrEnvironment : .inputHasErrors)
            }
            config = read
        }
        if let database = arguments.value("db") { config.databasePath = database }
        return .loaded(config)
    }

    /// A logfmt logger on standard error at the config's level.
    static func logger(_ config: DaemonConfig) -> Logger {
        Logger(level: LogLevel(rawValue: config.logLevel) ?? .info, showsNumbers: config.logNumbers) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Raises `stop` on SIGTERM and SIGINT, `reload` on SIGHUP: the handlers only
    /// set a flag (async-signal-safe); a watcher thread passes it on within 50 ms.
    static func watchSignals(stop: StopSignal, reload: StopSignal) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in
            receivedSignals.bitwiseOr(number == SIGHUP ? 2 : 1, ordering: .relaxed)
        }
        var handled = sigset_t()
        sigemptyset(&handled)
        for number in [SIGTERM, SIGINT, SIGHUP] {
            sigaction(number, &action, nil)
            sigaddset(&handled, number)
        }
        // A parent may hand down a mask that blocks them (some supervisors and test runners do).
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
        let watcher = Thread {
            while true {
                let received = receivedSignals.exchange(0, ordering: .relaxed)
                if received & 1 != 0 { stop.raise() }
                if received & 2 != 0 { reload.raise() }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        watcher.start()
    }

    /// The exit code and message for an error of `run` or `serve`.
    static func failure(_ error: any Error, command: String) -> ExitCode {
        Terminal.error("dialerd \(command): \(error)")
        return error is LeaseHeld ? .anotherDaemonHolds : .usageOrEnvironment
    }
}

/// A config read for a command, or the exit code that reading it ended with.
enum ConfigLoad {
    case loaded(DaemonConfig)
    case failed(ExitCode)
}

/// Signals received and not yet passed on: 1 a stop (SIGTERM, SIGINT), 2 a reload (SIGHUP).
private let receivedSignals = Atomic<Int>(0)
