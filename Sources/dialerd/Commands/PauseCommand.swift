import CampaignDSL
import Dialer
import Foundation

/// `dialerd pause CAMPAIGN`.
enum PauseCommand: Command {
    static let name = "pause"
    static let summary = "pause a campaign (a running daemon drains it)"
    static let help = """
        Usage: dialerd pause CAMPAIGN [--config FILE] [--db PATH]

        Pauses the campaign: no new calls are placed; calls in flight end. A
        running daemon sees it within a second. 'dialerd resume CAMPAIGN' undoes it.

        Options:
          --config FILE      the daemon config
          --db PATH          the database (overrides the config)
          -h, --help         show this help

        Exit status: 0 done, 1 the config has errors, 2 bad usage, an unknown
        campaign, or no usable database.
        """

    static func run(_ words: [String]) -> ExitCode {
        CampaignSwitch.run(words, paused: true, command: name)
    }
}

/// `dialerd resume CAMPAIGN`.
enum ResumeCommand: Command {
    static let name = "resume"
    static let summary = "resume a paused campaign"
    static let help = """
        Usage: dialerd resume CAMPAIGN [--config FILE] [--db PATH]

        Resumes a paused campaign: a running daemon starts dialing it again within
        seconds (in its hours); otherwise the next 'dialerd run' does.

        Options:
          --config FILE      the daemon config
          --db PATH          the database (overrides the config)
          -h, --help         show this help

        Exit status: 0 done, 1 the config has errors, 2 bad usage, an unknown
        campaign, or no usable database.
        """

    static func run(_ words: [String]) -> ExitCode {
        CampaignSwitch.run(words, paused: false, command: name)
    }
}

/// What pause and resume share.
private enum CampaignSwitch {
    static func run(_ words: [String], paused: Bool, command: String) -> ExitCode {
        func usage(_ message: String) -> ExitCode {
            Terminal.error("dialerd \(command): \(message)\nSee 'dialerd \(command) --help'.")
            return .usageOrEnvironment
        }
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: ["config", "db"], flagOptions: [])
        } catch {
            return usage(error.description)
        }
        guard arguments.positional.count == 1, let campaign = arguments.positional.first else {
            return usage("name exactly one campaign")
        }
        let config: DaemonConfig
        switch DaemonSetup.config(arguments, command: command) {
        case .loaded(let value): config = value
        case .failed(let code): return code
        }
        let who = "\(ProcessInfo.processInfo.userName) via dialerd \(command)"
        do {
            try CampaignControl.setPaused(paused, campaign: campaign, databasePath: config.databasePath, by: who)
            Terminal.out("\(campaign): \(paused ? "paused" : "resumed")")
            return .success
        } catch {
            Terminal.error("dialerd \(command): \(error)")
            return .usageOrEnvironment
        }
    }
}
