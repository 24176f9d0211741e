import Foundation

/// The agent desk's side of the running campaigns, shared by the web server's threads and the
/// campaigns' runners: people's commands wait here for the runner of their campaign, which takes
/// them at its next turn (it is woken for them), and the presence each person set is kept, so a
/// campaign that starts later, or a restarted worker, begins from it.
///
/// An agent whose presence a person set is the person's from then on: on the simulated network
/// their wrap-ups end when the person says ready, never by simulation.
final class LiveDesk: @unchecked Sendable {
    /// A command waiting for its runner, and where its answer goes.
    struct Pending: Sendable {
        let command: DeskCommand
        let reply: DeskReplyBox
    }

    /// The presence a person set for an agent.
    struct PersonPresence: Sendable, Hashable {
        let presence: AgentPresence
        let reason: String?
    }

    private let lock = NSLock()
    private var inboxes: [String: [Pending]] = [:]
    private var agentsOf: [String: Set<String>] = [:]
    private var presences: [String: PersonPresence] = [:]

    init() {}

    /// A runner starts taking commands for `campaign`, whose agents are `agents`.
    func open(campaign: String, agents: [String]) {
        lock.withLock {
            inboxes[campaign] = inboxes[campaign] ?? []
            agentsOf[campaign] = Set(agents)
        }
    }

    /// The runner of `campaign` stopped: commands still waiting are refused.
    func close(campaign: String) {
        let pending = lock.withLock {
            agentsOf.removeValue(forKey: campaign)
            return inboxes.removeValue(forKey: campaign) ?? []
        }
        for item in pending { item.reply.answer(.refused("campaign \(campaign) stopped dialing")) }
    }

    /// The running campaigns `agent` takes calls for.
    func campaigns(of agent: String) -> [String] {
        lock.withLock { agentsOf.filter { $0.value.contains(agent) }.keys.sorted() }
    }

    /// The presence a person set for each agent people took over.
    var personPresences: [String: PersonPresence] {
        lock.withLock { presences }
    }

    /// Sets `agent`'s presence for every running campaign of theirs (and those that start later).
    /// Returns the runners' answers' boxes, one per running campaign.
    @discardableResult
    func setPresence(_ presence: AgentPresence, of agent: String, reason: String?) -> [DeskReplyBox] {
        lock.withLock {
            presences[agent] = PersonPresence(presence: presence, reason: reason)
            return agentsOf.filter { $0.value.contains(agent) }.keys.sorted().map { campaign in
                enqueue(.presence(agent: agent, presence, reason: reason), campaign: campaign)
            }
        }
    }

    /// Hands `command` to the runner of `campaign`; nil when that campaign is not dialing here.
    func send(_ command: DeskCommand, to campaign: String) -> DeskReplyBox? {
        lock.withLock {
            guard agentsOf[campaign] != nil else { return nil }
            return enqueue(command, campaign: campaign)
        }
    }

    /// Whether commands wait for the runner of `campaign` (its driver's wait ends early for them).
    func hasCommands(for campaign: String) -> Bool {
        lock.withLock { !(inboxes[campaign]?.isEmpty ?? true) }
    }

    /// The commands waiting for the runner of `campaign`, oldest first, taken out of the inbox.
    func take(for campaign: String) -> [Pending] {
        lock.withLock {
            guard let pending = inboxes[campaign], !pending.isEmpty else { return [] }
            inboxes[campaign] = []
            return pending
        }
    }

    /// Must be called holding the lock.
    private func enqueue(_ command: DeskCommand, campaign: String) -> DeskReplyBox {
        let reply = DeskReplyBox()
        inboxes[campaign, default: []].append(Pending(command: command, reply: reply))
        return reply
    }
}
