/// The population and timings the simulated network draws from.
/// Shares are per dial and need not add to 1: what is left over rings out unanswered.
public struct SimulationParameters: Sendable, Hashable, Codable {
    /// Seeds every draw; the same seed replays the same campaign.
    public var seed: UInt64
    /// Share of dials a person answers (if they pick up before the ring timeout).
    public var personAnswerShare: Double
    /// Share of dials that are busy.
    public var busyShare: Double
    /// Share of dials to numbers the network does not know (cause 1).
    public var unallocatedShare: Double
    /// Mean seconds a person lets it ring before answering (log-normal).
    public var ringMeanSeconds: Double
    /// Coefficient of variation of the ring time.
    public var ringCV: Double
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

    /// Figures typical of outbound calling (see docs/simulation.md).
    public init(
        seed: UInt64 = 1,
        personAnswerShare: Double = 0.30,
        busyShare: Double = 0.05,
        unallocatedShare: Double = 0.05,
        ringMeanSeconds: Double = 9,
        ringCV: Double = 0.5,
        talkMeanSeconds: Double = 150,
        talkCV: Double = 1,
        wrapMeanSeconds: Double = 30,
        wrapCV: Double = 0.5,
        safeHarbourSeconds: Double = 8,
        messageMeanSeconds: Double = 40
    ) {
        self.seed = seed
        self.personAnswerShare = personAnswerShare
        self.busyShare = busyShare
        self.unallocatedShare = unallocatedShare
        self.ringMeanSeconds = ringMeanSeconds
        self.ringCV = ringCV
        self.talkMeanSeconds = talkMeanSeconds
        self.talkCV = talkCV
        self.wrapMeanSeconds = wrapMeanSeconds
        self.wrapCV = wrapCV
        self.safeHarbourSeconds = safeHarbourSeconds
        self.messageMeanSeconds = messageMeanSeconds
    }
}
