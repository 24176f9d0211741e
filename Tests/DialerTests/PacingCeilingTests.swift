import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// The ceiling pacer the benchmark measures the model against: its exact overflow chance, its
/// threshold tuned by bisection to the setpoint, the lawful ceiling's keeping of the cap; and the
/// near-cap fallback, sized to the team.
@Suite struct PacingCeilingTests {
    static let monday = PredictivePacingTests.monday

    /// The exact chance, against every outcome enumerated: two instants, three ringing calls, two busy agents.
    @Test func theOverflowChanceIsExact() {
        let fresh = [0.2, 0.4]
        let calls = [[0.3, 0.5], [0.1, 0.6], [0.7, 0.9]]
        let agents = [[0.4, 0.8], [0.2, 0.5]]
        var exact = ExactOverflow(fresh: fresh, callsWaiting: 0, readyAgents: 1)
        for row in calls { exact.addAnswers(row) }
        for row in agents { exact.addAgent(row) }
        exact.prepare()
        // By enumeration: at each instant the new call (answered then) is abandoned when the others'
        // answers by then, and one more new call's when there is one, reach the ready and freed agents.
        func enumerated(newCalls: Int) -> Double {
            var chance = 0.0
            for index in fresh.indices {
                let chances = calls.map { $0[index] } + Array(repeating: fresh[index], count: newCalls)
                let frees = agents.map { $0[index] }
                var overflow = 0.0
                for mask in 0..<(1 << (chances.count + frees.count)) {
                    var probability = 1.0
                    var answered = 0
                    var freed = 0
                    for (bit, p) in (chances + frees).enumerated() {
                        let happens = mask & (1 << bit) != 0
                        probability *= happens ? p : 1 - p
                        if happens { if bit < chances.count { answered += 1 } else { freed += 1 } }
                    }
                    if answered >= 1 + freed { overflow += probability }
                }
                chance += (fresh[index] - (index > 0 ? fresh[index - 1] : 0)) * overflow
            }
            return chance
        }
        #expect(abs(exact.abandonChance(after: 0) - enumerated(newCalls: 0)) < 1e-12)
        #expect(abs(exact.abandonChance(after: 2) - enumerated(newCalls: 2)) < 1e-12)
    }

    /// Bisection on a rate that grows with the threshold lands within the tolerance of the target.
    @Test func theBisectionFindsTheThresholdOfARate() {
        let bisection = ThresholdBisection(target: 0.025, tolerance: 0.0001, range: 0.01...0.5, maximumSteps: 20)
        let (steps, best) = bisection.run { $0 / exp(1) }
        #expect(abs(best.rate - 0.025) <= 0.0001)
        #expect(abs(best.threshold - 0.025 * exp(1)) < 0.001)
        #expect(steps.count < 20, "stops once within the tolerance")
    }

    /// The ceiling pacer, handed the reference scenario's distributions, tuned on a small case (20
    /// agents for 3 hours, two seeds): the bisection brings its abandon rate to the 2.5 % setpoint,
    /// and a higher threshold abandons more.
    @Test func theCeilingsThresholdIsTunedToTheSetpoint() throws {
        let spec = PredictivePacingTests.spec(agents: 20, hours: 3)
        let truth = TrueCallDistributions(parameters: .reference(seed: 1), ringTimeout: TimeInterval(spec.dial.ringSeconds),
                                          connectLimit: 2, timeZone: TimeZone(identifier: spec.timeZone)!)
        var answered = 0
        func rate(_ threshold: Double) throws -> Double {
            var abandoned = 0
            answered = 0
            for seed: UInt64 in [5, 6] {
                let fixture = try EngineFixture(spec: spec, contacts: 2_400, start: Self.monday)
                let tally = try fixture.run(parameters: .reference(seed: seed), until: Self.monday.addingTimeInterval(86_400),
                                            pacer: CeilingPacer(truth: truth, threshold: threshold))
                abandoned += tally.personsAbandoned
                answered += tally.personsAnswered
            }
            return Double(abandoned) / Double(max(1, answered))
        }
        let bisection = ThresholdBisection(target: 0.025, tolerance: 0.002, range: 0.01...0.5, maximumSteps: 10)
        let (steps, best) = try bisection.run(rate)
        #expect(answered > 1_500, "enough answers that one abandoned call moves the rate by less than the tolerance")
        #expect(abs(best.rate - 0.025) <= 0.002, "\(steps.map { "\($0.threshold): \($0.rate)" })")
        let lowest = try #require(steps.min { $0.threshold < $1.threshold })
        let highest = try #require(steps.max { $0.threshold < $1.threshold })
        #expect(lowest.rate < highest.rate)
    }

