import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// A new campaign paces predictively from its first call: from priors (the database's other
/// campaigns' recent attempts, or the defaults), which its own observations replace as they come.
@Suite struct PacingPriorsTests {
    static let monday = PredictivePacingTests.monday

    /// Twenty agents, sixteen wrapping up, four ready, nothing ringing, a window at the setpoint: what a pacer does with it.
    static func snapshot() -> PacingSnapshot {
        var snapshot = PacingSnapshot(
            now: monday, loggedInAgents: 20, readyAgents: 4, callsRinging: 0, callsWaiting: 0, callsInFlight: 16)
        snapshot.busyAgents = (0..<16).map { .wrappingUp(seconds: Double(20 + $0)) }
        (snapshot.abandonedInWindow, snapshot.answeredInWindow) = (50, 2_000)
        return snapshot
    }

    /// A runner for a campaign of `fixture`'s store that has never called, taught what the store holds.
    static func newCampaignsPacer(in fixture: EngineFixture) throws -> ModelPacer {
        let spec = PredictivePacingTests.spec(agents: 20, hours: 3)
        let campaign = try fixture.store.insertCampaign(
            name: "newcomer", specJSON: String(decoding: try JSONEncoder().encode(spec), as: UTF8.self),
            sourcePath: "new", sourceHash: "y", at: monday)
        let clock = VirtualClock(start: monday.addingTimeInterval(86_400))
        let network = SimulatedNetwork(clock: clock, parameters: .reference(seed: 1), agents: CampaignRunner.agentIDs(of: spec),
                                       timeZone: fixture.zone)
        let runner = CampaignRunner(
            campaign: campaign, spec: spec, timeZone: fixture.zone, store: fixture.store,
            doNotCall: try DoNotCallRegistry(spec: spec, store: fixture.store, cacheDirectory: nil), driver: network, clock: clock)
        try runner.learnFromHistory()
        return try #require(runner.pacer as? ModelPacer)
    }

    /// With nobody else in the database the defaults inform the pacer; where another campaign
    /// has called, its answers do: few persons answering there make the newcomer over-dial more.
    @Test func aNewCampaignStartsFromTheOtherCampaignsOrTheDefaults() throws {
        let spec = PredictivePacingTests.spec(agents: 10, hours: 2)
        let empty = try EngineFixture(spec: spec, contacts: 0, start: Self.monday)
        var fromDefaults = try Self.newCampaignsPacer(in: empty)
        #expect(fromDefaults.isInformed, "the defaults inform a campaign with no history anywhere")
        let defaultTarget = fromDefaults.targetCallsRinging(Self.snapshot())
        #expect(defaultTarget > 4, "predictive from the first call: \(defaultTarget) calls for 4 ready agents")

        let busy = try EngineFixture(spec: spec, contacts: 1_000, start: Self.monday)
        var rarelyAnswered = SimulationParameters.reference(seed: 4)
        rarelyAnswered.personAnswerShare = 0.08
        rarelyAnswered.machineShare = 0
        try busy.run(parameters: rarelyAnswered, until: Self.monday.addingTimeInterval(86_400))
        var fromOthers = try Self.newCampaignsPacer(in: busy)
        #expect(fromOthers.isInformed)
        let othersTarget = fromOthers.targetCallsRinging(Self.snapshot())
        #expect(othersTarget > defaultTarget, "8 % answering elsewhere: \(othersTarget) calls, against \(defaultTarget) from the defaults")
    }

    /// The priors weigh a few hundred dials: the campaign's own calls soon outweigh them. Taught
    /// priors where 8 % answer, then its own dials where 60 % answer, a pacer dials as its own say.
    @Test func theCampaignsOwnObservationsReplaceThePriors() {
        var random = SeededRandom(seed: 3)
        func dials(answered share: Double, count: Int) -> [PastPacingAttempt] {
            (0..<count).map { _ in
                let answered = random.unit() < share
                return PastPacingAttempt(
                    ringSeconds: answered ? random.logNormal(mean: 9, coefficientOfVariation: 0.5) : 25, neededAgent: answered,
                    machineSeconds: nil, talkSeconds: answered ? random.logNormal(mean: 150, coefficientOfVariation: 1) : nil,
                    wrapSeconds: answered ? random.logNormal(mean: 30, coefficientOfVariation: 0.5) : nil)
            }
        }
        let settings = ModelPacer.Settings(cap: 0.03, connectLimit: 2, ringTimeout: 25)
        var priorsOnly = ModelPacer(settings: settings)
        priorsOnly.learn(priors: dials(answered: 0.08, count: 2_000))
        var own = priorsOnly
        own.learn(from: dials(answered: 0.6, count: 2_000))
        var ownOnly = ModelPacer(settings: settings)
        ownOnly.learn(from: dials(answered: 0.6, count: 2_000))

        let fromPriors = priorsOnly.targetCallsRinging(Self.snapshot())
        let replaced = own.targetCallsRinging(Self.snapshot())
        let reference = ownOnly.targetCallsRinging(Self.snapshot())
        #expect(replaced < fromPriors, "\(replaced) calls after its own dials, \(fromPriors) on the priors alone")
        #expect(4 * abs(replaced - reference) <= fromPriors - reference,
                "\(replaced) calls: nearer \(reference) (no priors at all) than \(fromPriors) (the priors alone)")
    }

    /// Its first day, with nothing to learn from but the defaults: it over-dials from the first
    /// seconds and the cap holds.
    @Test func aNewCampaignHoldsTheCapOnItsFirstDay() throws {
        let agents = 12
        let fixture = try EngineFixture(spec: PredictivePacingTests.spec(agents: agents, hours: 3), contacts: agents * 150,
                                        start: Self.monday)
        let tally = try fixture.run(parameters: .reference(seed: 31), until: Self.monday.addingTimeInterval(86_400))
        let opening = Self.monday.addingTimeInterval(8 * 3_600)
        let firstMinute = try fixture.attempts().filter { $0.placedAt < opening + 60 }.count
        #expect(firstMinute > agents, "\(firstMinute) calls in the first minute for \(agents) agents")
        #expect(tally.personsAnswered > 300)
        #expect(tally.abandonRate <= 0.03, "\(tally.personsAbandoned) of \(tally.personsAnswered) persons abandoned")
    }
}
