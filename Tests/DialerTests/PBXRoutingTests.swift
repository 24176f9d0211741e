import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// Law 4 on the PBX path, on the simulated network playing a PBX: answered persons go
/// through AMD and the queue on the network's side, and the engine only follows, as with
/// Asterisk. Progressive must not place a call for every answer the queue has not yet
/// connected; the predictive pacer must count those calls the same way.
@Suite struct PBXRoutingTests {
    static let monday = PredictivePacingTests.monday

    static func spec(agents: Int, mode: DialMode) -> CampaignSpec {
        var spec = PredictivePacingTests.spec(agents: agents, hours: 4)
        spec.dial.mode = mode
        return spec
    }

    @Test(arguments: 0..<16)
    func progressiveNeverAbandonsThroughTheQueue(case index: Int) throws {
        var random = SeededRandom(seed: 9_100 + UInt64(index))
        let agents = 1 + Int(random.next() % 8)
        let fixture = try EngineFixture(spec: Self.spec(agents: agents, mode: .progressive), contacts: agents * 60, start: Self.monday)
        var parameters = SimulationParameters.reference(seed: random.next())
        parameters.pbxRouting = true
        parameters.amd = index % 2 == 1
        parameters.amdFalsePositiveShare = 0
        parameters.personAnswerShare = 0.2 + random.unit() * 0.5
        parameters.breakEverySeconds = index % 4 == 3 ? 1_800 : 0
        let tally = try fixture.run(parameters: parameters, until: Self.monday.addingTimeInterval(86_400))
        #expect(tally.personsAnswered > 20)
        let recorded = try fixture.store.connection.firstRow(
            "SELECT COUNT(*) FROM attempts WHERE outcome = 'abandoned'", []) { $0.int(0) } ?? -1
        if parameters.breakEverySeconds == 0 {
            #expect(tally.personsAbandoned == 0, "\(tally.personsAbandoned) of \(tally.personsAnswered) persons found no agent")
            #expect(recorded == 0)
        } else {
            // An agent may pause just as the call placed for them is answered, on a real PBX too: the cap still holds.
            #expect(tally.abandonRate <= 0.03, "\(tally.personsAbandoned) of \(tally.personsAnswered) persons found no agent")
        }
        #expect(try fixture.jobStates()["dialing"] == nil)
    }

    @Test(arguments: [(8, false), (30, false), (30, true)])
    func predictiveHoldsTheCapThroughTheQueue(agents: Int, amd: Bool) throws {
        let fixture = try EngineFixture(spec: Self.spec(agents: agents, mode: .predictive), contacts: agents * 120,
                                        start: Self.monday)
        var parameters = SimulationParameters.reference(seed: UInt64(agents))
        parameters.pbxRouting = true
        parameters.amd = amd
        parameters.amdFalsePositiveShare = 0.01
        let tally = try fixture.run(parameters: parameters, until: Self.monday.addingTimeInterval(86_400))
        #expect(tally.personsAnswered > 200)
        #expect(tally.abandonRate <= 0.03, "\(tally.personsAbandoned) + \(tally.personsHungUpAsMachines) of \(tally.personsAnswered)")
        let summary = try CampaignSummary(store: fixture.store, campaign: fixture.campaign)
        #expect(summary.occupancy > 0.5 && summary.occupancy <= 1, "occupancy \(summary.occupancy)")
    }

    /// The network's queue connects and abandons by itself; what the engine records agrees with it.
    @Test func theEngineRecordsWhatTheQueueDid() throws {
        let fixture = try EngineFixture(spec: Self.spec(agents: 10, mode: .predictive), contacts: 1_200, start: Self.monday)
        var parameters = SimulationParameters.reference(seed: 4)
        parameters.pbxRouting = true
        let tally = try fixture.run(parameters: parameters, until: Self.monday.addingTimeInterval(86_400))
        let counts = try fixture.store.connection.rows(
            "SELECT outcome, COUNT(*) FROM attempts GROUP BY outcome", []) { ($0.string(0), $0.int(1)) }
        let byOutcome = Dictionary(uniqueKeysWithValues: counts)
        #expect(byOutcome["answered", default: 0] == tally.personsConnected)
        // With AMD off a machine is taken for a person: one the queue could not place is abandoned too.
        #expect(byOutcome["abandoned", default: 0] == tally.personsAbandoned + tally.machinesAbandoned)
    }
}
