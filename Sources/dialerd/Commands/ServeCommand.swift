import CampaignDSL
import Dialer
import Foundation

/// `dialerd serve`: stays up and dials every campaign in its windows.
enum ServeCommand: Command {
    static let name = "serve"
    static let summary = "stay up: dial campaigns in their windows, reload on change, drain on SIGTERM"
    static let help = """
        Usage: dialerd serve [--config FILE] [--db PATH]

        Stays up. Each campaign of the campaigns folder dials in its windows and
        sleeps between them. Campaign files are looked at every few seconds and on
        SIGHUP; a changed one is drained and merged, then dials on. SIGTERM or
        SIGINT drains: no new calls, calls in flight end, state saved, exit 0.
        Logs are logfmt lines on standard error; phone numbers are masked.

        Options:
          --config FILE      the daemon config (see docs/operations.md)
          --db PATH          the database (overrides the config)
          -h, --help         show this help

        Exit status: 0 after a drain, 1 the config has errors, 2 bad usage, the lease
        was lost, or an unusable folder or database (damaged, disk full), 3 another
        dialerd holds the database.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: ["config", "db"], flagOptions: [])
        } catch {
            return usageFailure(error)
        }
        guard arguments.positional.isEmpty else { return usageFailure(UsageError("serve takes no file")) }
        let config: DaemonConfig
        switch DaemonSetup.config(arguments, command: name) {
        case .loaded(let value): config = value
        case .failed(let code): return code
        }
        let stop = StopSignal()
        let reload = StopSignal()
        DaemonSetup.watchSignals(stop: stop, reload: reload)
        let daemon = Daemon(options: DaemonOptions(config: config), logger: DaemonSetup.logger(config), stop: stop, reload: reload)
        do {
            try daemon.serve()
            return .success
        } catch {
            return DaemonSetup.failure(error, command: name)
        }
    }
}
