public import Foundation

/// Dials through an Asterisk server over the Manager Interface (AMI).
///
/// Calls are originated asynchronously into a dialplan context that runs AMD
/// and queues answered persons for the campaign's agents, applying the
/// connect limit and the safe-harbour message itself; so the engine follows
/// this driver's `connected` and `hungUp` events (``routesAnsweredCalls``).
/// Queue members' events become agent presence and readiness.
///
/// A thread of its own keeps the connection: login, pings, reconnection with
/// a doubling backoff. Calls in progress when the link broke are looked up in
/// Asterisk's channels after the next login and followed further; those
/// Asterisk no longer has end with ``HangupCause/outcomeUnknown``, never
/// re-dialed. docs/asterisk.md shows the Asterisk side.
public final class AsteriskDriver: TelephonyDriver {
    private let configuration: AsteriskConfiguration
    private let clock: any Clock
    private let session: AMISession
    private var running = true

    /// Starts the connection thread. Throws when the configuration has problems.
    /// `log` receives one line per notable happening (connects, drops, refusals and
    /// skipped messages) and, when it traces, every message; no line holds the secret,
    /// nor a phone number unless the log shows numbers.
    public init(configuration: AsteriskConfiguration, secret: String, clock: any Clock, log: AMILog) throws {
        let problems = configuration.problems
        guard problems.isEmpty else {
            throw TelephonyError("the Asterisk settings cannot be used: " + problems.joined(separator: "; "))
        }
        self.configuration = configuration
        self.clock = clock
        session = try AMISession(configuration: configuration, secret: secret, log: log)
        let session = session
        let thread = Thread { session.run() }
        thread.name = "dialer-ami"
        thread.start()
    }

    deinit { shutdown() }

    /// The dialplan queue connects answered calls to agents and applies the connect limit.
    public var routesAnsweredCalls: Bool { true }

    /// Available once logged in and the queue's members are read; otherwise the last error.
    public var availability: TelephonyAvailability { session.availability }

    /// The persons AMD takes for machines, as configured; 0 when the dialplan runs no AMD.
    public var estimatedMachineFalsePositiveShare: Double {
        configuration.reportsAMD ? configuration.machineFalsePositiveShare : 0
    }

    /// Queues the call's `Originate`; it goes out when a line and an origination slot are free.
    public func place(_ request: CallRequest) throws {
        let key = configuration.callKeyPrefix + String(request.callID)
        let message = try AMIAction.originate(request, key: key, actionID: key, configuration: configuration)
        session.submit(.place(request, message))
    }

    /// Hangs up a call that is still ringing, or takes it out of the driver's queue.
    public func cancel(_ call: CallID) throws {
        session.submit(.cancel(call))
    }

    /// Follows calls a stopped process left in progress: found again in Asterisk's channels by their
    /// call keys after the login, followed to their end; those gone end with the outcome unknown.
    /// The driver is unavailable until they are settled, so no call is placed for an agent one of them holds.
    public func resume(_ calls: [CallID]) -> Bool {
        guard !calls.isEmpty else { return true }
        session.submit(.resume(calls.map { ($0, configuration.callKeyPrefix + String($0)) }))
        return true
    }

    /// Pauses the agent's queue member (paused or logged out at the desk, or wrapping up after a call
    /// a person took) or unpauses it (ready); Asterisk then reports the change as queue events.
    public func deskPresence(_ presence: AgentPresence, of agent: String, reason: String?) throws {
        session.submit(.pause(agent: agent, paused: presence != .available, reason: reason ?? presence.rawValue))
    }

    /// Not Dialer's to do with Asterisk: the dialplan's queue connects calls (always throws).
    public func connect(_ call: CallID, toAgent agent: String) throws {
        throw TelephonyError("with Asterisk the dialplan's queue connects calls to agents; attempt \(call) cannot be connected by Dialer")
    }

    /// Not Dialer's to do with Asterisk: the dialplan plays the safe-harbour message (always throws).
    public func abandon(_ call: CallID) throws {
        throw TelephonyError("with Asterisk the dialplan plays the safe-harbour message; attempt \(call) cannot be abandoned by Dialer")
    }

    /// Not Dialer's to do with Asterisk: the dialplan plays the message (always throws).
    public func playMessage(_ call: CallID) throws {
        throw TelephonyError("with Asterisk the dialplan plays the campaign's message; attempt \(call) cannot be sent a message by Dialer")
    }

    /// Waits until Asterisk reports something or `deadline` passes; each event's
    /// time is when the driver received it, on the driver's clock.
    public func events(until deadline: Date) -> [CallEvent] {
        let taken = session.inbox.take(waitingAtMost: deadline.timeIntervalSince(clock.now))
        let now = clock.now
        let instant = ContinuousClock.now
        return taken.map { event in
            let age = event.at.duration(to: instant)
            let seconds = Double(age.components.seconds) + Double(age.components.attoseconds) * 1e-18
            return CallEvent(time: now.addingTimeInterval(-seconds), kind: event.kind)
        }
    }

    /// Logs off and stops the connection thread (waiting at most a few seconds).
    /// The driver places no calls afterwards.
    public func shutdown() {
        guard running else { return }
        running = false
        session.stop(waitingAtMost: 5)
    }
}
