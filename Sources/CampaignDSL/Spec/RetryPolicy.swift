/// The unsuccessful ends of a call that a retry rule can name.
public enum RetryOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case noAnswer = "no-answer"
    case busy
    case machine
    case failed
    case abandoned
}

/// How often, and how far apart, a contact is called again after one outcome.
public struct RetryRule: Sendable, Hashable, Codable {
    /// The most calls to a contact that may end with this outcome, counting the first.
    /// `no-answer 4 times` calls a contact that never answers four times in all.
    public var times: Int
    /// The waits before the 2nd, 3rd, … call; the last wait repeats.
    public var waits: [Int]

    public init(times: Int, waits: [Int]) {
        self.times = times
        self.waits = waits
    }

    /// The wait in seconds after the `count`-th call with this outcome (1-based).
    public func wait(after count: Int) -> Int {
        guard let last = waits.last else { return 0 }
        let index = count - 1
        return index < waits.count ? waits[max(0, index)] : last
    }
}

/// The retry rules of a campaign, one per outcome at most.
/// An outcome without a rule is not retried.
public struct RetryPolicy: Sendable, Hashable, Codable {
    public var rules: [RetryOutcome: RetryRule]
    /// The most calls to one contact in one calendar day of the contact's zone (the campaign's
    /// zone for a number whose zone is unknown), under every compliance profile.
    public var maxPerDay: Int?
    /// The most calls to one contact in any 24 hours.
    public var maxPer24Hours: Int?
    /// The most calls to one contact over the whole campaign.
    public var maxTotal: Int?

    public init(rules: [RetryOutcome: RetryRule] = [:], maxPerDay: Int? = nil, maxPer24Hours: Int? = nil,
                maxTotal: Int? = nil) {
        self.rules = rules
        self.maxPerDay = maxPerDay
        self.maxPer24Hours = maxPer24Hours
        self.maxTotal = maxTotal
    }

    public func rule(for outcome: RetryOutcome) -> RetryRule? { rules[outcome] }
}
