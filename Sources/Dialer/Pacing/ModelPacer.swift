import Foundation

/// The predictive pacer (design.md §5): it places a call when the chance that
/// it is answered and finds no agent within the connect limit is small enough,
/// with that threshold steered so the campaign's abandon rate settles below its cap.
///
/// At each decision it looks over the next seconds, at a grid of instants τ:
/// - each ringing call, given how long it has rung, may be answered by τ
///   (learnt from how the campaign's own dials resolved);
/// - each busy agent, given how long they have been on the call or wrapped up,
///   may be free by τ plus the connect limit (learnt from the campaign's talk and
///   wrap-up times, and from how often and how fast agents find machines);
/// - answers minus free agents by τ is a sum of independent chances, taken as normal.
/// One more call is answered at τ with the learnt chance, and is abandoned when
/// the others' answers already use every agent free by then. It places calls while
/// that chance, over the call's chance of being answered, stays under `gain ×
/// (setpoint − AMD's false positives)`, and never over one half. The gain starts at e^0.5
/// (between where it settles with and without machines reaching agents) and is steered by what
/// really happens: each answer that finds an agent raises it a little, each abandoned one lowers
/// it, so the abandon rate settles at the setpoint; a run that starts inside a compliance window
/// takes in the budget earlier runs left (or overspent) there.
///
/// A new campaign starts from priors (the database's other campaigns' recent attempts, or
/// defaults), which its own observations replace as they come. It dials progressively while it
/// knows too little, with too few agents, and near the cap (``AbandonCapGuard``).
struct ModelPacer: Pacer {
    /// The campaign's limits and the pacer's aims.
    struct Settings {
        /// The abandon-rate cap, as a fraction (0.03 for 3 %).
        var cap: Double
        /// The rate aimed at, below the cap.
        var setpoint: Double
        /// Seconds an answered person may wait for an agent.
        var connectLimit: Double
        /// How long a call rings before it is given up.
        var ringTimeout: Double
        /// The share of persons AMD hangs up on; they count against the setpoint.
        var falsePositiveShare: Double = 0
        /// Fewer agents logged in than this: progressive.
        var minimumAgents = 4

        /// The setpoint for a cap: five sixths of it (2.5 % for 3 %).
        init(cap: Double, connectLimit: Double, ringTimeout: Double, falsePositiveShare: Double = 0) {
            self.cap = cap
            self.setpoint = cap * 5 / 6
            self.connectLimit = connectLimit
            self.ringTimeout = ringTimeout
            self.falsePositiveShare = falsePositiveShare
        }
    }

    let settings: Settings
    /// Law 4: slows down, then dials progressively, near the cap.
    let capGuard: AbandonCapGuard
    /// The instants looked at, in seconds from now.
    private let grid: [Double]
    /// When dials resolved, and when those that needed an agent were answered.
    private var dials = DurationHistogram(width: 0.5, limit: 180)
    private var deliveries = DurationHistogram(width: 0.5, limit: 180)
    private var talks = DurationHistogram(width: 2, limit: 7_200)
    private var wraps = DurationHistogram(width: 1, limit: 1_800)
    private var unrefreshedDials = 0
    private var unrefreshedTalks = 0
    private var unrefreshedWraps = 0
    /// Quantiles of the wrap-up time, convolved with the rest of a talk.
    private var wrapQuantiles: [Double] = []
    /// Cached chances by age (half seconds for calls, seconds for agents), over the grid.
    private var ringRows: [Int: [Double]] = [:]
    private var talkRows: [Int: [Double]] = [:]
    private var wrapRows: [Int: [Double]] = [:]
    /// Seconds agents spent on machines that reached them, and how many calls they took of each kind.
    private var machineCalls = DurationHistogram(width: 0.5, limit: 120)
    private var personCallCount = 0.0
    /// How long each agent of the last decision had been talking, or wrapping up: durations still
    /// going, counted as censored when talk and wrap-up times are learnt (Kaplan–Meier).
    private var talkingAges: [Double] = []
    private var wrappingAges: [Double] = []
    /// The steered multiplier of the allowed abandon chance, as a logarithm.
    private var logGain = Self.initialLogGain
    /// Whether the gain has taken in the window's budget as this run found it.
    private var tookInTheWindow = false