    /// The lawful ceiling keeps law 4 whatever its threshold: handed one that abandons far past the
    /// cap (a threshold of 0.3 for an hour of 10 agents), the plain ceiling ends each run past 3 %,
    /// the lawful one under it, and still predictive where the cap leaves room (some calls abandoned).
    @Test func theLawfulCeilingKeepsTheCap() throws {
        let spec = PredictivePacingTests.spec(agents: 10, hours: 1)
        let truth = TrueCallDistributions(parameters: .reference(seed: 1), ringTimeout: TimeInterval(spec.dial.ringSeconds),
                                          connectLimit: 2, timeZone: TimeZone(identifier: spec.timeZone)!)
        for seed: UInt64 in [1, 2, 3] {
            func tally(_ capGuard: AbandonCapGuard?) throws -> SimulationTally {
                let fixture = try EngineFixture(spec: spec, contacts: 800, start: Self.monday)
                return try fixture.run(parameters: .reference(seed: seed), until: Self.monday.addingTimeInterval(86_400),
                                       pacer: CeilingPacer(truth: truth, threshold: 0.3, capGuard: capGuard))
            }
            let plain = try tally(nil)
            let lawful = try tally(AbandonCapGuard(cap: 0.03))
            #expect(plain.abandonRate > 0.03, "seed \(seed): \(plain.abandonRate)")
            #expect(lawful.abandonRate <= 0.03, "seed \(seed): \(lawful.abandonRate)")
            #expect(lawful.personsAbandoned > 0, "seed \(seed): still predictive where the cap leaves room")
        }
    }

    /// The near-cap fallback leaves room for the abandons the calls in the air may still bring:
    /// the same window that lets a pacer with nothing ringing over-dial stops one with a hundred
    /// calls ringing (a large team's).
    @Test func theNearCapMarginGrowsWithTheCallsInTheAir() {
        var pacer = ModelPacer(settings: ModelPacer.Settings(cap: 0.03, connectLimit: 2, ringTimeout: 25))
        PredictivePacingTests.teach(&pacer)
        var quiet = PacingSnapshot(
            now: Self.monday, loggedInAgents: 100, readyAgents: 4, callsRinging: 0, callsWaiting: 0, callsInFlight: 96)
        quiet.busyAgents = (0..<96).map { .wrappingUp(seconds: Double(20 + $0 % 20)) }
        (quiet.abandonedInWindow, quiet.answeredInWindow) = (26, 1_000)
        #expect(pacer.targetCallsRinging(quiet) > 4, "nothing ringing: 27 of 1,001 leaves room")
        #expect(!pacer.capGuard.isNearTheCap(quiet, ringingAbandons: 0))

        var busy = PacingSnapshot(
            now: Self.monday, loggedInAgents: 100, readyAgents: 4, callsRinging: 100, callsWaiting: 0, callsInFlight: 196)
        busy.busyAgents = quiet.busyAgents
        (busy.abandonedInWindow, busy.answeredInWindow) = (quiet.abandonedInWindow, quiet.answeredInWindow)
        busy.ringingAges = Array(repeating: 1, count: 100)
        #expect(pacer.capGuard.isNearTheCap(busy, ringingAbandons: 2))
        #expect(pacer.targetCallsRinging(busy) == 4, "a hundred calls ringing: progressive")
    }
}
