import Foundation

/// `GET /api/v1/agents`: the agents of the running campaigns the token's user may see, as the runners
/// publish them (the agent desk's and the PBX's presence alike).
extension WebApplication {
    mutating func addAgentsAPI(_ live: LiveWeb) {
        api("GET", "/agents", scope: .read) { [context] _, user in
            let visible = try context.withStore { store in
                try Set(store.storedCampaigns().compactMap { stored in
                    user.maySee(campaign: try context.spec(of: stored)) ? stored.name : nil
                })
            }
            let now = context.dialingNow
            let agents = live.hub.snapshot().filter { visible.contains($0.campaign) }.flatMap { board in
                board.agents.sorted { $0.key < $1.key }.map { agent, state in
                    AgentItem(campaign: board.campaign, agent: agent, state: state.state.rawValue,
                              seconds: max(0, now.timeIntervalSince(state.since)), reason: state.reason, call: state.call)
                }
            }
            return .json(AgentList(agents: agents))
        }
    }
}

private struct AgentList: Encodable {
    let agents: [AgentItem]
}

private struct AgentItem: Encodable {
    let campaign: String
    let agent: String
    let state: String
    let seconds: Double
    let reason: String?
    let call: Int64?
}
