import Foundation

/// The agents taking a campaign's calls and what each is doing.
///
/// An agent is logged out, ready, reserved for a call being dialed for them,
/// on a call, or in wrap-up after one. Logged-in time is accumulated per agent
/// for occupancy.
struct AgentPool {
    enum Activity: Equatable {
        case loggedOut
        case ready(since: Date)
        case previewing(job: Int64)
        case reserved(CallID)
        case onCall(CallID)
        case wrapUp
        case paused
    }

    private(set) var activities: [String: Activity]
    /// Agents in the order they were defined or first reported; the one ready longest takes the next call.
    private(set) var agents: [String]
    private var sessionStarts: [String: Date] = [:]
    /// Agents the backend reports paused or logged out: not logged in with the others.
    private var away: Set<String> = []
    /// Presence reported while the agent was busy, applied when the agent is free.
    private var pendingPresence: [String: AgentPresence] = [:]
    /// Finished login sessions, for the store.
    private(set) var finishedSessions: [(agent: String, start: Date, end: Date)] = []
    /// Whether agents should log out as soon as they are free.
    private var closing = false

    init(agents: [String]) {
        self.agents = agents
        self.activities = Dictionary(uniqueKeysWithValues: agents.map { ($0, .loggedOut) })
    }

    /// Logs every logged-out agent in, except those away (paused or logged out by the backend).
    mutating func logInAll(at time: Date) {
        closing = false
        for agent in agents where activities[agent] == .loggedOut && !away.contains(agent) {
            activities[agent] = .ready(since: time)
            sessionStarts[agent] = time
        }
    }

    /// Logs out every free or paused agent now and every busy one as soon as it is free.
    mutating func logOutAll(at time: Date) {
        closing = true
        for agent in agents {
            if case .ready = activities[agent] { logOut(agent, at: time) }
            if activities[agent] == .paused { activities[agent] = .loggedOut }
        }
    }

    /// The ready agent that has waited longest.
    func longestReady() -> String? {
        var best: (agent: String, since: Date)?
        for agent in agents {
            guard case .ready(let since) = activities[agent] else { continue }
            if let current = best, current.since <= since { continue }
            best = (agent, since)
        }
        return best?.agent
    }

    var readyCount: Int {
        agents.count { if case .ready = activities[$0] { true } else { false } }
    }

    /// Agents logged in and not paused.
    var loggedInCount: Int { agents.count { activities[$0] != .loggedOut && activities[$0] != .paused } }

    var isEveryoneLoggedOut: Bool { agents.allSatisfy { activities[$0] == .loggedOut } }

    mutating func startPreview(_ agent: String, job: Int64) {
        activities[agent] = .previewing(job: job)
    }

    mutating func reserve(_ agent: String, for call: CallID) {
        activities[agent] = .reserved(call)
    }

    mutating func startCall(_ agent: String, call: CallID) {
        activities[agent] = .onCall(call)
    }

    mutating func startWrapUp(_ agent: String) {
        activities[agent] = .wrapUp
    }

    /// The agent is free again (a reserved call failed, or wrap-up ended); presence
    /// the backend reported meanwhile takes effect now.
    mutating func release(_ agent: String, at time: Date) {
        guard activities[agent] != nil, activities[agent] != .loggedOut, activities[agent] != .paused else { return }
        if let presence = pendingPresence.removeValue(forKey: agent) {
            activities[agent] = .ready(since: time)
            apply(presence, of: agent, at: time)
        } else if closing {
            logOut(agent, at: time)
        } else {
            activities[agent] = .ready(since: time)
        }
    }

    private mutating func logOut(_ agent: String, at time: Date) {
        activities[agent] = .loggedOut
        if let start = sessionStarts.removeValue(forKey: agent) {
            finishedSessions.append((agent, start, time))
        }
    }

    /// Follows the presence a telephony backend reports: an agent it names is
    /// added if unknown; a paused agent takes no calls, and its paused time is not
    /// logged-in time, until available again. A busy agent's change waits for the
    /// end of the call and its wrap-up.
    mutating func apply(_ presence: AgentPresence, of agent: String, at time: Date) {
        if activities[agent] == nil {
            agents.append(agent)
            activities[agent] = .loggedOut
        }
        switch presence {
        case .available:
            away.remove(agent)
            pendingPresence[agent] = nil
            let returning = activities[agent] == .paused || (activities[agent] == .loggedOut && !closing)
            if returning {
                sessionStarts[agent] = time
                activities[agent] = .ready(since: time)
            }
        case .paused, .loggedOut:
            away.insert(agent)
            switch activities[agent] {
            case .ready, .paused:
                logOut(agent, at: time)
                if presence == .paused { activities[agent] = .paused }
            case .loggedOut, nil:
                break
            default:
                pendingPresence[agent] = presence
            }
        }
    }

    /// Hands over the finished sessions and forgets them.
    mutating func takeFinishedSessions() -> [(agent: String, start: Date, end: Date)] {
        defer { finishedSessions.removeAll() }
        return finishedSessions
    }
}
