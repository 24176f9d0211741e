@testable import Dialer
import Foundation
import Testing

/// The predictive pacer's estimate of the chance that one more call finds no agent,
/// against closed forms and an exact count.
@Suite struct OverflowEstimateTests {
    /// Calls answered with chance one half, all 6 s after they are placed, on a grid of 10 one-second instants.
    static let coinFlip = (0..<10).map { $0 >= 5 ? 0.5 : 0 }

    /// One ready agent and `k` other new calls: the next call is abandoned when it is
    /// answered (½) and another is too (1 − ½ᵏ), since they all answer at once.
    @Test(arguments: 1...6)
    func oneReadyAgentAndCoinFlipCalls(others k: Int) {
        let estimate = OverflowEstimate(fresh: Self.coinFlip, callsWaiting: 0, readyAgents: 1)
        let exact = 0.5 * (1 - pow(0.5, Double(k)))
        #expect(abs(estimate.abandonChance(after: k) - exact) < 0.01, "\(estimate.abandonChance(after: k)) against \(exact)")
    }

    /// An agent certainly free within the horizon counts as a ready one; a waiting call takes one.
    @Test func certainAgentsAndWaitingCalls() {
        var estimate = OverflowEstimate(fresh: Self.coinFlip, callsWaiting: 1, readyAgents: 2)
        estimate.addAgent(Array(repeating: 1, count: 10))
        // Two agents for the others: abandoned when at least two of three others answer, P = ½.
        #expect(abs(estimate.abandonChance(after: 3) - 0.25) < 0.01)
        #expect(estimate.abandonChance(after: 0) == 0, "the first call has an agent for sure")
        let none = OverflowEstimate(fresh: Self.coinFlip, callsWaiting: 1, readyAgents: 0)
        #expect(abs(none.abandonChance(after: 0) - 0.5) < 1e-9, "no agent at all: abandoned whenever answered")
    }

    /// Property over random ringing calls and agents: the estimate is within a few points of
    /// the exact chance (each instant's count of answers and free agents convolved exactly),
    /// never more than the chance of being answered, and, where the pacer decides, it grows
    /// with every call placed before.
    @Test func itFollowsTheExactCountAndGrowsWithEveryCall() {
        var random = SeededRandom(seed: 42)
        let instants = 8
        var worst = 0.0
        for _ in 0..<300 {
            let fresh = Self.cumulativeRow(&random, count: instants, top: 0.2 + 0.5 * random.unit())
            let ready = Int(random.next() % 3)
            var estimate = OverflowEstimate(fresh: fresh, callsWaiting: 0, readyAgents: ready)
            var answers: [[Double]] = []
            var agents: [[Double]] = []
            for _ in 0..<Int(random.next() % 12) {
                let row = Self.cumulativeRow(&random, count: instants, top: random.unit())
                answers.append(row)
                estimate.addAnswers(row)
            }
            for _ in 0..<Int(random.next() % 8) {
                let row = Self.cumulativeRow(&random, count: instants, top: random.unit())
                agents.append(row)
                estimate.addAgent(row)
            }
            var previous = 0.0
            for others in 0..<4 {
                let chance = estimate.abandonChance(after: others)
                let exact = Self.exactAbandonChance(
                    fresh: fresh, answers: answers + Array(repeating: fresh, count: others), agents: agents, ready: ready)
                worst = max(worst, abs(chance - exact))
                #expect(chance <= fresh[instants - 1] + 1e-12)
                // Where the pacer decides (well under the chance of being answered), one more call
                // placed before never lowers it (far above, the normal's growing spread can).
                if previous < 0.3 * fresh[instants - 1] { #expect(chance >= previous - 1e-12) }
                previous = chance
            }
        }
        #expect(worst < 0.04, "largest gap to the exact chance: \(worst)")
    }

    /// A random non-decreasing row of chances from 0 up to `top`.
    static func cumulativeRow(_ random: inout SeededRandom, count: Int, top: Double) -> [Double] {
        var steps = (0..<count).map { _ in random.unit() }
        let sum = steps.reduce(0, +)
        var total = 0.0
        for index in steps.indices {
            total += steps[index] / sum * top
            steps[index] = min(top, total)
        }
        return steps
    }

    /// Σ over instants of P(answered at τ) × P(other answers by τ − agents free by τ − ready ≥ 0), each count exact.
    static func exactAbandonChance(fresh: [Double], answers: [[Double]], agents: [[Double]], ready: Int) -> Double {
        var chance = 0.0
        var previous = 0.0
        for index in fresh.indices {
            let answered = fresh[index] - previous
            previous = fresh[index]
            // The distribution of answers − free agents − ready, at index value + agents + ready.
            let offset = agents.count + ready
            var counts = Array(repeating: 0.0, count: offset + answers.count + 1)
            counts[offset - ready] = 1
            for row in answers { counts = convolve(counts, up: row[index]) }
            for row in agents { counts = convolve(counts, down: row[index]) }
            let atLeastZero = counts[offset...].reduce(0, +)
            chance += answered * atLeastZero
        }
        return chance
    }

    static func convolve(_ counts: [Double], up chance: Double) -> [Double] {
        var next = counts.map { $0 * (1 - chance) }
        for index in 0..<(counts.count - 1) { next[index + 1] += counts[index] * chance }
        return next
    }

    static func convolve(_ counts: [Double], down chance: Double) -> [Double] {
        var next = counts.map { $0 * (1 - chance) }
        for index in 1..<counts.count { next[index - 1] += counts[index] * chance }
        return next
    }
}
