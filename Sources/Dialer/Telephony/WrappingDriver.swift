import Foundation

/// A driver that wraps another and changes only how its events are waited for: every
/// command and property is the wrapped driver's.
protocol WrappingDriver: TelephonyDriver {
    /// The driver that places the calls.
    var wrapped: any TelephonyDriver { get }
}

extension WrappingDriver {
    var routesAnsweredCalls: Bool { wrapped.routesAnsweredCalls }
    var estimatedMachineFalsePositiveShare: Double { wrapped.estimatedMachineFalsePositiveShare }
    var availability: TelephonyAvailability { wrapped.availability }

    func place(_ request: CallRequest) throws { try wrapped.place(request) }
    func connect(_ call: CallID, toAgent agent: String) throws { try wrapped.connect(call, toAgent: agent) }
    func abandon(_ call: CallID) throws { try wrapped.abandon(call) }
    func playMessage(_ call: CallID) throws { try wrapped.playMessage(call) }
    func cancel(_ call: CallID) throws { try wrapped.cancel(call) }
    func resume(_ calls: [CallID]) -> Bool { wrapped.resume(calls) }
    func deskPresence(_ presence: AgentPresence, of agent: String, reason: String?) throws {
        try wrapped.deskPresence(presence, of: agent, reason: reason)
    }
}
