import Foundation

/// One ended attempt of a campaign as the predictive pacer learns from it when a run starts:
/// how long it rang, whether it needed an agent, and the agent's time on it.
struct PastPacingAttempt {
    /// The most of the campaign's latest ended attempts a starting run learns from.
    static let historyLimit = 5_000
    /// How long before the run starts those attempts may have been placed (a week: the answer rate follows the days).
    static let historyAge: TimeInterval = 7 * 86_400

    /// Seconds from placing the call to its answer, or to its end when unanswered.
    let ringSeconds: Double
    /// Answered by a person (connected or abandoned), or by a machine that reached an agent.
    let neededAgent: Bool
    /// A machine that reached an agent: seconds from the answer to the call's end
    /// (the store keeps no connect time for machines; this adds the wait for the agent, at most the connect limit).
    let machineSeconds: Double?
    /// A person's talk, and the agent's wrap-up after it, when recorded.
    let talkSeconds: Double?
    let wrapSeconds: Double?

    /// What the pacer would have observed live, in order: the dial's resolution, then the agent's time.
    var observations: [PacingObservation] {
        var observations = [PacingObservation.dialResolved(afterSeconds: ringSeconds, needsAgent: neededAgent)]
        if let machineSeconds { observations.append(.machineFound(seconds: machineSeconds)) }
        if let talkSeconds { observations.append(.talkEnded(seconds: talkSeconds)) }
        if let wrapSeconds { observations.append(.wrapEnded(seconds: wrapSeconds)) }
        return observations
    }
}
