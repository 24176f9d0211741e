import CampaignDSL
import Dialer

/// `dialerd explain FILE`: the campaign in plain words, with counts from its lists.
enum ExplainCommand: Command {
    static let name = "explain"
    static let summary = "say in plain words what a campaign will do"
    static let help = """
        Usage: dialerd explain FILE

        Checks the campaign, reads its lists and says in plain words what it will
        do: how many contacts will be called and how many are left out (invalid,
        duplicate, do-not-call, unreadable rows), when calls are made and in which
        time zones, the dialing mode and its limits, which agent gets which
        contacts (with owners named in a list who are not on the team), the
        retries, the dispositions, the text messages that go out and the
        reports' schedule. Nothing is dialed and no database is written.

        Options:
          -h, --help   show this help

        Exit status: 0 done, 1 the campaign or its lists have errors, 2 bad usage.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: [], flagOptions: [])
        } catch {
            return usageFailure(error)
        }
        guard arguments.positional.count == 1, let path = arguments.positional.first else {
            return usageFailure(UsageError("name exactly one campaign file"))
        }
        let result = CampaignChecker.check(file: path, environment: DialerEnvironment())
        let renderer = DiagnosticRenderer(sources: result.sources, color: Terminal.colorOnStandardError)
        guard let spec = result.spec, !result.hasErrors else {
            Terminal.error(renderer.render(result.diagnostics))
            return .inputHasErrors
        }
        if !result.diagnostics.isEmpty { Terminal.error(renderer.render(result.diagnostics)) }
        do {
            Terminal.out(try CampaignExplainer.explain(spec))
            return .success
        } catch let error as CompileError {
            Terminal.error("dialerd explain: \(error.description)")
            return .inputHasErrors
        } catch {
            Terminal.error("dialerd explain: \(error)")
            return .usageOrEnvironment
        }
    }
}
