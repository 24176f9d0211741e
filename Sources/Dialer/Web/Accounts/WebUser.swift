package import CampaignDSL

/// What a user of the web console is.
package enum UserRole: String, Sendable, CaseIterable, Codable {
    /// Works calls: sees and changes only their own calls and contacts.
    case agent
    /// A team lead: sees the campaigns and agents of the teams they are given.
    case lead
    /// Sees everything, manages nothing more through the web (users are managed with `dialerd users`).
    case admin
}

/// What an API token may do.
package enum APIScope: String, Sendable, CaseIterable, Codable {
    /// Read campaigns, results and call records.
    case read
    /// Add and cancel contacts.
    case contacts
    /// Place click-to-call calls.
    case calls
}

/// A signed-in user (or the owner of an API token).
package struct WebUser: Sendable, Hashable {
    package let id: Int64
    package let name: String
    package let role: UserRole
    /// The agent id (as the campaign files name agents) an agent user is.
    package let agent: String?
    /// The teams (as the campaign files name them) a lead is given.
    package let teams: [String]

    package init(id: Int64, name: String, role: UserRole, agent: String?, teams: [String]) {
        self.id = id
        self.name = name
        self.role = role
        self.agent = agent
        self.teams = teams
    }

    /// Whether this user may see campaign `spec`: an admin every one; a lead one whose dialing team
    /// (or any team it defines) is theirs; an agent one that dials for them.
    package func maySee(campaign spec: CampaignSpec) -> Bool {
        switch role {
        case .admin: return true
        case .lead:
            let names = Set(spec.dialingTeam.map { [$0.name] } ?? spec.teams.map(\.name))
            return !names.isDisjoint(with: teams)
        case .agent:
            guard let agent else { return false }
            return CampaignRunner.agentIDs(of: spec).contains(agent)
        }
    }

    /// Whether this user may see agent `agentID`'s data (calls, contacts, state): an agent only their own;
    /// a lead the agents of their teams as `teams` (the campaigns' team definitions) list them; an admin all.
    package func maySee(agent agentID: String, teams definitions: [Team]) -> Bool {
        switch role {
        case .admin: return true
        case .agent: return agent == agentID
        case .lead:
            return definitions.contains { team in teams.contains(team.name) && team.agents.contains { $0.id == agentID } }
        }
    }
}
