import CampaignDSL
import Foundation

/// The backend each campaign worker dials through, ready to be built on the worker's thread.
enum DaemonTelephony: Sendable {
    /// The simulated network played on a scaled clock.
    case simulated(SimulationParameters, ScaledClock)
    /// An Asterisk server; the secret was read from its environment variable at start-up.
    case asterisk(AsteriskConfiguration, secret: String)

    /// The backend the config names. Asterisk's settings are checked and its secret read now,
    /// so a bad setting stops the daemon at start-up with every problem named.
    static func make(_ settings: TelephonySettings, store: CampaignStore,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DaemonTelephony {
        switch settings {
        case .simulated(let simulated):
            return .simulated(SimulationParameters(seed: simulated.seed),
                              try DaemonClockFactory.clock(for: simulated, store: store))
        case .asterisk(let asterisk):
            let configuration = configuration(asterisk)
            let problems = configuration.problems
            guard problems.isEmpty else {
                throw EnvironmentError("the Asterisk settings cannot be used: " + problems.joined(separator: "; "))
            }
            do {
                return .asterisk(configuration, secret: try configuration.secret(from: environment))
            } catch {
                throw EnvironmentError("\(error)")
            }
        }
    }

    /// The driver's configuration from the daemon config; what the config leaves out takes the driver's defaults.
    static func configuration(_ settings: AsteriskSettings) -> AsteriskConfiguration {
        var configuration = AsteriskConfiguration(
            host: settings.host, port: UInt16(clamping: settings.port), username: settings.username,
            secretVariable: settings.secret.variable, channelTemplate: settings.channel)
        if let context = settings.context { configuration.context = context }
        if let exten = settings.extension_ { configuration.exten = exten }
        if let priority = settings.priority { configuration.priority = priority }
        configuration.callerIDName = settings.callerIDName
        configuration.defaultCallerID = settings.callerID
        configuration.queue = settings.queue
        if let amd = settings.amd { configuration.reportsAMD = amd }
        if let percent = settings.amdFalsePositivePercent { configuration.machineFalsePositiveShare = percent / 100 }
        if let lines = settings.lines { configuration.lines = lines }
        if let rate = settings.callsPerSecond { configuration.callsPerSecond = rate }
        if let prefix = settings.callKeyPrefix { configuration.callKeyPrefix = prefix }
        configuration.recordingVariable = settings.recordingVariable
        if let variable = settings.callVariable { configuration.callVariable = variable }
        if let seconds = settings.pingInterval { configuration.pingInterval = seconds }
        if let seconds = settings.reconnectDelay { configuration.reconnectDelay = seconds }
        if let seconds = settings.maxReconnectDelay { configuration.maxReconnectDelay = seconds }
        if let seconds = settings.connectTimeout { configuration.connectTimeout = seconds }
        if let seconds = settings.maxQueueDelay { configuration.maxQueueDelay = seconds }
        return configuration
    }

    /// How long `run` waits for an unavailable backend before it gives up: the longest a call
    /// may wait for a line (Asterisk's longest queue delay); the simulated network is always there.
    var unavailableGiveUp: TimeInterval? {
        switch self {
        case .simulated: nil
        case .asterisk(let configuration, _): configuration.maxQueueDelay
        }
    }

    /// The daemon's clock: scaled for the simulated network, the wall clock for a real one.
    var clock: any Clock {
        switch self {
        case .simulated(_, let clock): clock
        case .asterisk: WallClock()
        }
    }
}