    /// Statistics below these: progressive.
    /// The first talks to end are the shortest (the long ones are still going); the calls still
    /// going are counted as censored, so these first talks do not make agents look free sooner.
    static let minimumDials = 100.0
    static let minimumTalks = 20.0
    static let minimumWraps = 10.0
    /// Talks and wrap-ups are learnt again at each end until this many have ended, then every 20 or 10.
    static let earlyObservations = 100.0
    /// The shares at which wrap-up quantiles are taken to add a wrap-up to the rest of a talk.
    static let wrapShares = [1.0 / 6, 3.0 / 6, 5.0 / 6]
    /// How fast the gain follows the abandon rate.
    static let gainStep = 0.1
    /// Where the gain starts: e^0.5. The threshold bounds the chance of the last call placed, and
    /// the calls placed before it had less; how the rate they realise compares with the threshold
    /// depends on the campaign: the gain settles near e^0.8 with machines reaching agents (AMD off)
    /// and near e^0.2 with AMD on (`docs/simulation.md`). Starting between the two, the gain is a
    /// few abandoned calls from either, where a start at 1 spent its first abandons' worth of
    /// budget climbing, and one at e¹ over-dialed an AMD campaign's first hour.
    static let initialLogGain = 0.5
    /// What the priors count as, at most: a few times the statistics a pacer needs to be informed,
    /// so that the campaign's own observations outweigh them within its first minutes.
    static let priorDials = 2 * minimumDials
    static let priorTalks = 2 * minimumTalks
    static let priorWraps = 2 * minimumWraps
    /// The highest chance of being abandoned, once answered, that a call may have, whatever the gain
    /// and the cap: a call more likely abandoned than connected is never placed. Under a high cap
    /// (a house profile's 20 %) the steered threshold would otherwise accept every call, and the
    /// calls already in the air when the near-cap check stops dialing would abandon far past the cap.
    static let mostAbandonChance = 0.5

    init(settings: Settings) {
        self.settings = settings
        capGuard = AbandonCapGuard(cap: settings.cap)
        grid = Self.horizonGrid(ringTimeout: settings.ringTimeout)
    }

    /// The instants a decision looks at, in seconds from now: every half second to 4 s, every
    /// second to 12 s, then every two; answers further off than the ring timeout less 5 s (at
    /// least 10 s) are left to later decisions.
    static func horizonGrid(ringTimeout: Double) -> [Double] {
        let end = max(10, ringTimeout - 5)
        var grid: [Double] = []
        var tau = 0.5
        while tau < end {
            grid.append(tau)
            tau += tau < 4 ? 0.5 : tau < 12 ? 1 : 2
        }
        grid.append(end)
        return grid
    }

    /// The largest number of new calls, at most `most`, that `acceptable` accepts (it accepts a
    /// number's predecessors when it accepts the number): doubling, then bisecting.
    static func mostAcceptable(upTo most: Int, _ acceptable: (Int) -> Bool) -> Int {
        var low = 0
        var high = 1
        while high <= most && acceptable(high) {
            low = high
            high *= 2
        }
        high = min(high, most + 1)
        while high - low > 1 {
            let middle = (low + high) / 2
            if acceptable(middle) { low = middle } else { high = middle }
        }
        return low
    }

    /// The abandon rate the pacer's own calls may cause: the setpoint less AMD's false
    /// positives, with a quarter more of them as a margin for their variation.
    var aim: Double { max(settings.setpoint - 1.25 * settings.falsePositiveShare, settings.setpoint / 10) }

    /// Whether the pacer has seen enough to trust its model.
    var isInformed: Bool {
        dials.total >= Self.minimumDials && talks.total >= Self.minimumTalks && wraps.total >= Self.minimumWraps
    }

    mutating func observe(_ observation: PacingObservation) {
        switch observation {
        case .dialResolved(let seconds, let needsAgent):
            dials.add(seconds)
            if needsAgent { deliveries.add(seconds) }
            unrefreshedDials += 1
            if unrefreshedDials >= 50 {
                unrefreshedDials = 0
                // Older dials fade, so the answer rate follows the hour of the day.
                if dials.total > 4_000 {
                    dials.fade(by: 0.5)
                    deliveries.fade(by: 0.5)
                }
                dials.refresh()
                deliveries.refresh()
                ringRows.removeAll(keepingCapacity: true)
            }
        case .delivered(_, let abandoned):
            logGain += Self.gainStep * (aim - (abandoned ? 1 : 0))
            logGain = min(3, max(-4, logGain))
        case .machineFound(let seconds):
            machineCalls.add(seconds)
            machineCalls.refresh()
            talkRows.removeAll(keepingCapacity: true)
        case .talkEnded(let seconds):
            personCallCount += 1
            talks.add(seconds)
            Self.remove(endedAfter: seconds, from: &talkingAges)
            unrefreshedTalks += 1
            if unrefreshedTalks >= 20 || talks.total < Self.earlyObservations {
                unrefreshedTalks = 0
                if talks.total > 2_000 { talks.fade(by: 0.5) }
                talks.refresh(censoredAt: talkingAges)
                talkRows.removeAll(keepingCapacity: true)
            }
        case .wrapEnded(let seconds):
            wraps.add(seconds)
            Self.remove(endedAfter: seconds, from: &wrappingAges)
            unrefreshedWraps += 1
            if unrefreshedWraps >= 10 || wraps.total < Self.earlyObservations {
                unrefreshedWraps = 0
                if wraps.total > 2_000 { wraps.fade(by: 0.5) }
                wraps.refresh(censoredAt: wrappingAges)
                wrapQuantiles = Self.wrapShares.map { wraps.quantile($0) }
                wrapRows.removeAll(keepingCapacity: true)
                talkRows.removeAll(keepingCapacity: true)
            }
        }
    }

