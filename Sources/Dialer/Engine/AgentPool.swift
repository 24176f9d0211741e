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
        /// Logged in, but busy with a call that is not the campaign's (or being rung for one).
        case busyElsewhere
    }

    /// Agents in the order they were defined or first reported; the one ready longest takes the next call.
    private(set) var agents: [String]
    /// What each agent does, in the order of `agents` (scanned without hashing on every decision).
    private var states: [Activity]
    private var position: [String: Int]
    private var sessionStarts: [String: Date] = [:]
    /// Agents the backend reports paused or logged out: not logged in with the others.
    private var away: Set<String> = []
    /// Presence reported while the agent was busy, applied when the agent is free.
    private var pendingPresence: [String: AgentPresence] = [:]
    /// Finished login sessions, for the store.
    private(set) var finishedSessions: [(agent: String, start: Date, end: Date)] = []
    /// Whether agents should log out as soon as they are free.
    private var closing = false

    /// The pool of `agents`. With `presenceFromBackend` (a backend that routes answered
    /// calls to its own agents, such as an Asterisk queue), no agent is logged in until
    /// the backend reports them available: a team member who is not in the queue takes no call.
    init(agents: [String], presenceFromBackend: Bool = false) {
        self.agents = agents
        self.states = Array(repeating: .loggedOut, count: agents.count)
        self.position = Dictionary(agents.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        if presenceFromBackend { away = Set(agents) }
    }

    /// What `agent` is doing; nil for an agent the pool does not know.
    private(set) subscript(agent: String) -> Activity? {
        get { position[agent].map { states[$0] } }
        set {
            if let index = position[agent], let newValue { states[index] = newValue }
        }
    }

    /// Logs every logged-out agent in, except those away (paused or logged out by the backend).
    mutating func logInAll(at time: Date) {
        closing = false
        for index in states.indices where states[index] == .loggedOut && !away.contains(agents[index]) {
            let agent = agents[index]
            states[index] = .ready(since: time)
            sessionStarts[agent] = time
        }
    }

    /// Logs out every free or paused agent now and every busy one as soon as it is free.
    mutating func logOutAll(at time: Date) {
        closing = true
        for (index, agent) in agents.enumerated() {
            if case .ready = states[index] { logOut(agent, at: time) }
            if states[index] == .busyElsewhere { logOut(agent, at: time) }
            if states[index] == .paused { states[index] = .loggedOut }
        }
    }

    /// The ready agent that has waited longest.
    func longestReady() -> String? {
        var best: (index: Int, since: Date)?
        for (index, state) in states.enumerated() {
            guard case .ready(let since) = state else { continue }
            if let current = best, current.since <= since { continue }
            best = (index, since)
        }
        return best.map { agents[$0.index] }
    }

    var readyCount: Int {
        states.count { if case .ready = $0 { true } else { false } }
    }

    /// Agents logged in and not paused.
    var loggedInCount: Int { states.count { $0 != .loggedOut && $0 != .paused } }

    /// Agents paused (logged in, taking no calls, their time not counted as logged in).
    var pausedCount: Int { states.count { $0 == .paused } }

    var isEveryoneLoggedOut: Bool { states.allSatisfy { $0 == .loggedOut } }

    mutating func startPreview(_ agent: String, job: Int64) {
        self[agent] = .previewing(job: job)
    }

    mutating func reserve(_ agent: String, for call: CallID) {
        self[agent] = .reserved(call)
    }

    mutating func startCall(_ agent: String, call: CallID) {
        self[agent] = .onCall(call)
    }

    mutating func startWrapUp(_ agent: String) {
        self[agent] = .wrapUp
    }

    /// The agent is free again (a reserved call failed, or wrap-up ended); presence
    /// the backend reported meanwhile takes effect now.
    mutating func release(_ agent: String, at time: Date) {
        guard self[agent] != nil, self[agent] != .loggedOut, self[agent] != .paused else { return }
        if let presence = pendingPresence.removeValue(forKey: agent) {
            self[agent] = .ready(since: time)
            apply(presence, of: agent, at: time)
        } else if closing {
            logOut(agent, at: time)
        } else {
            self[agent] = .ready(since: time)
        }
    }

    private mutating func logOut(_ agent: String, at time: Date) {
        self[agent] = .loggedOut
        if let start = sessionStarts.removeValue(forKey: agent) {
            finishedSessions.append((agent, start, time))
        }
    }

    /// Follows the presence a telephony backend reports: an agent it names is
    /// added if unknown; a paused agent takes no calls, and its paused time is not
    /// logged-in time, until available again. A busy agent's change waits for the
    /// end of the call and its wrap-up.
    mutating func apply(_ presence: AgentPresence, of agent: String, at time: Date) {
        if position[agent] == nil {
            position[agent] = agents.count
            agents.append(agent)
            states.append(.loggedOut)
        }
        switch presence {
        case .available, .busy:
            away.remove(agent)
            pendingPresence[agent] = nil
            let returning = self[agent] == .paused || (self[agent] == .loggedOut && !closing)
            if returning { sessionStarts[agent] = time }
            switch self[agent] {
            case .ready where presence == .busy:
                self[agent] = .busyElsewhere
            case .busyElsewhere where presence == .available:
                self[agent] = .ready(since: time)
            case _ where returning:
                self[agent] = presence == .busy ? .busyElsewhere : .ready(since: time)
            case .loggedOut, .paused, .ready, .busyElsewhere, nil:
                break
            default:
                // On a campaign call or wrapping up: the change waits for the agent to be free.
                pendingPresence[agent] = presence
            }
        case .paused, .loggedOut:
            away.insert(agent)
            switch self[agent] {
            case .ready, .paused, .busyElsewhere:
                logOut(agent, at: time)
                if presence == .paused { self[agent] = .paused }
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
