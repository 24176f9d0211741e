import CampaignDSL
import Dialer
import Foundation

/// `dialerd backup PATH`: an online copy of a live database.
enum BackupCommand: Command {
    static let name = "backup"
    static let summary = "copy the live database to a new file (SQLite online backup)"
    static let help = """
        Usage: dialerd backup PATH [--config FILE] [--db PATH]

        Copies the database to PATH (which must not exist; mode 0600) with SQLite's
        online backup, safe while a daemon dials, then checks the copy's integrity.
        To restore: stop the daemon, move the copy into the database's place
        (remove the old -wal and -shm files), start the daemon.

        Options:
          --config FILE      the daemon config
          --db PATH          the database (overrides the config)
          -h, --help         show this help

        Exit status: 0 done, 1 the config has errors, 2 bad usage, PATH exists, or
        no usable database.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: ["config", "db"], flagOptions: [])
        } catch {
            return usageFailure(error)
        }
        guard arguments.positional.count == 1, let target = arguments.positional.first else {
            return usageFailure(UsageError("name exactly one file to write the backup to"))
        }
        let config: DaemonConfig
        switch DaemonSetup.config(arguments, command: name) {
        case .loaded(let value): config = value
        case .failed(let code): return code
        }
        do {
            try CampaignControl.backup(databasePath: config.databasePath, to: target)
            Terminal.out("backed up \(config.databasePath) to \(target)")
            return .success
        } catch {
            Terminal.error("dialerd backup: \(error)")
            return .usageOrEnvironment
        }
    }
}
