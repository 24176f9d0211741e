import CampaignDSL

/// How many more calls a contact is expected to take, for balancing agents' work.
enum ExpectedWorkload {
    /// The share of calls a person answers, as the simulation's typical figures have it.
    static let answerShare = 0.3

    /// The expected further attempts of a contact with `attempts` made so far: each allowed attempt
    /// (the no-answer rule's count, within the total cap) happens while nobody has answered yet.
    static func attempts(policy: RetryPolicy, attemptsSoFar attempts: Int) -> Double {
        var allowed = policy.rule(for: .noAnswer)?.times ?? 1
        if let maxTotal = policy.maxTotal { allowed = min(allowed, maxTotal) }
        let remaining = max(1, allowed - attempts)
        var expected = 0.0
        var stillUnanswered = 1.0
        for _ in 0..<remaining {
            expected += stillUnanswered
            stillUnanswered *= 1 - answerShare
        }
        return expected
    }
}
