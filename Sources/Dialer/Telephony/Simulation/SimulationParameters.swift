/// The population and timings the simulated network draws from.
/// Shares are per dial and need not add to 1: what is left over rings out unanswered.
public struct SimulationParameters: Sendable, Hashable, Codable {
    /// Seeds every draw; the same seed replays the same campaign.
    public var seed: UInt64
    /// Share of dials a person answers (if they pick up before the ring timeout).
    public var personAnswerShare: Double
    /// Share of dials an answering machine answers.
    public var machineShare: Double
    /// Share of dials that are busy.
    public var busyShare: Double
    /// Share of dials to numbers the network does not know (cause 1).
    public var unallocatedShare: Double
    /// Mean seconds a person lets it ring before answering (log-normal).
    public var ringMeanSeconds: Double
    /// Coefficient of variation of the ring time.
    public var ringCV: Double
    /// Mean seconds before an answering machine picks up (log-normal, CV 0.3).
    public var machineRingMeanSeconds: Double
    /// Mean talk time in seconds (log-normal).
    public var talkMeanSeconds: Double
    /// Coefficient of variation of the talk time.
    public var talkCV: Double
    /// Mean wrap-up time of an agent after a call, in seconds (log-normal).
    public var wrapMeanSeconds: Double
    /// Coefficient of variation of the wrap-up time.
    public var wrapCV: Double
    /// Seconds the safe-harbour message plays before an abandoned call is hung up.
    public var safeHarbourSeconds: Double
    /// Mean seconds a person listens to an agentless message or survey (log-normal, CV 0.5).
    public var messageMeanSeconds: Double
    /// Whether answering-machine detection runs on answered calls. Off: every answer
    /// goes to an agent, who spends `machineAgentSeconds` on a machine.
    public var amd: Bool
    /// Mean seconds AMD listens before it decides (log-normal, CV 0.2); the agent's 2 s start after it.
    public var amdDelaySeconds: Double
    /// Share of persons AMD classes as machines: they are hung up on, which counts as abandoned.
    public var amdFalsePositiveShare: Double
    /// Share of machines AMD classes as persons: they reach an agent.
    public var amdFalseNegativeShare: Double
    /// Seconds an agent spends on a machine that reached them (not productive time).
    public var machineAgentSeconds: Double
    /// Whether the network "records" each call bridged to an agent: it reports the link
    /// `simulated://recordings/CALL` for it. No file is made; the link only exercises the reports.
    public var recordings = false
    /// Multipliers of the person answer share by hour of the day (0–23) in the campaign's zone; missing hours are 1.
    public var answerByHour: [Int: Double]
    /// Mean seconds an agent works between breaks (exponential); 0 for no breaks.
    public var breakEverySeconds: Double
    /// Mean length of a break in seconds (log-normal, CV 0.5).
    public var breakMeanSeconds: Double
    /// Share of breaks for which the agent logs out (and back in) rather than pausing.
    public var logoutShare: Double
    /// Whether the network routes answered calls itself, as an Asterisk queue does: an
    /// answered person (after AMD, when on) goes to the agent free longest, or waits at most
    /// ``pbxQueueSeconds`` and then hears the safe-harbour message; the engine only follows.
    public var pbxRouting = false
    /// With ``pbxRouting``: the most a person waits in the queue for an agent (the dialplan's `Queue(…,2)`).
    public var pbxQueueSeconds: Double = 2
    /// With ``pbxRouting``: how long the queue rings the agent it chose before the call is bridged
    /// (Asterisk's `AgentCalled` to `AgentConnect`); the answered call waits meanwhile.
    public var pbxAgentRingSeconds: Double = 0.3
    /// How simulated agents fill in dispositions, surveys and callbacks, and callees answer keyed surveys.
    public var agentBehaviour = SimulatedAgentBehaviour()

    /// Figures typical of outbound calling (see docs/simulation.md); machines, AMD and breaks off.
    public init(
        seed: UInt64 = 1,
        personAnswerShare: Double = 0.30,
        machineShare: Double = 0,
        busyShare: Double = 0.05,
        unallocatedShare: Double = 0.05,
        ringMeanSeconds: Double = 9,
        ringCV: Double = 0.5,
        machineRingMeanSeconds: Double = 12,
        talkMeanSeconds: Double = 150,
        talkCV: Double = 1,
        wrapMeanSeconds: Double = 30,
        wrapCV: Double = 0.5,
        safeHarbourSeconds: Double = 8,
        messageMeanSeconds: Double = 40,
        amd: Bool = false,
        amdDelaySeconds: Double = 2.5,
        amdFalsePositiveShare: Double = 0.01,
        amdFalseNegativeShare: Double = 0.10,
        machineAgentSeconds: Double = 5,
        answerByHour: [Int: Double] = [:],
        breakEverySeconds: Double = 0,
        breakMeanSeconds: Double = 900,
        logoutShare: Double = 0
    ) {
        self.seed = seed
        self.personAnswerShare = personAnswerShare
        self.machineShare = machineShare
        self.busyShare = busyShare
        self.unallocatedShare = unallocatedShare
        self.ringMeanSeconds = ringMeanSeconds
        self.ringCV = ringCV
        self.machineRingMeanSeconds = machineRingMeanSeconds
        self.talkMeanSeconds = talkMeanSeconds
        self.talkCV = talkCV
        self.wrapMeanSeconds = wrapMeanSeconds
        self.wrapCV = wrapCV
        self.safeHarbourSeconds = safeHarbourSeconds
        self.messageMeanSeconds = messageMeanSeconds
        self.amd = amd
        self.amdDelaySeconds = amdDelaySeconds
        self.amdFalsePositiveShare = amdFalsePositiveShare
        self.amdFalseNegativeShare = amdFalseNegativeShare
        self.machineAgentSeconds = machineAgentSeconds
        self.answerByHour = answerByHour
        self.breakEverySeconds = breakEverySeconds
        self.breakMeanSeconds = breakMeanSeconds
        self.logoutShare = logoutShare
    }

    /// The reference scenario of the pacing benchmark: 30 % persons (ring mean 9 s),
    /// 15 % machines, 5 % busy, 10 % invalid, the rest no answer; talk mean 150 s
    /// (CV 1), wrap-up mean 30 s; AMD off.
    public static func reference(seed: UInt64) -> SimulationParameters {
        SimulationParameters(seed: seed, personAnswerShare: 0.30, machineShare: 0.15, busyShare: 0.05, unallocatedShare: 0.10)
    }
}
