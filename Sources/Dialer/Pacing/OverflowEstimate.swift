import Foundation

/// Answers minus free agents at each instant of the predictive pacer's horizon, as a
/// normal approximation of a sum of independent chances (each ringing call may be
/// answered by then, each busy agent may be free by then), and the chance that one
/// more call placed now is answered and finds every agent free by then already taken.
///
/// Waiting calls are served in the order they were answered, so a call answered at τ
/// finds no agent when the other answers by τ already use every agent free by τ plus
/// the connect limit.
struct OverflowEstimate {
    /// The chance that a call placed now is answered, needing an agent, by each instant.
    let fresh: [Double]
    /// Answers minus free agents by each instant: mean and variance.
    private(set) var mean: [Double]
    private(set) var variance: [Double]

    /// Starts from the calls waiting for an agent less the agents ready now, certain at every instant.
    init(fresh: [Double], callsWaiting: Int, readyAgents: Int) {
        self.fresh = fresh
        mean = Array(repeating: Double(callsWaiting - readyAgents), count: fresh.count)
        variance = Array(repeating: 0, count: fresh.count)
    }

    /// Adds `count` calls, each answered (needing an agent) by each instant with the chances of `row`.
    mutating func addAnswers(_ row: [Double], count: Int = 1) {
        let weight = Double(count)
        for index in mean.indices {
            mean[index] += weight * row[index]
            variance[index] += weight * row[index] * (1 - row[index])
        }
    }

    /// Adds an agent who is free by each instant (plus the connect limit) with the chances of `row`.
    mutating func addAgent(_ row: [Double]) {
        for index in mean.indices {
            mean[index] -= row[index]
            variance[index] += row[index] * (1 - row[index])
        }
    }

    /// The chance that one more call, placed now after `calls` other new calls, is answered and finds no agent.
    func abandonChance(after calls: Int) -> Double {
        let added = Double(calls)
        var chance = 0.0
        var previous = 0.0
        for index in fresh.indices {
            let answered = fresh[index] - previous
            previous = fresh[index]
            guard answered > 0 else { continue }
            // Abandoned when the others' answers reach the free agents: P(answers − free ≥ 0), with a continuity correction.
            let others = mean[index] + added * fresh[index]
            let spread = variance[index] + added * fresh[index] * (1 - fresh[index])
            chance += answered * Self.normalAbove(mean: others + 1, variance: spread, threshold: 0.5)
        }
        return chance
    }

    /// P(X > threshold) for X normal with this mean and variance.
    static func normalAbove(mean: Double, variance: Double, threshold: Double) -> Double {
        guard variance > 1e-9 else { return mean > threshold ? 1 : 0 }
        return 0.5 * erfc((threshold - mean) / (2 * variance).squareRoot())
    }
}
