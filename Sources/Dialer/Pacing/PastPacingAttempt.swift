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

extension PastPacingAttempt {
    /// What a new campaign starts from when no other campaign in its database has called lately:
    /// 100 dials as the pacer would have seen them, figures of no scenario in particular and on
    /// the careful side (more answers needing an agent, agents busy longer than most campaigns
    /// see, so the first minutes over-dial too little rather than too much): 40 % answered after
    /// a ring of 8 s on average (CV 0.5), 5 % busy, the rest ringing out at `ringTimeout`; persons
    /// talking 180 s (CV 1) and wrapping up 30 s (CV 0.5). The campaign's own calls replace them within minutes.
    static func defaultPriors(ringTimeout: Double) -> [PastPacingAttempt] {
        let answered = 40
        let ring = LogNormalDistribution(mean: 8, coefficientOfVariation: 0.5).quantiles(answered)
        let talks = LogNormalDistribution(mean: 180, coefficientOfVariation: 1).quantiles(answered)
        let wraps = LogNormalDistribution(mean: 30, coefficientOfVariation: 0.5).quantiles(answered)
        var priors: [PastPacingAttempt] = []
        // Talks and wrap-ups paired in a scrambled order, so long talks do not all ride on long rings.
        for index in 0..<answered where ring[index] < ringTimeout {
            priors.append(PastPacingAttempt(ringSeconds: ring[index], neededAgent: true, machineSeconds: nil,
                                            talkSeconds: talks[(index * 7) % answered], wrapSeconds: wraps[(index * 11) % answered]))
        }
        for _ in 0..<5 {
            priors.append(PastPacingAttempt(ringSeconds: 3, neededAgent: false, machineSeconds: nil, talkSeconds: nil, wrapSeconds: nil))
        }
        while priors.count < 100 {
            priors.append(PastPacingAttempt(ringSeconds: ringTimeout, neededAgent: false, machineSeconds: nil, talkSeconds: nil, wrapSeconds: nil))
        }
        return priors
    }
}
