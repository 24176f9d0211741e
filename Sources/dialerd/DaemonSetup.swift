import CampaignDSL
import Dialer
import Foundation

/// What the daemon commands share: `--config FILE` and `--db PATH`, the logger, the signals.
enum DaemonSetup {
    /// The config from `--config` (or the defaults), with `--db` applied; on errors, prints them and gives the exit code.
    static func config(_ arguments: CommandArguments, command: String) -> ConfigLoad {
        var config = DaemonConfig()
        if let path = arguments.value("config") {
            let check = DaemonConfigReader.read(file: path)
            if !check.diagnostics.isEmpty {
                let renderer = DiagnosticRenderer(sources: check.sources, color: Terminal.colorOnStandardError)
                Terminal.error(renderer.render(check.diagnostics))
            }
            guard let read = check.config, !check.hasErrors else { return .failed(.inputHasErrors) }
            config = read
        }
        if let database = arguments.value("db") { config.databasePath = database }
        return .loaded(config)
    }

    /// A logfmt logger on standard error at the config's level.
    static func logger(_ config: DaemonConfig) -> Logger {
        Logger(level: LogLevel(rawValue: config.logLevel) ?? .info, showsNumbers: config.logNumbers) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Raises `stop` on SIGTERM and SIGINT, `reload` on SIGHUP. Keep the result alive while they matter.
    static func watchSignals(stop: StopSignal, reload: StopSignal) -> [any DispatchSourceSignal] {
        var sources: [any DispatchSourceSignal] = []
        for (number, flag) in [(SIGTERM, stop), (SIGINT, stop), (SIGHUP, reload)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.raise() }
            source.resume()
            sources.append(source)
        }
        return sources
    }

    /// The exit code and message for an error of `run` or `serve`.
    static func failure(_ error: any Error, command: String) -> ExitCode {
        Terminal.error("dialerd \(command): \(error)")
        return .usageOrEnvironment
    }
}

/// A config read for a command, or the exit code that reading it ended with.
enum ConfigLoad {
    case loaded(DaemonConfig)
    case failed(ExitCode)
}
