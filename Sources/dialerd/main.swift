import CampaignDSL
import Foundation

/// The version `dialerd --version` prints.
let version = "0.1.0"

let generalHelp = """
    dialerd: the Dialer campaign daemon and tools

    Usage: dialerd COMMAND [OPTIONS]

    Commands:
    \(CommandList.all.map { "  " + $0.name.padding(toLength: 12, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

    Run 'dialerd COMMAND --help' for a command's options, 'dialerd --version' for the version.
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
        if first == "help", let topic = words.dropFirst().first, let command = CommandList.named(topic) {
            Terminal.out(command.help)
        } else {
            Terminal.out(generalHelp)
        }
        return .success
    }
    if first == "--version" || first == "version" {
        Terminal.out("dialerd \(version)")
        return .success
    }
    guard let command = CommandList.named(first) else {
        let known = CommandList.all.map { $0.name } + ["help", "--help", "--version"]
        let guess = Suggestion.nearest(to: first, in: known).map { "; did you mean '\($0)'?" } ?? ""
        Terminal.error("dialerd: unknown command '\(first)'\(guess)\n\n\(generalHelp)")
        return .usageOrEnvironment
    }
    return command.main(Array(words.dropFirst()))
}

exit(dispatch(Array(CommandLine.arguments.dropFirst())).rawValue)
