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

/// How a predictive campaign decides how many calls to place.
public enum PacingStrategy: Sendable, Hashable, Codable {
    /// From a model of the calls in flight and the agents, steered under the abandon cap (the default).
    case model
    /// A dial level raised while agents wait and cut when drops pass the cap (as VICIdial's adaptive modes).
    case reactive
    /// A fixed number of calls per free agent, whatever the abandon rate.
    case ratio(Double)
}

/// The dialing mode and its limits.
public struct DialPlan: Sendable, Hashable, Codable {
    public var mode: DialMode
    /// How many agents take calls: the count written, or the size of the team or agent list named.
    public var agents: Int
    /// How long a call may ring before it counts as not answered, in seconds.
    public var ringSeconds: Int
    /// The team that takes the calls; `agents` is then its size.
    public var team: String?
    /// The agents named one by one (`agents an, binh`); `agents` is then their number.
    public var agentIDs: [String]
    /// Preview: each contact waits for the agent it is assigned to (`assigned`, or `assign …`).
    public var assignedAgents: Bool
    /// Preview: how contacts are shared among the agents (`assign …`); nil: by the lists' owner
    /// column when every list has one, else balanced.
    public var assignment: AssignmentRule?
    /// Preview: how long the agent sees a contact before the call is placed.
    public var previewSeconds: Int?
    /// Predictive: the abandon-rate cap, in percent of calls answered by a person.
    public var maxAbandonPercent: Double?
    /// Predictive: how the number of calls is decided (`pacing model`, `pacing reactive`, `pacing ratio 2.5`).
    public var pacing: PacingStrategy
    /// Predictive and agentless: the most calls in progress at once.
    public var lines: Int?
    /// Predictive: the most calls in progress per available agent.
    public var maxLinesPerAgent: Int?
    /// The most new calls placed per second.
    public var callsPerSecond: Int?
    /// Agentless: the survey played to whoever answers.
    public var survey: String?
    /// Agentless: the recording played to whoever answers (a path, resolved against the campaign's folder).
    public var message: String?

    /// The ring time used when a campaign does not name one.
    public static let defaultRingSeconds = 25

    public init(
        mode: DialMode, agents: Int, ringSeconds: Int = DialPlan.defaultRingSeconds, team: String? = nil,
        agentIDs: [String] = [], assignedAgents: Bool = false, previewSeconds: Int? = nil, maxAbandonPercent: Double? = nil,
        pacing: PacingStrategy = .model, lines: Int? = nil, maxLinesPerAgent: Int? = nil, callsPerSecond: Int? = nil, survey: String? = nil,
        message: String? = nil
    ) {
        self.mode = mode
        self.agents = agents
        self.ringSeconds = ringSeconds
        self.team = team
        self.agentIDs = agentIDs
        self.assignedAgents = assignedAgents
        self.previewSeconds = previewSeconds
        self.maxAbandonPercent = maxAbandonPercent
        self.pacing = pacing
        self.lines = lines
        self.maxLinesPerAgent = maxLinesPerAgent
        self.callsPerSecond = callsPerSecond
        self.survey = survey
        self.message = message
    }
}
