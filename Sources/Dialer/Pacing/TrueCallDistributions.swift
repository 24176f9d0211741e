import Foundation

/// The simulated network's own distributions (``SimulationParameters``), as the ceiling pacer
/// is handed them: how a dial resolves and when it needs an agent, how long persons talk and
/// agents wrap up, how long an agent spends on a machine. A real dialer never knows these.
///
/// The scenario's shares are taken as each dial's chances (the network draws 10 % of numbers
/// unknown and calls each once, so on redials the true share of persons is up to
/// answer-rate ÷ (1 − invalid-rate)); the hour's factor of `answer-by-hour` multiplies the persons'.
struct TrueCallDistributions {
    let parameters: SimulationParameters
    let ringTimeout: Double
    let connectLimit: Double
    private let calendar: Calendar
    private let personRing: LogNormalDistribution
    private let machineRing: LogNormalDistribution
    private let talk: LogNormalDistribution
    private let wrap: LogNormalDistribution
    /// AMD's listening time, as equal-probability values ([0] with AMD off).
    private let amdDelays: [Double]
    /// Wrap-up times as equal-probability values, added to the rest of a talk.
    private let wrapQuantiles: [Double]

    /// Seconds after placing a call that an unknown number and a busy line are signalled (``SimulatedNetwork``).
    static let unallocatedDelay = 2.0
    static let busyDelay = 3.0

    init(parameters: SimulationParameters, ringTimeout: Double, connectLimit: Double, timeZone: TimeZone) {
        self.parameters = parameters
        self.ringTimeout = ringTimeout
        self.connectLimit = connectLimit
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        personRing = LogNormalDistribution(mean: parameters.ringMeanSeconds, coefficientOfVariation: parameters.ringCV)
        machineRing = LogNormalDistribution(mean: parameters.machineRingMeanSeconds, coefficientOfVariation: 0.3)
        talk = LogNormalDistribution(mean: parameters.talkMeanSeconds, coefficientOfVariation: parameters.talkCV)
        wrap = LogNormalDistribution(mean: parameters.wrapMeanSeconds, coefficientOfVariation: parameters.wrapCV)
        amdDelays = parameters.amd
            ? LogNormalDistribution(mean: parameters.amdDelaySeconds, coefficientOfVariation: 0.2).quantiles(24) : [0]
        wrapQuantiles = wrap.quantiles(48)
    }

    /// The multiplier of the person share in the hour that holds `time`.
    func hourFactor(at time: Date) -> Double {
        guard !parameters.answerByHour.isEmpty else { return 1 }
        return parameters.answerByHour[calendar.component(.hour, from: time)] ?? 1
    }

    /// The chance that a call answered after a ring drawn from `ring` has had AMD's verdict (or, AMD
    /// off, been answered) by `seconds` after it was placed; it must be answered before the ring timeout.
    private func decided(by seconds: Double, ring: LogNormalDistribution) -> Double {
        var sum = 0.0
        for delay in amdDelays { sum += ring.cdf(min(seconds - delay, ringTimeout)) }
        return sum / Double(amdDelays.count)
    }

    /// The shares of dials a person and a machine answer, and those of each reaching an agent.
    private func shares(hourFactor: Double) -> (person: Double, machine: Double, personPass: Double, machinePass: Double) {
        let amd = parameters.amd
        return (parameters.personAnswerShare * hourFactor, parameters.machineShare,
                amd ? 1 - parameters.amdFalsePositiveShare : 1, amd ? parameters.amdFalseNegativeShare : 1)
    }

    /// The chance that a call needs an agent by `seconds` after it was placed.
    func needsAgent(by seconds: Double, hourFactor: Double) -> Double {
        let share = shares(hourFactor: hourFactor)
        return share.person * share.personPass * decided(by: seconds, ring: personRing)
            + share.machine * share.machinePass * decided(by: seconds, ring: machineRing)
    }

    /// The chance that a call has ended or been answered (the engine no longer counts it as ringing) by `seconds`.
    func resolved(by seconds: Double, hourFactor: Double) -> Double {
        let share = shares(hourFactor: hourFactor)
        let unknown = parameters.unallocatedShare
        let busy = parameters.busyShare
        let ringsOut = max(0, 1 - unknown - busy - share.person * personRing.cdf(ringTimeout)
                           - share.machine * machineRing.cdf(ringTimeout))
        return (seconds >= Self.unallocatedDelay ? unknown : 0) + (seconds >= Self.busyDelay ? busy : 0)
            + share.person * decided(by: seconds, ring: personRing) + share.machine * decided(by: seconds, ring: machineRing)
            + (seconds >= ringTimeout ? ringsOut : 0)
    }

    /// Chances that a call which has rung `age` seconds needs an agent by each instant of `grid`.
    func ringRow(age: Double, grid: [Double], hourFactor: Double) -> [Double] {
        let unresolved = 1 - resolved(by: age, hourFactor: hourFactor)
        guard unresolved > 1e-9 else { return grid.map { _ in 0 } }
        let before = needsAgent(by: age, hourFactor: hourFactor)
        return grid.map { tau in min(1, max(0, (needsAgent(by: age + tau, hourFactor: hourFactor) - before) / unresolved)) }
    }

    /// Chances that an agent on a call for `seconds` is free by each instant of `grid` plus the connect
    /// limit: a machine (AMD off or wrong) frees the agent after `machine-agent-seconds`, a person
    /// after the rest of the talk and a wrap-up.
    func talkRow(seconds: Double, grid: [Double], hourFactor: Double) -> [Double] {
        let share = shares(hourFactor: hourFactor)
        let persons = share.person * share.personPass * personRing.cdf(ringTimeout)
        let machines = share.machine * share.machinePass * machineRing.cdf(ringTimeout)
        let machineSeconds = parameters.machineAgentSeconds
        let talkGoing = 1 - talk.cdf(seconds)
        let personWeight = persons * talkGoing
        let machineWeight = seconds < machineSeconds ? machines : 0
        let machineChance = personWeight + machineWeight > 0 ? machineWeight / (personWeight + machineWeight) : 0
        return grid.map { tau in
            let horizon = seconds + tau + connectLimit
            var personFree = 0.0
            if talkGoing > 1e-12 {
                for wrapSeconds in wrapQuantiles where horizon - wrapSeconds > seconds {
                    personFree += talk.cdf(horizon - wrapSeconds) - (1 - talkGoing)
                }
                personFree /= Double(wrapQuantiles.count) * talkGoing
            } else {
                personFree = wrap.cdf(horizon - seconds)
            }
            let machineFree = horizon >= machineSeconds ? 1.0 : 0
            return min(1, max(0, machineChance * machineFree + (1 - machineChance) * personFree))
        }
    }

    /// Chances that an agent who has wrapped up for `seconds` is free by each instant of `grid` plus the connect limit.
    func wrapRow(seconds: Double, grid: [Double]) -> [Double] {
        let going = 1 - wrap.cdf(seconds)
        guard going > 1e-12 else { return grid.map { _ in 1 } }
        return grid.map { tau in min(1, max(0, (wrap.cdf(seconds + tau + connectLimit) - (1 - going)) / going)) }
    }
}
