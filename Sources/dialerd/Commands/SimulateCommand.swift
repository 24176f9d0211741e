import CampaignDSL
import Dialer
import Foundation

/// `dialerd simulate FILE`: runs a whole campaign on the simulated network in virtual time.
enum SimulateCommand: Command {
    static let name = "simulate"
    static let summary = "run a campaign on the simulated network and write its reports"
    static let help = """
        Usage: dialerd simulate FILE [--out DIR] [--seed N] [--db PATH] [--start YYYY-MM-DD]
                                [--scenario FILE] [--config FILE] [--KEY VALUE]…

        Compiles the campaign and runs it on the simulated network in virtual time,
        from its first calling window until every contact is final, delivers the
        text messages its calls queued (in virtual time: held outside the sending
        hours) to DIR/outbox.jsonl, then writes the reports (results and attempts as
        .csv and .xlsx, summary.json, report.html; see 'dialerd report --help') and,
        when list rows were rejected, DIR/rejects.csv. A day of calling takes well under a second.
        The same seed gives the same results.

        Options:
          --out DIR            where the reports go (default: reports/CAMPAIGN)
          --seed N             seeds the simulated population (default: 1)
          --db PATH            keep the database at PATH (must not exist yet);
                               default: DIR/simulation.db, replaced each run
          --start YYYY-MM-DD   first day to call, in the campaign's zone (default: today)
          --scenario FILE      the simulated network's parameters, `key value` per line
          --config FILE        take the daemon config's `sms` gateway, webhooks and their
                               secrets' variables (default: DIR/outbox.jsonl, no webhooks)
          --KEY VALUE          one parameter, over the scenario's: answer-rate, machine-rate,
                               busy-rate, invalid-rate, ring, talk, wrap, amd on|off,
                               amd-false-positive, answer-by-hour, break-every, …
                               (docs/simulation.md lists them all)
          -h, --help           show this help

        Exit status: 0 done, 1 the campaign or its lists have errors, 2 bad usage
        or an unusable folder or database.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(
                words, valueOptions: Set(["out", "db", "start", "scenario", "config"] + SimulationScenario.keys),
                flagOptions: [])
        } catch {
            return usageFailure(error)
        }
        guard arguments.positional.count == 1, let path = arguments.positional.first else {
            return usageFailure(UsageError("name exactly one campaign file"))
        }
        var parameters = SimulationParameters()
        do {
            if let scenario = arguments.value("scenario") { try SimulationScenario.load(path: scenario, into: &parameters) }
        } catch {
            return usageFailure(UsageError("--scenario: \(error.message)"))
        }
        do {
            for key in SimulationScenario.keys {
                if let value = arguments.value(key) { try SimulationScenario.set(key, to: value, in: &parameters) }
            }
        } catch {
            return usageFailure(UsageError("--\(error.message)"))
        }
        var start: LocalDate?
        if let startText = arguments.value("start") {
            guard let date = Self.parseDay(startText) else {
                return usageFailure(UsageError("--start must be a date like 2026-03-02, not '\(startText)'"))
            }
            start = date
        }
        let campaignName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var request = SimulationRequest(
            campaignPath: path,
            outputDirectory: arguments.value("out") ?? "reports/\(campaignName)",
            databasePath: arguments.value("db"),
            start: start,
            parameters: parameters)
        if let configPath = arguments.value("config") {
            let check = DaemonConfigReader.read(file: configPath)
            if !check.diagnostics.isEmpty {
                Terminal.error(DiagnosticRenderer(sources: check.sources, color: Terminal.colorOnStandardError)
                    .render(check.diagnostics))
            }
            guard let config = check.config, !check.hasErrors else { return .inputHasErrors }
            do {
                request.messaging = try DaemonMessaging.configuration(
                    config, defaultOutbox: Simulator.defaultOutbox(request.outputDirectory))
            } catch {
                Terminal.error("dialerd simulate: \(error)")
                return .usageOrEnvironment
            }
        }
        do {
            let result = try Simulator.run(request)
            Terminal.out(SimulationPrinter.describe(result))
            return .success
        } catch let error as CampaignHasErrors {
            let renderer = DiagnosticRenderer(sources: error.check.sources, color: Terminal.colorOnStandardError)
            Terminal.error(renderer.render(error.check.diagnostics))
            return .inputHasErrors
        } catch let error as CompileError {
            Terminal.error("dialerd simulate: \(error.description)")
            return .inputHasErrors
        } catch {
            Terminal.error("dialerd simulate: \(error)")
            return .usageOrEnvironment
        }
    }

    /// A `YYYY-MM-DD` day, if it is a real date.
    private static func parseDay(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard text.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2] else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard DateComponents(year: year, month: month, day: day).isValidDate(in: calendar) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
