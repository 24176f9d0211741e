import Foundation

/// Every subcommand, in the order `dialerd --help` lists them.
let commands: [any Command.Type] = [
    CheckCommand.self, FmtCommand.self, ExplainCommand.self, SimulateCommand.self, ReportCommand.self, RunCommand.self,
    ServeCommand.self, StatusCommand.self, PauseCommand.self, ResumeCommand.self, BackupCommand.self, AgentsCommand.self,
]

let generalHelp = """
    dialerd: the Dialer campaign daemon and tools

    Usage: dialerd COMMAND [OPTIONS]

    Commands:
    \(commands.map { "  " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

    Run 'dialerd COMMAND --help' for a command's options.
    Exit status: 0 ok, 1 the input has errors, 2 usage or environment problem,
    3 another dialerd holds the database (run, serve).
    """

@MainActor
func dispatch(_ words: [String]) -> ExitCode {
    guard let first = words.first else {
        Terminal.error(generalHelp)
        return .usageOrEnvironment
    }
    if first == "--help" || first == "-h" || first == "help" {
        if first == "help", let topic = words.dropFirst().first, let command = commands.first(where: { $0.name == topic }) {
            Terminal.out(command.help)
        } else {
            Terminal.out(generalHelp)
        }
        return .success
    }
    guard let command = commands.first(where: { $0.name == first }) else {
        Terminal.error("dialerd: unknown command '\(first)'\n\n\(generalHelp)")
        return .usageOrEnvironment
    }
    return command.main(Array(words.dropFirst()))
}

exit(dispatch(Array(CommandLine.arguments.dropFirst())).rawValue)
