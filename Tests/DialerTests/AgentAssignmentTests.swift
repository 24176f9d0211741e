import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Agents: sharing preview contacts")
struct AgentAssignmentTests {
    static func agents(_ count: Int) -> [String] { (0..<count).map { "agent-\($0)" } }

    @Test func roundRobinGivesEveryAgentTheSameCountWithinOne() {
        var random = SeededRandom(seed: 0xA551_6E)
        for _ in 0..<200 {
            let agents = Self.agents(1 + Int(random.next() % 9))
            let contacts = (0..<Int(random.next() % 120)).map {
                AssignableContact(contact: Int64($0), owner: nil, expectedAttempts: 1 + Double(random.next() % 4))
            }
            let plan = AgentAssignment(agents: agents).assign(contacts, by: .roundRobin)
            #expect(plan.map(\.contact) == contacts.map(\.contact), "every contact once, in order")
            var counts = Dictionary(uniqueKeysWithValues: agents.map { ($0, 0) })
            for entry in plan { counts[entry.agent, default: 0] += 1 }
            #expect(counts.count == agents.count)
            #expect((counts.values.max() ?? 0) - (counts.values.min() ?? 0) <= 1)
        }
    }

    @Test func balancedKeepsExpectedWorkWithinOneContactsWorkAcrossAgents() {
        var random = SeededRandom(seed: 0xBA1A_ACE)
        for _ in 0..<200 {
            let agents = Self.agents(1 + Int(random.next() % 6))
            let contacts = (0..<Int(random.next() % 80)).map {
                AssignableContact(contact: Int64($0), owner: nil, expectedAttempts: 0.5 + Double(random.next() % 40) / 10)
            }
            let plan = AgentAssignment(agents: agents).assign(contacts, by: .balanced)
            #expect(Set(plan.map(\.contact)) == Set(contacts.map(\.contact)))
            var loads = Dictionary(uniqueKeysWithValues: agents.map { ($0, 0.0) })
            for (contact, agent) in plan { loads[agent, default: 0] += contacts[Int(contact)].expectedAttempts }
            let heaviest = contacts.map(\.expectedAttempts).max() ?? 0
            #expect((loads.values.max() ?? 0) - (loads.values.min() ?? 0) <= heaviest + 1e-9)
        }
    }

    @Test func theOwnerColumnWinsAndUnknownOwnersAreSharedOut() {
        let contacts = [
            AssignableContact(contact: 1, owner: "binh", expectedAttempts: 2),
            AssignableContact(contact: 2, owner: "nobody", expectedAttempts: 2),
            AssignableContact(contact: 3, owner: nil, expectedAttempts: 2),
            AssignableContact(contact: 4, owner: "binh", expectedAttempts: 2),
        ]
        let plan = AgentAssignment(agents: ["an", "binh"]).assign(contacts, by: .owner)
        #expect(plan.map(\.agent) == ["binh", "an", "an", "binh"])
    }

    @Test func expectedAttemptsFallWithAttemptsMadeAndNeverReachZero() {
        let policy = RetryPolicy(rules: [.noAnswer: RetryRule(times: 4, waits: [3600])])
        let values = (0..<6).map { ExpectedWorkload.attempts(policy: policy, attemptsSoFar: $0) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(values.last == 1)
    }

    @Test func compileAssignsByTheCampaignsSettingAndTheCommandLineOverridesIt() throws {
        // No agent column in the list: `assign owner column "Owner"` names it. Every owner is amelia.
        let source = AgentCampaign.source
            .replacingOccurrences(of: "    agent    column \"Owner\"\n", with: "")
            .replacingOccurrences(of: "    assigned\n", with: "    assign  owner column \"Owner\"\n")
        #expect(source.contains("assign  owner column"))
        let rows = AgentCampaign.londonRows.map { ($0.0, $0.1, "amelia", $0.3) }
        let fixture = try AgentCampaign(rows: rows, source: source)
        #expect(fixture.campaign.spec.dial.assignment == .owner(column: "Owner"))
        let methods = try fixture.store.connection.rows("SELECT agent, method FROM assignments") { ($0.string(0), $0.string(1)) }
        #expect(methods.count == rows.count, "compile assigned every contact")
        #expect(methods.allSatisfy { $0 == ("amelia", "owner") })

        try fixture.store.connection.execute("DELETE FROM assignments")
        let summary = try CallAssignments.assign(campaign: "renewals", method: .roundRobin, databasePath: fixture.databasePath,
                                                 at: AgentCampaign.monday)
        #expect(summary.perAgent == ["amelia": 3, "george": 3], "--by round-robin overrides the campaign's owner column")
        try fixture.store.connection.execute("DELETE FROM assignments")
        let byCampaign = try CallAssignments.assign(campaign: "renewals", method: nil, databasePath: fixture.databasePath,
                                                    at: AgentCampaign.monday)
        #expect(byCampaign.perAgent == ["amelia": 6], "without --by, the campaign's setting")
    }

    @Test func reassigningAnAbsentAgentMovesOnlyTheirOpenContacts() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        _ = try CallAssignments.assign(campaign: "renewals", method: .owner, databasePath: fixture.databasePath,
                                       at: AgentCampaign.monday)
        let before = try fixture.store.openContacts(campaign: fixture.campaign.id)
        #expect(before.map(\.agent) == ["amelia", "george", "amelia", "george", "amelia", "george"])
        let summary = try CallAssignments.reassign(campaign: "renewals", from: "george", to: nil, method: nil,
                                                   databasePath: fixture.databasePath, at: AgentCampaign.monday)
        #expect(summary.assigned == 3)
        #expect(summary.perAgent == ["amelia": 6])
        #expect(throws: EnvironmentError.self) {
            try CallAssignments.reassign(campaign: "renewals", from: "zoe", to: nil, method: nil,
                                         databasePath: fixture.databasePath, at: AgentCampaign.monday)
        }
    }

    @Test func anAssignedPreviewContactWaitsForItsOwnAgent() throws {
        let fixture = try AgentCampaign(rows: [("Ann", "020 7391 8785", "george", "Europe/London")])
        _ = try CallAssignments.assign(campaign: "renewals", method: nil, databasePath: fixture.databasePath,
                                       at: AgentCampaign.monday)
        let runner = try CallbackTests.runner(fixture, clock: VirtualClock(start: AgentCampaign.monday))
        let job = try #require(try fixture.store.dueJobs(campaign: fixture.campaign.id, at: AgentCampaign.monday, limit: 1).first)
        runner.agents.logInAll(at: AgentCampaign.monday)
        #expect(try runner.routing(for: job, at: AgentCampaign.monday) == .agent("george"))
        runner.agents.startPreview("george", job: 99)
        #expect(try runner.routing(for: job, at: AgentCampaign.monday) == .wait(until: nil), "an assigned contact waits for its agent without end")
    }
}
