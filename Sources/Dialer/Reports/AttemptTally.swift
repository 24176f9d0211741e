/// What a pass over a campaign's ended calls adds up: calls by outcome, by local day, by hour of
/// day and by agent, talk and wrap-up time, the first and last call.
struct AttemptTally {
    /// Calls and their results in one bucket (a day, an hour of day, an agent).
    struct Counts: Equatable {
        var calls = 0
        /// Persons connected to an agent.
        var connects = 0
        var abandoned = 0
        var talkSeconds = 0.0
        var wrapSeconds = 0.0

        /// Persons who answered: connected or abandoned (the abandon rate's denominator).
        var persons: Int { connects + abandoned }
    }

    var outcomes: [String: Int] = [:]
    /// By local day number (days since 1970-01-01 in the campaign's zone).
    var days: [Int: Counts] = [:]
    /// By local hour of day, 0–23.
    var hours = Array(repeating: Counts(), count: 24)
    var agents: [String: Counts] = [:]
    var talkSeconds = 0.0
    var wrapSeconds = 0.0
    var firstPlaced: Double?
    var lastEnded: Double?

    var calls: Int { outcomes.values.reduce(0, +) }

    /// Adds one ended call.
    mutating func add(outcome: String, placedAt: Double, endedAt: Double?, day: Int, hour: Int,
                      agent: String?, talk: Double?, wrap: Double?) {
        outcomes[outcome, default: 0] += 1
        var counts = Counts(calls: 1)
        switch outcome {
        case CallOutcome.answered.rawValue:
            counts.connects = 1
            counts.talkSeconds = talk ?? 0
        case CallOutcome.abandoned.rawValue: counts.abandoned = 1
        default: break
        }
        counts.wrapSeconds = wrap ?? 0
        talkSeconds += counts.talkSeconds
        wrapSeconds += counts.wrapSeconds
        days[day, default: Counts()].add(counts)
        if hours.indices.contains(hour) { hours[hour].add(counts) }
        if let agent { agents[agent, default: Counts()].add(counts) }
        if firstPlaced.map({ placedAt < $0 }) ?? true { firstPlaced = placedAt }
        if let endedAt, lastEnded.map({ endedAt > $0 }) ?? true { lastEnded = endedAt }
    }
}

extension AttemptTally.Counts {
    mutating func add(_ other: AttemptTally.Counts) {
        calls += other.calls
        connects += other.connects
        abandoned += other.abandoned
        talkSeconds += other.talkSeconds
        wrapSeconds += other.wrapSeconds
    }
}
