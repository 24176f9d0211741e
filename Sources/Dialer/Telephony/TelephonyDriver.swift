public import Foundation

/// A telephony backend: the simulated network, Asterisk, a SIP trunk.
///
/// The engine is the only caller and calls from one thread. Commands return
/// at once; what follows comes back as ``CallEvent`` values from
/// ``events(until:)``, in time order.
public protocol TelephonyDriver: AnyObject {
    /// Whether the backend itself hands answered calls to agents and applies the
    /// connect limit (an Asterisk queue with the safe-harbour message in its
    /// dialplan). The engine then follows its `connected` and `hungUp` events
    /// instead of calling ``connect(_:toAgent:)`` and ``abandon(_:)``.
    var routesAnsweredCalls: Bool { get }
    /// The share of persons the backend's answering-machine detection classes as
    /// machines and hangs up on (0 without AMD). Those calls count as abandoned
    /// where the profile says so, and the predictive pacer budgets for them.
    var estimatedMachineFalsePositiveShare: Double { get }
    /// Whether the backend can place calls now. While it cannot, the engine places
    /// none, waits, and reports why; a call it had already handed over and that the
    /// backend never placed comes back as ``CallEvent/Kind/notPlaced(_:reason:)``.
    var availability: TelephonyAvailability { get }
    /// Starts dialing. The attempt has already been recorded durably.
    func place(_ request: CallRequest) throws
    /// Bridges an answered call to an agent.
    func connect(_ call: CallID, toAgent agent: String) throws
    /// Ends an answered call that found no agent, after the safe-harbour message.
    func abandon(_ call: CallID) throws
    /// Plays the campaign's recorded message or automated survey to an answered
    /// call (agentless dialing); the call ends when it is done.
    func playMessage(_ call: CallID) throws
    /// Ends a call that has not been answered yet.
    func cancel(_ call: CallID) throws
    /// Follows calls a stopped process placed and left in progress, when the backend can find
    /// them again (Asterisk: by their channel's unique id): they end with the events of their
    /// real end, or with ``HangupCause/outcomeUnknown`` when they are gone. Returns false when
    /// the backend cannot: the engine then ends them as unknown at once.
    func resume(_ calls: [CallID]) -> Bool
    /// Waits until events arrive or `deadline` passes, and returns the events
    /// that happened, oldest first (empty when the deadline passed first).
    func events(until deadline: Date) -> [CallEvent]
    /// A person at Dialer's agent desk set `agent`'s presence (or the engine keeps a person's
    /// phone free for their wrap-up: `paused`, reason `wrap-up`). The backend follows it: an
    /// Asterisk queue member is paused or unpaused; the simulated network stops ending that
    /// agent's wrap-ups itself. The engine applies the presence to its own agent pool.
    func deskPresence(_ presence: AgentPresence, of agent: String, reason: String?) throws
}

extension TelephonyDriver {
    /// No answering-machine detection unless the backend says otherwise.
    public var estimatedMachineFalsePositiveShare: Double { 0 }
    /// Always able to dial unless the backend says otherwise.
    public var availability: TelephonyAvailability { .available }
    /// A backend that cannot find a stopped process's calls again.
    public func resume(_ calls: [CallID]) -> Bool { false }
    /// A backend without agents of its own: the engine's pool is all there is.
    public func deskPresence(_ presence: AgentPresence, of agent: String, reason: String?) throws {}
}

/// Whether a telephony backend can place calls.
public enum TelephonyAvailability: Sendable, Hashable {
    /// Connected and ready: calls can be placed.
    case available
    /// No call can be placed now; `reason` is the last error, in words an operator can act on
    /// ("Asterisk refused the login of manager user 'dialer': Authentication failed").
    case unavailable(reason: String)
}

/// A driver could not do what the engine asked.
public struct TelephonyError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
