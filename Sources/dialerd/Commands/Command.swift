import Dialer

/// A `dialerd` subcommand: its help text and what it does.
protocol Command {
    /// The word after `dialerd`.
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The full `--help` text.
    static var help: String { get }
    /// Runs with the words after the command's name (help has been handled).
    static func run(_ words: [String]) -> ExitCode
}

extension Command {
    /// Runs, answering `--help` and `-h` first and turning usage errors into exit code 2.
    static func main(_ words: [String]) -> ExitCode {
        if words.contains("--help") || words.contains("-h") {
            Terminal.out(help)
            return .success
        }
        return run(words)
    }

    /// Reports a usage error with a pointer to the help.
    static func usageFailure(_ error: UsageError) -> ExitCode {
        Terminal.error("dialerd \(name): \(error.description)\nSee 'dialerd \(name) --help'.")
        return .usageOrEnvironment
    }
}
