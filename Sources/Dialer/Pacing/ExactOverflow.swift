import Foundation

/// The exact distribution of answers minus free agents at each instant of a pacer's horizon
/// (a Poisson-binomial sum: every ringing call and every busy agent is its own chance), where
/// ``OverflowEstimate`` takes it as normal. Each sum is kept as its probabilities, dropping
/// only tails below 10⁻¹⁵. The ceiling pacer (``CeilingPacer``) decides by it.
struct ExactOverflow {
    /// The chance that a call placed now is answered, needing an agent, by each instant.
    let fresh: [Double]
    /// `answers[j][i]`: the chance that `i` of the ringing calls are answered by instant `j`.
    private var answers: [[Double]]
    /// `free[j][i]`: the chance that `i` of the busy agents are free by instant `j` plus the connect limit.
    private var free: [[Double]]
    /// Calls waiting less agents ready now.
    private let start: Int
    /// Built by ``prepare()``: `tails[j][i]` is P(D ≥ `lowest[j]` + i) for D = start + answers − free at instant j.
    private var tails: [[Double]] = []
    private var lowest: [Int] = []

    private static let negligible = 1e-15

    init(fresh: [Double], callsWaiting: Int, readyAgents: Int) {
        self.fresh = fresh
        answers = Array(repeating: [1], count: fresh.count)
        free = Array(repeating: [1], count: fresh.count)
        start = callsWaiting - readyAgents
    }

    /// Adds `count` ringing calls, each answered (needing an agent) by each instant with the chances of `row`.
    mutating func addAnswers(_ row: [Double], count: Int = 1) {
        for index in answers.indices {
            for _ in 0..<count { Self.add(row[index], to: &answers[index]) }
        }
    }

    /// Adds an agent who is free by each instant (plus the connect limit) with the chances of `row`.
    mutating func addAgent(_ row: [Double]) {
        for index in free.indices { Self.add(row[index], to: &free[index]) }
    }

    /// One more Bernoulli chance in a count's distribution.
    private static func add(_ chance: Double, to counts: inout [Double]) {
        guard chance > negligible else { return }
        if chance >= 1 - negligible {
            counts.insert(0, at: 0)
            return
        }
        counts.append(0)
        for index in stride(from: counts.count - 1, to: 0, by: -1) {
            counts[index] = counts[index] * (1 - chance) + counts[index - 1] * chance
        }
        counts[0] *= 1 - chance
        while counts.count > 1, counts[counts.count - 1] < negligible { counts.removeLast() }
    }

    /// Combines answers and free agents at each instant; call before ``abandonChance(after:)``.
    mutating func prepare() {
        tails = []
        lowest = []
        for index in fresh.indices {
            let answered = answers[index]
            let freed = free[index]
            // D = start + a − f, from start − (freed.count − 1) upwards.
            let low = start - (freed.count - 1)
            var distribution = Array(repeating: 0.0, count: answered.count + freed.count - 1)
            for (f, pf) in freed.enumerated() where pf > Self.negligible {
                for (a, pa) in answered.enumerated() where pa > Self.negligible {
                    distribution[a - f + freed.count - 1] += pa * pf
                }
            }
            var tail = distribution
            var sum = 0.0
            for position in stride(from: tail.count - 1, through: 0, by: -1) {
                sum += distribution[position]
                tail[position] = sum
            }
            tails.append(tail)
            lowest.append(low)
        }
    }

    /// P(D ≥ value) at instant `index`.
    private func atLeast(_ value: Int, at index: Int) -> Double {
        let position = value - lowest[index]
        if position <= 0 { return tails[index].first ?? 0 }
        return position < tails[index].count ? tails[index][position] : 0
    }

    /// The chance that one more call, placed now after `calls` other new calls, is answered and
    /// finds no agent: answered at an instant when the other answers by then (the new ones are a
    /// binomial count) already use every agent free by then.
    func abandonChance(after calls: Int) -> Double {
        var chance = 0.0
        var previous = 0.0
        for index in fresh.indices {
            let answered = fresh[index] - previous
            previous = fresh[index]
            guard answered > 0 else { continue }
            let share = fresh[index]
            var overflow = 0.0
            if calls == 0 || share <= 0 {
                overflow = atLeast(0, at: index)
            } else if share >= 1 {
                overflow = atLeast(-calls, at: index)
            } else {
                // Σ over b new answers of P(B = b) · P(D ≥ −b), each binomial term from its logarithm.
                let n = Double(calls)
                let logShare = log(share)
                let logRest = log(1 - share)
                for b in 0...calls {
                    let k = Double(b)
                    let logTerm = lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * logShare + (n - k) * logRest
                    overflow += exp(logTerm) * atLeast(-b, at: index)
                }
            }
            chance += answered * min(1, overflow)
        }
        return chance
    }
}
