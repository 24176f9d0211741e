public import Foundation

/// What each agent of a campaign did (`dialerd agents report`): time logged in, calls taken, talk
/// and wrap-up, occupancy, the dispositions chosen, and the open contacts and callbacks waiting.
public struct AgentReport: Sendable, Equatable {
    /// One agent's line.
    public struct Line: Sendable, Equatable {
        public let agent: String
        public let name: String?
        public let loggedInSeconds: Double
        /// Calls connected to the agent.
        public let calls: Int
        public let talkSeconds: Double
        public let wrapSeconds: Double
        /// Dispositions chosen, by id.
        public let dispositions: [String: Int]
        /// Open contacts assigned to the agent.
        public let openContacts: Int
        /// Callbacks waiting for the agent.
        public let callbacks: Int

        /// (talk + wrap-up) ÷ logged-in time; nil before any login.
        public var occupancy: Double? {
            loggedInSeconds > 0 ? (talkSeconds + wrapSeconds) / loggedInSeconds : nil
        }
    }

    public let campaign: String
    /// The campaign's agents in their order, then any other agent its records name.
    public let lines: [Line]

    /// Reads the report of campaign `name` from the database at `databasePath`.
    public static func read(campaign name: String, databasePath: String, at time: Date) throws -> AgentReport {
        let (store, campaign) = try AgentsDatabase.open(databasePath, campaign: name, at: time)
        let totals = try store.agentCallTotals(campaign: campaign.id)
        let loggedIn = try store.agentLoggedInSeconds(campaign: campaign.id)
        let dispositions = try store.dispositionCounts(campaign: campaign.id)
        var open: [String: Int] = [:]
        var callbacks: [String: Int] = [:]
        for contact in try store.openContacts(campaign: campaign.id) {
            if let agent = contact.agent { open[agent, default: 0] += 1 }
            if let agent = contact.callbackAgent, contact.callbackAt != nil { callbacks[agent, default: 0] += 1 }
        }
        var agents = CampaignRunner.agentIDs(of: campaign.spec)
        let named = Set(totals.keys).union(loggedIn.keys).union(dispositions.keys.filter { !$0.isEmpty }).union(open.keys)
        agents += named.subtracting(agents).sorted()
        let names = Dictionary(campaign.spec.teams.flatMap(\.agents).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return AgentReport(campaign: name, lines: agents.map { agent in
            Line(agent: agent, name: names[agent] ?? nil, loggedInSeconds: loggedIn[agent] ?? 0,
                 calls: totals[agent]?.calls ?? 0, talkSeconds: totals[agent]?.talk ?? 0, wrapSeconds: totals[agent]?.wrap ?? 0,
                 dispositions: dispositions[agent] ?? [:], openContacts: open[agent] ?? 0, callbacks: callbacks[agent] ?? 0)
        })
    }
}
