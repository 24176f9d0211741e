import CampaignDSL
import Dialer
import Foundation

/// `dialerd run`: installs changed campaign files, dials what is due now, prints a summary, exits (for cron).
enum RunCommand: Command {
    static let name = "run"
    static let summary = "compile changed campaigns, dial what is due now, print a summary, exit"
    static let help = """
        Usage: dialerd run [--config FILE] [--db PATH] [--for DURATION]

        Compiles every new campaign file of the campaigns folder and merges every
        changed one (new contacts added, removed ones cancelled, numbers now on a
        do-not-call list blocked, history kept), then dials each campaign whose
        hours are open until its window closes, it is done, or --for ends, and
        prints a summary. Calls left in flight by a process that was killed are
        never re-dialed blindly: followed to their end where the telephony still
        has them (Asterisk), else ended as `unknown`, counted against the limits.
        One crontab line runs Dialer:

          */5 * * * *  dialerd run --config /etc/dialer/dialerd.conf

        SIGTERM or SIGINT drains: no new calls, calls in flight end, state saved.

        Options:
          --config FILE      the daemon config (default: dialer.db, campaigns/ and
                             reports/ in the current folder, the simulated network)
          --db PATH          the database (overrides the config)
          --for DURATION     dial at most this long, e.g. 30m, 2h
          -h, --help         show this help

        Exit status: 0 done, 1 the config or a campaign file has errors (the other
        campaigns still dial), 2 bad usage or an unusable folder or database
        (damaged, disk full), 3 another dialerd holds the database (nothing was
        done: an overlapping cron run).
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: ["config", "db", "for"], flagOptions: [])
        } catch {
            return usageFailure(error)
        }
        guard arguments.positional.isEmpty else { return usageFailure(UsageError("run takes no file; campaigns come from the config's folder")) }
        var duration: TimeInterval?
        if let text = arguments.value("for") {
            guard let seconds = DurationText.seconds(text), seconds > 0 else {
                return usageFailure(UsageError("--for must be a duration such as 30m or 2h, not '\(text)'"))
            }
            duration = TimeInterval(seconds)
        }
        let config: DaemonConfig
        switch DaemonSetup.config(arguments, command: name) {
        case .loaded(let value): config = value
        case .failed(let code): return code
        }
        let stop = StopSignal()
        DaemonSetup.watchSignals(stop: stop, reload: StopSignal())
        let daemon = Daemon(options: DaemonOptions(config: config, duration: duration), logger: DaemonSetup.logger(config),
                            stop: stop, reload: StopSignal())
        let report: DaemonRunReport
        do {
            report = try daemon.run()
        } catch {
            return DaemonSetup.failure(error, command: name)
        }
        var inputErrors = false
        for (_, outcome) in report.installs {
            guard case .hasErrors(let check) = outcome else { continue }
            inputErrors = true
            let renderer = DiagnosticRenderer(sources: check.sources, color: Terminal.colorOnStandardError)
            Terminal.error(renderer.render(check.diagnostics))
        }
        Terminal.out(RunPrinter.describe(report, telephony: config.telephony))
        if RunPrinter.anyFailed(report) { return .usageOrEnvironment }
        return inputErrors ? .inputHasErrors : .success
    }
}
