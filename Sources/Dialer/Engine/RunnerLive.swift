import Foundation

/// A runner's link to the people watching and working its campaign: the hub it publishes its events
/// to, the desk it takes people's commands from, and what it last published, so it publishes only
/// what changed.
final class RunnerLive {
    let hub: LiveEventHub
    let desk: LiveDesk?
    /// Agents whose presence a person at the desk sets: their wrap-ups end when the person says ready.
    var persons: Set<String> = []
    /// Calls whose outcome a person recorded during their wrap-up.
    var recorded: Set<CallID> = []
    /// Outcomes a person submitted while still on the call: recorded when it ends.
    var held: [CallID: AgentOutcome] = [:]
    /// The reason each paused agent gave.
    var reasons: [String: String] = [:]
    var publishedAgents: [String: (state: LiveAgentState, call: CallID?)] = [:]
    var publishedPreviews: [String: Int64] = [:]
    var publishedFigures: LiveFigures?

    init(hub: LiveEventHub, desk: LiveDesk?) {
        self.hub = hub
        self.desk = desk
    }
}