    var learnsFromHistory: Bool { true }

    /// Replays the campaign's past attempts as if observed live (older ones fade as they would
    /// have), then brings every distribution up to date: a campaign with enough history starts informed.
    mutating func learn(from history: [PastPacingAttempt]) {
        for attempt in history {
            for observation in attempt.observations { observe(observation) }
        }
        refreshAll()
    }

    /// Starts from priors (other campaigns' attempts, or ``PastPacingAttempt/defaultPriors(ringTimeout:)``)
    /// where the campaign's own history is thin: each distribution gets at most ``priorDials``,
    /// ``priorTalks`` or ``priorWraps`` observations' weight of them, less what its own history
    /// holds, so the campaign starts predictive and its own calls replace the priors as they come.
    mutating func learn(priors: [PastPacingAttempt]) {
        let dialWeight = Self.priorWeight(wanted: Self.priorDials - dials.total, available: priors.count)
        let talkWeight = Self.priorWeight(wanted: Self.priorTalks - talks.total, available: priors.count { $0.talkSeconds != nil })
        let wrapWeight = Self.priorWeight(wanted: Self.priorWraps - wraps.total, available: priors.count { $0.wrapSeconds != nil })
        let persons = priors.count { $0.talkSeconds != nil }
        for prior in priors {
            if dialWeight > 0 {
                dials.add(prior.ringSeconds, weight: dialWeight)
                if prior.neededAgent { deliveries.add(prior.ringSeconds, weight: dialWeight) }
            }
            if let seconds = prior.talkSeconds, talkWeight > 0 { talks.add(seconds, weight: talkWeight) }
            if let seconds = prior.wrapSeconds, wrapWeight > 0 { wraps.add(seconds, weight: wrapWeight) }
            if let seconds = prior.machineSeconds, talkWeight > 0, machineCalls.total < 1 {
                machineCalls.add(seconds, weight: talkWeight)
            }
        }
        if talkWeight > 0, personCallCount < 1 { personCallCount += Double(persons) * talkWeight }
        refreshAll()
    }

    /// The weight of each of `available` prior observations so that together they weigh `wanted`.
    private static func priorWeight(wanted: Double, available: Int) -> Double {
        guard wanted > 0, available > 0 else { return 0 }
        return wanted / Double(available)
    }

    /// Brings every learnt distribution up to date with the observations not yet refreshed.
    private mutating func refreshAll() {
        (unrefreshedDials, unrefreshedTalks, unrefreshedWraps) = (0, 0, 0)
        dials.refresh()
        deliveries.refresh()
        talks.refresh()
        wraps.refresh()
        machineCalls.refresh()
        wrapQuantiles = wraps.total > 0 ? Self.wrapShares.map { wraps.quantile($0) } : []
        ringRows.removeAll(keepingCapacity: true)
        talkRows.removeAll(keepingCapacity: true)
        wrapRows.removeAll(keepingCapacity: true)
    }

    /// Removes from the ages seen at the last decision the one of the talk or wrap-up that
    /// just ended after `seconds` (seen at most a decision earlier), so it is not counted as still going.
    private static func remove(endedAfter seconds: Double, from ages: inout [Double]) {
        if let index = ages.firstIndex(where: { $0 <= seconds && $0 > seconds - 1.5 }) { ages.remove(at: index) }
    }

