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
    /// Waits until events arrive or `deadline` passes, and returns the events
    /// that happened, oldest first (empty when the deadline passed first).
    func events(until deadline: Date) -> [CallEvent]
}

extension TelephonyDriver {
    /// No answering-machine detection unless the backend says otherwise.
    public var estimatedMachineFalsePositiveShare: Double { 0 }
}

/// A driver could not do what the engine asked.
public struct TelephonyError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
