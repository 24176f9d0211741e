import Foundation

/// A campaign's present state as its events tell it: each agent's state and since when, the calls
/// in progress and the latest figures. What a wallboard or a desk shows first when it connects.
struct LiveBoard: Sendable {
    struct Agent: Sendable, Hashable {
        var state: LiveAgentState
        var since: Date
        var reason: String?
        /// The call the agent is on or wrapping up.
        var call: CallID?
    }

    struct Call: Sendable, Hashable {
        var contact: Int64
        var agent: String?
        var placedAt: Date
        var answeredAt: Date?
        var connectedAt: Date?
    }

    let campaign: String
    private(set) var agents: [String: Agent] = [:]
    private(set) var calls: [CallID: Call] = [:]
    private(set) var previews: [String: (job: Int64, contact: Int64, dialAt: Date)] = [:]
    private(set) var figures: LiveFigures?
    /// The sequence of the last event folded in.
    private(set) var sequence: UInt64 = 0

    init(campaign: String) {
        self.campaign = campaign
    }

    mutating func apply(_ event: LiveEvent) {
        sequence = event.sequence
        switch event.kind {
        case .callPlaced(let call, let contact, let agent):
            calls[call] = Call(contact: contact, agent: agent, placedAt: event.time)
        case .callAnswered(let call, _):
            calls[call]?.answeredAt = event.time
        case .callConnected(let call, let agent, _, _, _):
            calls[call]?.agent = agent
            calls[call]?.connectedAt = event.time
        case .callEnded(let call, _, _):
            calls.removeValue(forKey: call)
        case .agentState(let agent, let state, let since, let reason, let call):
            agents[agent] = Agent(state: state, since: since, reason: reason, call: call)
            if state != .previewing { previews.removeValue(forKey: agent) }
        case .outcomeRecorded:
            break
        case .previewOffered(let agent, let job, let contact, let dialAt):
            previews[agent] = (job, contact, dialAt)
        case .previewEnded(let agent, _):
            previews.removeValue(forKey: agent)
        case .figures(let figures):
            self.figures = figures
        }
    }
}
