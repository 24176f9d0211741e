import Dialer
import Foundation

/// Every subcommand, in the order `dialerd --help` lists them.
enum CommandList {
    static var all: [any Command.Type] {
        [
            CheckCommand.self, FmtCommand.self, ExplainCommand.self, SimulateCommand.self, ReportCommand.self,
            RunCommand.self, ServeCommand.self, StatusCommand.self, PauseCommand.self, ResumeCommand.self,
            BackupCommand.self, AgentsCommand.self, UsersCommand.self, CompletionsCommand.self,
        ]
    }

    /// The command called `name`.
    static func named(_ name: String) -> (any Command.Type)? {
        all.first { $0.name == name }
    }

    /// The options a command's help lists (`--config`, `--json`, …), read from its `Options:` section,
    /// with the scenario's parameters for `simulate` (its `--KEY VALUE`).
    static func options(of command: any Command.Type) -> [String] {
        var options = optionsListed(in: command.help)
        if command == SimulateCommand.self { options += SimulationScenario.keys.map { "--" + $0 } }
        var seen = Set<String>()
        return options.filter { seen.insert($0).inserted }
    }

    private static func optionsListed(in help: String) -> [String] {
        var options: [String] = []
        var inOptions = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("Options:") {
                inOptions = true
                continue
            }
            guard inOptions else { continue }
            if !text.hasPrefix("-") {
                if !text.isEmpty && !line.hasPrefix(" ") { inOptions = false }
                continue
            }
            for word in text.split(separator: " ") where word.hasPrefix("--") {
                let option = String(word.prefix { $0 != "=" && $0 != "," && $0 != "[" })
                // `--KEY VALUE` stands for a family of options, which the command adds itself.
                if option.dropFirst(2).allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) { options.append(option) }
            }
        }
        return options
    }
}
