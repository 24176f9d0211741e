public import Foundation

/// How Dialer reaches an Asterisk server over the Manager Interface, and how it
/// asks for calls. The daemon's config fills it; docs/asterisk.md explains
/// each setting and the Asterisk side that goes with it.
public struct AsteriskConfiguration: Sendable, Hashable {
    /// The manager's host name or address.
    public var host: String
    /// The manager's TCP port (`port` in manager.conf's `[general]`).
    public var port: UInt16
    /// The manager user (a section of manager.conf).
    public var username: String
    /// The name of the environment variable that holds the user's secret:
    /// the secret itself never sits in a config file.
    public var secretVariable: String
    /// The channel to dial, with `{number}` replaced by the number in E.164
    /// (e.g. `PJSIP/{number}@trunk`), or `{digits}` by the same without its `+`
    /// (for a dialplan whose patterns match digits only, `_X.`).
    public var channelTemplate: String
    /// The dialplan context an answered call enters: it runs AMD, and queues a
    /// person for the campaign's agents or plays the safe-harbour message.
    public var context: String
    /// The extension in ``context``.
    public var exten: String
    /// The priority in ``context``.
    public var priority: Int
    /// The caller id name shown with the campaign's number, if any.
    public var callerIDName: String?
    /// The caller id number used when the campaign sets none, in E.164.
    public var defaultCallerID: String?
    /// The queue whose members are the campaign's agents; its member events
    /// become agent presence. Nil follows every queue's members.
    public var queue: String?
    /// Whether the dialplan reports an AMD verdict with `UserEvent(DialerAMD,...)`;
    /// the driver then reports an answer once the verdict is known.
    public var reportsAMD: Bool
    /// The share of persons the dialplan's AMD takes for machines and hangs up
    /// on, as measured on the live system (`amd.conf` tuning changes it); the
    /// engine counts them towards the abandon rate where the profile says so.
    public var machineFalsePositiveShare: Double
    /// The most calls in progress at once on the trunk.
    public var lines: Int
    /// The most originations per second; they are spaced evenly.
    public var callsPerSecond: Double
    /// How often the driver pings the manager when nothing else is said.
    public var pingInterval: TimeInterval
    /// The first wait before reconnecting; it doubles after each failure.
    public var reconnectDelay: TimeInterval
    /// The longest wait between reconnection attempts.
    public var maxReconnectDelay: TimeInterval
    /// How long a TCP connection or a login may take.
    public var connectTimeout: TimeInterval
    /// The longest a call may wait in the driver's queue for a line or its
    /// origination slot (also while the manager is unreachable); past it the call
    /// ends as failed (Q.850 34, no circuit) and is never dialed late.
    public var maxQueueDelay: TimeInterval
    /// Prepended to the attempt id to make the channel's unique id and the
    /// value of ``callVariable``, e.g. `dialer-42`. Give each Dialer database
    /// sharing an Asterisk its own prefix.
    public var callKeyPrefix: String
    /// The channel variable that carries the call key; the driver also learns
    /// a call's channels from `VarSet` events of this variable.
    public var callVariable: String
    /// The channel variable whose value is the call's recording, stored with the call
    /// (`MIXMONITOR_FILENAME`, which `MixMonitor()` sets, or one the dialplan sets to a
    /// link); nil records none. Its `VarSet` events need the manager's `dialplan` read class.
    public var recordingVariable: String?

    /// Settings with the defaults docs/asterisk.md lists; only the address,
    /// the user, the secret's variable and the channel template have none.
    public init(
        host: String, port: UInt16 = 5038, username: String, secretVariable: String,
        channelTemplate: String, context: String = "dialer-connect", exten: String = "s", priority: Int = 1,
        callerIDName: String? = nil, defaultCallerID: String? = nil, queue: String? = nil, reportsAMD: Bool = true,
        machineFalsePositiveShare: Double = 0.03, lines: Int = 30, callsPerSecond: Double = 10, pingInterval: TimeInterval = 20,
        reconnectDelay: TimeInterval = 1, maxReconnectDelay: TimeInterval = 30, connectTimeout: TimeInterval = 5,
        maxQueueDelay: TimeInterval = 30, callKeyPrefix: String = "dialer-", callVariable: String = "DIALER_CALL",
        recordingVariable: String? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.secretVariable = secretVariable
        self.channelTemplate = channelTemplate
        self.context = context
        self.exten = exten
        self.priority = priority
        self.callerIDName = callerIDName
        self.defaultCallerID = defaultCallerID
        self.queue = queue
        self.reportsAMD = reportsAMD
        self.machineFalsePositiveShare = machineFalsePositiveShare
        self.lines = lines
        self.callsPerSecond = callsPerSecond
        self.pingInterval = pingInterval
        self.reconnectDelay = reconnectDelay
        self.maxReconnectDelay = maxReconnectDelay
        self.connectTimeout = connectTimeout
        self.maxQueueDelay = maxQueueDelay
        self.callKeyPrefix = callKeyPrefix
        self.callVariable = callVariable
        self.recordingVariable = recordingVariable
    }

    /// The problems that would stop the driver, as sentences an administrator
    /// can act on; empty when the configuration is usable.
    public var problems: [String] {
        var problems: [String] = []
        if host.isEmpty { problems.append("the Asterisk host is empty") }
        if username.isEmpty { problems.append("the manager username is empty") }
        if secretVariable.isEmpty { problems.append("the environment variable for the manager secret is not named") }
        if !channelTemplate.contains("{number}") && !channelTemplate.contains("{digits}") {
            problems.append("the channel template '\(channelTemplate)' has no {number} or {digits} placeholder")
        }
        if context.isEmpty || exten.isEmpty { problems.append("the dialplan context and extension must both be set") }
        if priority < 1 { problems.append("the dialplan priority must be at least 1") }
        if !(0...1).contains(machineFalsePositiveShare) {
            problems.append("the AMD false-positive share must be between 0 and 1")
        }
        if lines < 1 { problems.append("lines must be at least 1") }
        if !(callsPerSecond > 0) { problems.append("calls per second must be above 0") }
        if !(pingInterval > 0) { problems.append("the ping interval must be above 0 seconds") }
        if !(reconnectDelay > 0) || maxReconnectDelay < reconnectDelay {
            problems.append("the reconnect delay must be above 0 and at most the longest reconnect delay")
        }
        if !(connectTimeout > 0) { problems.append("the connect timeout must be above 0 seconds") }
        if !(maxQueueDelay > 0) { problems.append("the longest queue delay must be above 0 seconds") }
        for (name, value) in [("call key prefix", callKeyPrefix), ("call variable", callVariable),
                              ("recording variable", recordingVariable ?? "")]
        where value.contains(where: { !$0.isASCII || !($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            problems.append("the \(name) '\(value)' may hold only letters, digits, '-', '_' and '.'")
        }
        if callVariable.isEmpty { problems.append("the call variable is empty") }
        return problems
    }

    /// The manager secret, read from the environment variable ``secretVariable``.
    public func secret(from environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let secret = environment[secretVariable], !secret.isEmpty else {
            throw TelephonyError(
                "the Asterisk manager secret is missing: set the environment variable \(secretVariable)")
        }
        return secret
    }
}
