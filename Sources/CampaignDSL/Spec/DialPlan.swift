/// How a campaign places its calls.
public enum DialMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The agent sees the contact first, then the call is placed for them.
    case preview
    /// One call per free agent.
    case progressive
    /// More calls than free agents, with the abandon rate kept under a cap.
    case predictive
    /// No agents: a message or survey is played to whoever answers.
    case agentless
}

/// The dialing mode and its limits.
public struct DialPlan: Sendable, Hashable, Codable {
    public var mode: DialMode
    /// How many agents take calls (the thin language names a count; teams come later).
    public var agents: Int
    /// How long a call may ring before it counts as not answered, in seconds.
    public var ringSeconds: Int

    /// The ring time used when a campaign does not name one.
    public static let defaultRingSeconds = 25

    public init(mode: DialMode, agents: Int, ringSeconds: Int = DialPlan.defaultRingSeconds) {
        self.mode = mode
        self.agents = agents
        self.ringSeconds = ringSeconds
    }
}
