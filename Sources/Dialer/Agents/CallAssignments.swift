public import Foundation
import CampaignDSL

/// How many open contacts each agent has after an assignment.
public struct AssignmentSummary: Sendable, Equatable {
    /// Contacts newly (re)assigned.
    public let assigned: Int
    /// Open contacts per agent, by agent id.
    public let perAgent: [String: Int]
}

/// Shares a preview campaign's open contacts among its agents (`dialerd agents assign`), and moves an
/// absent agent's contacts to the others (`dialerd agents reassign`).
public enum CallAssignments {
    /// Assigns every open contact that has no agent yet, by `method`, else the campaign's `assign`
    /// setting, else the list's owner column when a list has one, else balanced.
    public static func assign(campaign name: String, method: AssignmentMethod?, databasePath: String,
                              at time: Date) throws -> AssignmentSummary {
        let (store, campaign) = try AgentsDatabase.open(databasePath, campaign: name, at: time)
        return try assignUnassigned(store: store, campaign: campaign, method: method, at: time)
    }

    /// ``assign(campaign:method:databasePath:at:)`` on an open store.
    static func assignUnassigned(store: CampaignStore, campaign: CompiledCampaign, method: AssignmentMethod?,
                                 at time: Date) throws -> AssignmentSummary {
        let method = method ?? defaultMethod(of: campaign.spec)
        let unassigned = try store.openContacts(campaign: campaign.id).filter { $0.agent == nil }
        return try apply(unassigned, to: CampaignRunner.agentIDs(of: campaign.spec), by: method, campaign: campaign,
                         store: store, at: time)
    }

    /// Moves the open contacts of `absent` to `agents` (default: every other agent of the campaign),
    /// balanced unless another method is given.
    public static func reassign(campaign name: String, from absent: String, to agents: [String]?,
                                method: AssignmentMethod?, databasePath: String, at time: Date) throws -> AssignmentSummary {
        let (store, campaign) = try AgentsDatabase.open(databasePath, campaign: name, at: time)
        return try reassign(campaign: campaign, from: absent, to: agents, method: method, store: store, at: time)
    }

    /// Moves the open contacts of `absent` to `agents` (default: every other agent of the campaign) in `store`.
    static func reassign(campaign: CompiledCampaign, from absent: String, to agents: [String]?, method: AssignmentMethod?,
                         store: CampaignStore, at time: Date) throws -> AssignmentSummary {
        let name = campaign.spec.id
        let known = CampaignRunner.agentIDs(of: campaign.spec)
        for agent in (agents ?? []) + [absent] where !known.contains(agent) {
            throw EnvironmentError("'\(agent)' is not an agent of \(name) (its agents: \(known.joined(separator: ", ")))")
        }
        let targets = (agents ?? known).filter { $0 != absent }
        guard !targets.isEmpty else { throw EnvironmentError("no other agent to take \(absent)'s contacts") }
        let theirs = try store.openContacts(campaign: campaign.id, agent: absent)
        return try apply(theirs, to: targets, by: method ?? .balanced, campaign: campaign, store: store, at: time)
    }

    /// The method a campaign's `assign` setting names; without one, by the owner column when a list has
    /// one, else balanced.
    static func defaultMethod(of spec: CampaignSpec) -> AssignmentMethod {
        switch spec.dial.assignment {
        case .owner?: .owner
        case .roundRobin?: .roundRobin
        case .balanced?: .balanced
        case nil: spec.lists.contains { $0.agentColumn != nil } ? .owner : .balanced
        }
    }

    /// The column naming a contact's owner: the one `assign owner column "…"` names, else its list's agent column.
    static func ownerColumn(of spec: CampaignSpec, listPosition: Int) -> String? {
        if case .owner(let column?)? = spec.dial.assignment { return column }
        return spec.lists[safe: listPosition]?.agentColumn
    }

    private static func apply(_ contacts: [OpenContact], to agents: [String], by method: AssignmentMethod,
                              campaign: CompiledCampaign, store: CampaignStore, at time: Date) throws -> AssignmentSummary {
        let assignable = contacts.map { contact in
            AssignableContact(
                contact: contact.contact,
                owner: ownerColumn(of: campaign.spec, listPosition: contact.listPosition).flatMap { contact.field($0) }?
                    .trimmingCharacters(in: .whitespaces),
                expectedAttempts: ExpectedWorkload.attempts(policy: campaign.spec.retry, attemptsSoFar: contact.attempts))
        }
        let plan = AgentAssignment(agents: agents).assign(assignable, by: method)
        try store.connection.writeTransaction {
            for (contact, agent) in plan {
                try store.assign(contact: contact, campaign: campaign.id, to: agent, method: method.rawValue, at: time)
            }
        }
        var perAgent: [String: Int] = [:]
        for contact in try store.openContacts(campaign: campaign.id) {
            if let agent = contact.agent { perAgent[agent, default: 0] += 1 }
        }
        return AssignmentSummary(assigned: plan.count, perAgent: perAgent)
    }
}
