/// What a pass over a campaign's ended calls adds up: calls by outcome, by AMD verdict, by local
/// day, by hour of day and by agent, talk and wrap-up time, the first and last call.
///
/// Texts arrive as UTF-8 bytes from SQLite and are numbered (``ByteInterner``), so a call costs
/// array updates, not dictionary lookups by `String`; calls come in time order, so a day is
/// added up on its own and filed once.
struct AttemptTally {
    /// Calls and their results in one bucket (a day, an hour of day, an agent).
    struct Counts: Equatable {
        var calls = 0
        /// Persons connected to an agent.
        var connects = 0
        var abandoned = 0
        /// Machines an agent found on a call bridged to them (the abandon ledger's `machinesAtAgents`).
        var machinesAtAgents = 0
        var talkSeconds = 0.0
        var wrapSeconds = 0.0

        /// Persons who answered: connected or abandoned (the abandon rate's denominator).
        var persons: Int { connects + abandoned }
    }

    private var outcomeNames = ByteInterner()
    private var outcomeCounts: [Int] = []
    /// By outcome number: what the outcome counts as.
    private var outcomeKinds: [CallOutcome?] = []
    private var agentNames = ByteInterner()
    private var agentCounts: [Counts] = []
    private var verdictNames = ByteInterner()
    private var verdictCounts: [Int] = []
    /// Days before the one being added up, by local day number.
    private var filedDays: [Int: Counts] = [:]
    private var currentDay: Int?
    private var currentDayCounts = Counts()
    /// By local hour of day, 0–23.
    private(set) var hours = Array(repeating: Counts(), count: 24)
    private(set) var talkSeconds = 0.0
    private(set) var wrapSeconds = 0.0
    private(set) var firstPlaced: Double?
    private(set) var lastEnded: Double?
    private(set) var calls = 0

    /// Calls by outcome (`answered`, `no-answer`, …).
    var outcomes: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(outcomeNames.texts, outcomeCounts))
    }

    /// Calls AMD ran on, by its verdict.
    var amdVerdicts: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(verdictNames.texts, verdictCounts))
    }

    /// By agent id.
    var agents: [String: Counts] {
        Dictionary(uniqueKeysWithValues: zip(agentNames.texts, agentCounts))
    }

    /// By local day number (days since 1970-01-01 in the campaign's zone).
    var days: [Int: Counts] {
        var days = filedDays
        if let currentDay { days[currentDay, default: Counts()].add(currentDayCounts) }
        return days
    }

    /// Adds one ended call; `agent` and `amd` are empty when the call has none.
    mutating func add(outcome: UnsafeBufferPointer<UInt8>, placedAt: Double, endedAt: Double?, day: Int, hour: Int,
                      agent: UnsafeBufferPointer<UInt8>, amd: UnsafeBufferPointer<UInt8>, talk: Double?, wrap: Double?) {
        calls += 1
        let number = outcomeNames.intern(outcome)
        if number == outcomeCounts.count {
            outcomeCounts.append(0)
            outcomeKinds.append(CallOutcome(rawValue: outcomeNames.texts[number]))
        }
        outcomeCounts[number] += 1
        var counts = Counts(calls: 1)
        switch outcomeKinds[number] {
        case .answered?:
            counts.connects = 1
            counts.talkSeconds = talk ?? 0
        case .abandoned?: counts.abandoned = 1
        case .machine? where !agent.isEmpty: counts.machinesAtAgents = 1
        default: break
        }
        counts.wrapSeconds = wrap ?? 0
        talkSeconds += counts.talkSeconds
        wrapSeconds += counts.wrapSeconds
        if day != currentDay {
            if let currentDay { filedDays[currentDay, default: Counts()].add(currentDayCounts) }
            currentDay = day
            currentDayCounts = Counts()
        }
        currentDayCounts.add(counts)
        if hours.indices.contains(hour) { hours[hour].add(counts) }
        if !agent.isEmpty {
            let agentNumber = agentNames.intern(agent)
            if agentNumber == agentCounts.count { agentCounts.append(Counts()) }
            agentCounts[agentNumber].add(counts)
        }
        if !amd.isEmpty {
            let verdict = verdictNames.intern(amd)
            if verdict == verdictCounts.count { verdictCounts.append(0) }
            verdictCounts[verdict] += 1
        }
        if firstPlaced.map({ placedAt < $0 }) ?? true { firstPlaced = placedAt }
        if let endedAt, lastEnded.map({ endedAt > $0 }) ?? true { lastEnded = endedAt }
    }
}

extension AttemptTally.Counts {
    mutating func add(_ other: AttemptTally.Counts) {
        calls += other.calls
        connects += other.connects
        abandoned += other.abandoned
        machinesAtAgents += other.machinesAtAgents
        talkSeconds += other.talkSeconds
        wrapSeconds += other.wrapSeconds
    }
}
