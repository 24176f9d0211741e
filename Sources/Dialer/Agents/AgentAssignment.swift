/// A contact to share out: its id, the owner its list names (if any) and the attempts it is expected to take.
struct AssignableContact: Equatable {
    let contact: Int64
    let owner: String?
    let expectedAttempts: Double
}

/// Shares contacts among agents. Pure: the caller reads the contacts and stores the result.
struct AgentAssignment {
    let agents: [String]

    /// The agent for each contact, in the contacts' order. Empty when there are no agents.
    func assign(_ contacts: [AssignableContact], by method: AssignmentMethod) -> [(contact: Int64, agent: String)] {
        guard !agents.isEmpty else { return [] }
        switch method {
        case .roundRobin:
            return contacts.enumerated().map { ($0.element.contact, agents[$0.offset % agents.count]) }
        case .balanced:
            return balanced(contacts, startingLoads: [:])
        case .owner:
            let known = Set(agents)
            var loads: [String: Double] = [:]
            var owned: [Int64: String] = [:]
            var rest: [AssignableContact] = []
            for contact in contacts {
                if let owner = contact.owner, known.contains(owner) {
                    owned[contact.contact] = owner
                    loads[owner, default: 0] += contact.expectedAttempts
                } else {
                    rest.append(contact)
                }
            }
            for (contact, agent) in balanced(rest, startingLoads: loads) { owned[contact] = agent }
            return contacts.compactMap { contact in owned[contact.contact].map { (contact.contact, $0) } }
        }
    }

    /// Heaviest contacts first, each to the agent with the least expected work so far (ties: the
    /// agent listed first); the result keeps the contacts' order.
    private func balanced(_ contacts: [AssignableContact], startingLoads: [String: Double]) -> [(contact: Int64, agent: String)] {
        var loads = agents.map { startingLoads[$0] ?? 0 }
        var chosen: [Int64: String] = [:]
        let heaviestFirst = contacts.enumerated().sorted {
            $0.element.expectedAttempts != $1.element.expectedAttempts
                ? $0.element.expectedAttempts > $1.element.expectedAttempts : $0.offset < $1.offset
        }
        for (_, contact) in heaviestFirst {
            var best = 0
            for index in loads.indices where loads[index] < loads[best] { best = index }
            loads[best] += contact.expectedAttempts
            chosen[contact.contact] = agents[best]
        }
        return contacts.compactMap { contact in chosen[contact.contact].map { (contact.contact, $0) } }
    }
}
