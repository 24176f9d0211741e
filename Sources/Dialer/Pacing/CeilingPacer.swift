import Foundation

/// A laboratory reference for the predictive pacer, which no campaign can run: the same rule as
/// ``ModelPacer`` (place a call while its chance of being answered and finding no agent, over its
/// chance of being answered, stays under a threshold) with everything a real dialer must learn
/// handed to it instead: the simulated network's true distributions (``TrueCallDistributions``),
/// no cold start, no learning, no steered gain and no near-cap fallback, and answers minus free
/// agents computed exactly (``ExactOverflow``) rather than as a normal sum. It sees only what a
/// dialer sees: how long each call has rung and each agent has talked or wrapped up.
///
/// Its fixed `threshold` is tuned from outside (``ThresholdBisection``) so that its abandon rate
/// over a benchmark's runs lands on the cap's setpoint: the occupancy it then reaches is the
/// ceiling the model pacer is measured against (`dialer-bench pacing --strategy ceiling`).
///
/// With a `capGuard` it is the **lawful ceiling**: it keeps law 4 as the model does, slowing down and
/// then dialing progressively near the cap (``AbandonCapGuard``, with the calls ringing expected to
/// abandon at the threshold), so the distance to it is what learning costs, and the difference
/// between the two ceilings is what keeping the cap at every moment costs.
struct CeilingPacer: Pacer {
    let truth: TrueCallDistributions
    let threshold: Double
    let capGuard: AbandonCapGuard?
    /// The instants looked at, in seconds from now: the model pacer's.
    private let grid: [Double]
    private var hourFactor: Double?
    private var ringRows: [Int: [Double]] = [:]
    private var talkRows: [Int: [Double]] = [:]
    private var wrapRows: [Int: [Double]] = [:]
    private var fresh: [Double] = []

    init(truth: TrueCallDistributions, threshold: Double, capGuard: AbandonCapGuard? = nil) {
        self.truth = truth
        self.threshold = threshold
        self.capGuard = capGuard
        grid = ModelPacer.horizonGrid(ringTimeout: truth.ringTimeout)
    }

    mutating func targetCallsRinging(_ snapshot: PacingSnapshot) -> Int {
        let factor = truth.hourFactor(at: snapshot.now)
        if factor != hourFactor {
            hourFactor = factor
            ringRows.removeAll(keepingCapacity: true)
            talkRows.removeAll(keepingCapacity: true)
            fresh = truth.ringRow(age: 0, grid: grid, hourFactor: factor)
        }
        var overflow = ExactOverflow(fresh: fresh, callsWaiting: snapshot.callsWaiting, readyAgents: snapshot.readyAgents)
        let ages = snapshot.ringingAges
        var first = ages.startIndex
        var ringingAnswers = 0.0
        while first < ages.endIndex {
            let halfSeconds = Int(ages[first] * 2)
            var end = first + 1
            while end < ages.endIndex && Int(ages[end] * 2) == halfSeconds { end += 1 }
            let row = ringRow(halfSeconds: halfSeconds, factor: factor)
            overflow.addAnswers(row, count: end - first)
            ringingAnswers += Double(end - first) * (row.last ?? 0)
            first = end
        }
        let progressive = max(snapshot.readyAgents - snapshot.callsWaiting, 0)
        var allowedShare = threshold
        if let capGuard {
            let ringingAbandons = ringingAnswers * threshold
            guard !capGuard.isNearTheCap(snapshot, ringingAbandons: ringingAbandons) else { return progressive }
            allowedShare *= capGuard.brake(snapshot, ringingAbandons: ringingAbandons)
        }
        for work in snapshot.busyAgents {
            switch work {
            case .talking(let seconds): overflow.addAgent(talkRow(seconds: Int(seconds), factor: factor))
            case .wrappingUp(let seconds): overflow.addAgent(wrapRow(seconds: Int(seconds)))
            }
        }
        overflow.prepare()
        let allowed = allowedShare * (fresh.last ?? 0)
        let calls = ModelPacer.mostAcceptable(upTo: 4 * snapshot.loggedInAgents + 8) {
            overflow.abandonChance(after: $0 - 1) <= allowed
        }
        return max(progressive, snapshot.callsRinging + calls)
    }

    /// Rows are computed at the middle of each age's half second (calls) or second (agents).
    private mutating func ringRow(halfSeconds: Int, factor: Double) -> [Double] {
        if let row = ringRows[halfSeconds] { return row }
        let row = truth.ringRow(age: Double(halfSeconds) / 2 + 0.25, grid: grid, hourFactor: factor)
        ringRows[halfSeconds] = row
        return row
    }

    private mutating func talkRow(seconds: Int, factor: Double) -> [Double] {
        if let row = talkRows[seconds] { return row }
        let row = truth.talkRow(seconds: Double(seconds) + 0.5, grid: grid, hourFactor: factor)
        talkRows[seconds] = row
        return row
    }

    private mutating func wrapRow(seconds: Int) -> [Double] {
        if let row = wrapRows[seconds] { return row }
        let row = truth.wrapRow(seconds: Double(seconds) + 0.5, grid: grid)
        wrapRows[seconds] = row
        return row
    }
}
