/// One agent's figures over a report's range.
public struct AgentFigures: Sendable, Hashable, Codable {
    public var agent: String
    /// The display name from the campaign's team, if it gives one.
    public var name: String?
    /// Calls placed for this agent or taken by it (whatever their outcome).
    public var calls: Int
    /// Persons connected to this agent.
    public var connects: Int
    public var talkSeconds: Double
    public var wrapSeconds: Double
    public var loggedInSeconds: Double
    /// Logged-in time neither talking nor wrapping up.
    public var idleSeconds: Double
    /// (talk + wrap-up) ÷ logged-in time.
    public var occupancy: Double

    enum CodingKeys: String, CodingKey {
        case agent, name, calls, connects, occupancy
        case talkSeconds = "talk_seconds"
        case wrapSeconds = "wrap_seconds"
        case loggedInSeconds = "logged_in_seconds"
        case idleSeconds = "idle_seconds"
    }

    init(agent: String, name: String?, counts: AttemptTally.Counts, loggedIn: Double) {
        self.agent = agent
        self.name = name
        calls = counts.calls
        connects = counts.connects
        talkSeconds = counts.talkSeconds.rounded()
        wrapSeconds = counts.wrapSeconds.rounded()
        loggedInSeconds = loggedIn.rounded()
        idleSeconds = max(0, loggedIn - counts.talkSeconds - counts.wrapSeconds).rounded()
        occupancy = Ratio.of(counts.talkSeconds + counts.wrapSeconds, loggedIn)
    }
}
