/// The exit codes operators and scripts rely on (docs/operations.md).
enum ExitCode: Int32 {
    /// Everything went as asked.
    case success = 0
    /// The input (a campaign file, a list) has errors.
    case inputHasErrors = 1
    /// Bad usage, or the environment (files, database, system) stopped the command.
    case usageOrEnvironment = 2
    /// `run` or `serve` found another `dialerd` holding the database and did nothing (cron overlap).
    case anotherDaemonHolds = 3
}
