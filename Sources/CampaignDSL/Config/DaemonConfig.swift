/// The daemon's own settings, read from its config file (`dialerd.conf`).
///
/// Paths are resolved against the config file's folder. Secrets are never
/// written in the file: a ``SecretReference`` names the environment variable
/// that holds them.
public struct DaemonConfig: Sendable, Hashable {
    /// The SQLite database.
    public var databasePath: String
    /// The folder whose `*.campaign` files the daemon compiles and dials.
    public var campaignsFolder: String
    /// Where each campaign's reports are written (a folder per campaign).
    public var reportsFolder: String
    /// `error`, `warning`, `info` or `debug`.
    public var logLevel: String
    /// Whether logs may show phone numbers in full (masked by default).
    public var logNumbers: Bool
    /// The telephony backend.
    public var telephony: TelephonySettings
    /// Where text messages go (the `outbox` file by default) and how.
    public var sms: SMSGatewaySettings
    /// URLs that receive each call's result and each contact's final result, by name.
    public var webhooks: [WebhookSettings]
    /// The URL template an agent's browser opens when a call is answered (`{agent}`, `{number}`, …).
    public var screenPop: String?
    /// The web server of `dialerd serve` (the `http` block); nil serves none.
    public var http: HTTPSettings?

    /// The settings used without a config file: paths relative to the working folder, the simulated network.
    public init(databasePath: String = "dialer.db", campaignsFolder: String = "campaigns",
                reportsFolder: String = "reports", logLevel: String = "info", logNumbers: Bool = false,
                telephony: TelephonySettings = .simulated(SimulatedTelephonySettings()),
                sms: SMSGatewaySettings = SMSGatewaySettings(), webhooks: [WebhookSettings] = [], screenPop: String? = nil,
                http: HTTPSettings? = nil) {
        self.databasePath = databasePath
        self.campaignsFolder = campaignsFolder
        self.reportsFolder = reportsFolder
        self.logLevel = logLevel
        self.logNumbers = logNumbers
        self.telephony = telephony
        self.sms = sms
        self.webhooks = webhooks
        self.screenPop = screenPop
        self.http = http
    }

    /// The log levels a config may name, least detailed first.
    public static let logLevels = ["error", "warning", "info", "debug"]
}

/// Which telephony backend the daemon dials through, with its settings.
public enum TelephonySettings: Sendable, Hashable {
    case simulated(SimulatedTelephonySettings)
    case asterisk(AsteriskSettings)
}

/// The simulated network: for trials, demos and the torture test.
public struct SimulatedTelephonySettings: Sendable, Hashable {
    /// Seeds the simulated population.
    public var seed: UInt64
    /// How many times faster than the wall clock the daemon's clock runs (1 = real time).
    public var timeScale: Double
    /// Where the daemon's clock starts on a database's first run (then it runs on
    /// from there across restarts); nil for now.
    public var start: ClockStart?

    public init(seed: UInt64 = 1, timeScale: Double = 1, start: ClockStart? = nil) {
        self.seed = seed
        self.timeScale = timeScale
        self.start = start
    }
}

/// A local date and time in a named zone.
public struct ClockStart: Sendable, Hashable {
    public var date: LocalDate
    public var time: TimeOfDay
    /// An IANA zone name.
    public var timeZone: String

    public init(date: LocalDate, time: TimeOfDay, timeZone: String) {
        self.date = date
        self.time = time
        self.timeZone = timeZone
    }
}

/// Asterisk through its Manager Interface (docs/asterisk.md). Settings left nil
/// take the driver's defaults.
public struct AsteriskSettings: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String
    public var secret: SecretReference
    /// The channel to dial, with `{number}` for the E.164 number, e.g. `PJSIP/{number}@trunk`.
    public var channel: String
    /// Where an answered call goes in the dialplan.
    public var context: String?
    public var extension_: String?
    public var priority: Int?
    /// The caller id name shown with the campaign's number.
    public var callerIDName: String?
    /// The caller id number when the campaign sets none.
    public var callerID: String?
    /// The queue whose members are the agents.
    public var queue: String?
    /// Whether the dialplan reports AMD verdicts.
    public var amd: Bool?
    /// The share of persons AMD takes for machines, in percent.
    public var amdFalsePositivePercent: Double?
    /// The most calls in progress on the trunk.
    public var lines: Int?
    /// The most originations per second.
    public var callsPerSecond: Double?
    /// Prepended to attempt ids to make call keys; one per database sharing an Asterisk.
    public var callKeyPrefix: String?
    /// The channel variable holding a call's recording (e.g. `MIXMONITOR_FILENAME`); nil records none.
    public var recordingVariable: String?
    /// The channel variable carrying the call key (`call-variable`; default `DIALER_CALL`).
    public var callVariable: String?
    /// Seconds of silence before a `Ping` (`ping-interval`).
    public var pingInterval: Double?
    /// The first and the longest wait before reconnecting, in seconds.
    public var reconnectDelay: Double?
    public var maxReconnectDelay: Double?
    /// Seconds a TCP connection, a login or a write may take.
    public var connectTimeout: Double?
    /// The longest a call waits for a line (or for an unreachable manager) before it is given back undialed.
    public var maxQueueDelay: Double?

    public init(host: String, port: Int = 5038, username: String, secret: SecretReference, channel: String,
                context: String? = nil, extension_: String? = nil, priority: Int? = nil, callerIDName: String? = nil,
                callerID: String? = nil, queue: String? = nil, amd: Bool? = nil, amdFalsePositivePercent: Double? = nil,
                lines: Int? = nil, callsPerSecond: Double? = nil, callKeyPrefix: String? = nil,
                recordingVariable: String? = nil, callVariable: String? = nil, pingInterval: Double? = nil,
                reconnectDelay: Double? = nil, maxReconnectDelay: Double? = nil, connectTimeout: Double? = nil,
                maxQueueDelay: Double? = nil) {
        self.callVariable = callVariable
        self.pingInterval = pingInterval
        self.reconnectDelay = reconnectDelay
        self.maxReconnectDelay = maxReconnectDelay
        self.connectTimeout = connectTimeout
        self.maxQueueDelay = maxQueueDelay
        self.host = host
        self.port = port
        self.username = username
        self.secret = secret
        self.channel = channel
        self.context = context
        self.extension_ = extension_
        self.priority = priority
        self.callerIDName = callerIDName
        self.callerID = callerID
        self.queue = queue
        self.amd = amd
        self.amdFalsePositivePercent = amdFalsePositivePercent
        self.lines = lines
        self.callsPerSecond = callsPerSecond
        self.callKeyPrefix = callKeyPrefix
        self.recordingVariable = recordingVariable
    }
}

/// A secret kept in an environment variable, named in the config as `env NAME`.
public struct SecretReference: Sendable, Hashable {
    /// The environment variable's name.
    public var variable: String

    public init(variable: String) { self.variable = variable }
}

/// Where `dialerd serve`'s web server listens (docs/web.md), and its TLS files.
public struct HTTPSettings: Sendable, Hashable {
    /// The address to bind: an IPv4 or IPv6 address or a host name.
    public var host: String
    /// The TCP port (0 lets the system pick one).
    public var port: Int
    /// The TLS certificate (PEM, the chain) and its key; both or neither.
    public var tlsCertificate: String?
    public var tlsKey: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, tlsCertificate: String? = nil, tlsKey: String? = nil) {
        self.host = host
        self.port = port
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
    }
}