    mutating func targetCallsRinging(_ snapshot: PacingSnapshot) -> Int {
        talkingAges.removeAll(keepingCapacity: true)
        wrappingAges.removeAll(keepingCapacity: true)
        for work in snapshot.busyAgents {
            switch work {
            case .talking(let seconds): talkingAges.append(seconds)
            case .wrappingUp(let seconds): wrappingAges.append(seconds)
            }
        }
        let progressive = max(0, snapshot.readyAgents - snapshot.callsWaiting)
        guard isInformed, snapshot.loggedInAgents >= settings.minimumAgents else { return progressive }
        if !tookInTheWindow {
            // A run that starts inside a compliance window (a campaign's second day under the TSR's
            // 30 days) steers by the window's whole budget: what earlier runs left unspent it may
            // spend, what they overspent it saves. Then each answer moves the gain as it comes.
            tookInTheWindow = true
            let unspent = settings.setpoint * snapshot.answeredInWindow - snapshot.abandonedInWindow
            logGain = min(3, max(-4, logGain + Self.gainStep * unspent))
        }
        var estimate = OverflowEstimate(
            fresh: ringRow(halfSeconds: 0), callsWaiting: snapshot.callsWaiting, readyAgents: snapshot.readyAgents)
        // The ages come in order, so the calls of each half second are consecutive and are added together.
        let ages = snapshot.ringingAges
        var first = ages.startIndex
        var ringingAnswers = 0.0
        while first < ages.endIndex {
            let halfSeconds = Int(ages[first] * 2)
            var end = first + 1
            while end < ages.endIndex && Int(ages[end] * 2) == halfSeconds { end += 1 }
            let row = ringRow(halfSeconds: halfSeconds)
            estimate.addAnswers(row, count: end - first)
            ringingAnswers += Double(end - first) * (row.last ?? 0)
            first = end
        }
        for work in snapshot.busyAgents {
            switch work {
            case .talking(let seconds): estimate.addAgent(talkRow(seconds: Int(seconds)))
            case .wrappingUp(let seconds): estimate.addAgent(wrapRow(seconds: Int(seconds)))
            }
        }
        let allowedShare = min(exp(logGain) * aim, Self.mostAbandonChance)
        let ringingAbandons = ringingAnswers * allowedShare
        guard !capGuard.isNearTheCap(snapshot, ringingAbandons: ringingAbandons) else { return progressive }
        let allowed = allowedShare * capGuard.brake(snapshot, ringingAbandons: ringingAbandons) * (estimate.fresh.last ?? 0)
        func acceptable(_ calls: Int) -> Bool {
            estimate.abandonChance(after: calls - 1) <= allowed
        }
        let low = Self.mostAcceptable(upTo: 4 * snapshot.loggedInAgents + 8, acceptable)
        return max(progressive, snapshot.callsRinging + low)
    }

    /// Chances that a call which has rung `halfSeconds / 2` seconds is answered, needing an agent, by each instant.
    private mutating func ringRow(halfSeconds: Int) -> [Double] {
        if let row = ringRows[halfSeconds] { return row }
        let age = Double(halfSeconds) / 2
        let all = dials.weight(atMost: .greatestFiniteMagnitude)
        let unresolved = all - dials.weight(atMost: age)
        let answeredBefore = deliveries.weight(atMost: age)
        let row = grid.map { tau in
            unresolved > 1e-9 ? min(1, max(0, (deliveries.weight(atMost: age + tau) - answeredBefore) / unresolved)) : 0
        }
        ringRows[halfSeconds] = row
        return row
    }

    /// Chances that an agent who has been on a call for `seconds` is free by each
    /// instant plus the connect limit: a person's call ends after its talk and a
    /// wrap-up, a machine's (AMD off or wrong) when the agent finds it, with no wrap-up.
    private mutating func talkRow(seconds: Int) -> [Double] {
        if let row = talkRows[seconds] { return row }
        let talked = Double(seconds)
        let machineWeight = machineCalls.total / max(1, machineCalls.total + personCallCount)
        let talkEnded = talks.share(atMost: talked)
        let machineEnded = machineCalls.share(atMost: talked)
        // The chance that a call still going after `talked` seconds is a person's, or a machine's.
        let personStill = (1 - machineWeight) * (1 - talkEnded)
        let machineStill = machineWeight * (1 - machineEnded)
        let quantiles = wrapQuantiles.isEmpty ? [0.0] : wrapQuantiles
        let row = grid.map { tau -> Double in
            let horizon = tau + settings.connectLimit
            guard personStill + machineStill > 1e-6 else {
                return Double(quantiles.count { $0 <= horizon }) / Double(quantiles.count)
            }
            var personFree = 0.0
            for wrap in quantiles where wrap < horizon {
                personFree += max(0, talks.share(atMost: talked + horizon - wrap) - talkEnded)
            }
            personFree *= (1 - machineWeight) / Double(quantiles.count)
            let machineFree = machineWeight * max(0, machineCalls.share(atMost: talked + horizon) - machineEnded)
            return min(1, (personFree + machineFree) / (personStill + machineStill))
        }
        talkRows[seconds] = row
        return row
    }

    /// Chances that an agent who has wrapped up for `seconds` is free by each instant plus the connect limit.
    private mutating func wrapRow(seconds: Int) -> [Double] {
        if let row = wrapRows[seconds] { return row }
        let wrapped = Double(seconds)
        let ended = wraps.share(atMost: wrapped)
        let remaining = 1 - ended
        let row = grid.map { tau in
            remaining > 1e-6 ? min(1, max(0, (wraps.share(atMost: wrapped + tau + settings.connectLimit) - ended) / remaining)) : 1
        }
        wrapRows[seconds] = row
        return row
    }
}

