import CampaignDSL
@testable import Dialer
import Foundation
import Testing

@Suite struct DialModeTests {
    /// Monday 2 March 2026, midnight in Ho Chi Minh City; the fixture's hours open at 09:00.
    static let monday = Date(timeIntervalSince1970: 1_772_384_400)
    static let opening = monday.addingTimeInterval(9 * 3600)

    func calls(_ fixture: EngineFixture) throws -> [(placed: Date, answered: Date?, connected: Date?, ended: Date, outcome: String, agent: String?)] {
        try fixture.store.connection.rows(
            "SELECT placed_at, answered_at, connected_at, ended_at, outcome, agent FROM attempts ORDER BY id"
        ) { ($0.date(0), $0.optionalDate(1), $0.optionalDate(2), $0.date(3), $0.string(4), $0.optionalString(5)) }
    }

    @Test func previewPlacesTheCallAfterTheAgentHasSeenTheContact() throws {
        var spec = EngineFixture.spec(agents: 2)
        spec.dial.mode = .preview
        spec.dial.previewSeconds = 30
        let fixture = try EngineFixture(spec: spec, contacts: 10, start: Self.monday)
        try fixture.run(parameters: SimulationParameters(seed: 4))
        let placed = try calls(fixture)
        #expect(placed.first?.placed == Self.opening.addingTimeInterval(30))
        #expect(placed.allSatisfy { $0.agent != nil }, "every preview call is placed for an agent")
        #expect(placed.allSatisfy { $0.outcome != "abandoned" })
    }

    @Test func agentlessKeepsWithinItsLinesAndNeedsNoAgents() throws {
        var spec = EngineFixture.spec()
        spec.dial = DialPlan(mode: .agentless, agents: 0, lines: 3)
        let fixture = try EngineFixture(spec: spec, contacts: 40, start: Self.monday)
        try fixture.run(parameters: SimulationParameters(seed: 9, personAnswerShare: 0.5))
        let placed = try calls(fixture)
        #expect(placed.count >= 40)
        for call in placed {
            #expect(placed.count { $0.placed <= call.placed && call.placed < $0.ended } <= 3)
        }
        #expect(placed.contains { $0.outcome == "answered" })
        #expect(placed.allSatisfy { $0.outcome != "abandoned" })
        let sessions = try fixture.store.connection.firstRow("SELECT COUNT(*) FROM agent_sessions") { $0.int(0) }
        #expect(sessions == 0)
    }

    /// Over-dialing (three lines per free agent, most people answering): some answers find no
    /// agent. None waits longer than the connect limit; each of those is abandoned and counted.
    @Test func noAnsweredPersonWaitsMoreThanTwoSeconds() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(agents: 2), contacts: 80, start: Self.monday)
        try fixture.run(parameters: SimulationParameters(seed: 12, personAnswerShare: 0.8, talkMeanSeconds: 60),
                        until: Self.monday.addingTimeInterval(30 * 86_400), pacer: RatioPacer(ratio: 3))
        let placed = try calls(fixture)
        let abandoned = placed.filter { $0.outcome == "abandoned" }
        #expect(!abandoned.isEmpty, "the ratio pacer over-dials")
        for call in placed where call.outcome == "answered" {
            let waited = try #require(call.connected).timeIntervalSince(try #require(call.answered))
            #expect(waited < 2)
        }
        for call in abandoned {
            #expect(call.answered != nil)
            #expect(call.connected == nil)
        }
    }
}
