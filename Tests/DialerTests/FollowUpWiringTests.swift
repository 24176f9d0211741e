import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Follow-ups: the engine queues each attempt's and each contact's once")
struct FollowUpWiringTests {
    static let crm = WebhookConfiguration(name: "crm", url: "https://crm.example/hooks", secret: "s3cret",
                                         honoursIdempotencyKey: true)

    static func planner(_ fixture: AgentCampaign) throws -> FollowUpPlanner {
        try FollowUpPlanner(campaign: fixture.campaign.id, spec: fixture.campaign.spec, configuration: MessagingConfiguration(
            sms: GatewayConfiguration(kind: .outboxFile(path: "unused")), webhooks: [crm]))
    }

    /// The outbox's (trigger, contact, body) rows, oldest first.
    static func outbox(_ store: CampaignStore) throws -> [(trigger: String, contact: Int64, body: String)] {
        try store.connection.rows("SELECT trigger, contact_id, body FROM outbox ORDER BY id") {
            ($0.string(0), $0.int64(1), $0.string(2))
        }
    }

    @Test func everyAttemptAndEveryEndedContactGetsExactlyOneWebhook() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        let clock = VirtualClock(start: AgentCampaign.monday)
        let spec = fixture.campaign.spec
        var parameters = SimulationParameters(seed: 11)
        parameters.personAnswerShare = 0.5
        parameters.recordings = true
        let network = SimulatedNetwork(clock: clock, parameters: parameters, agents: CampaignRunner.agentIDs(of: spec),
                                       timeZone: try #require(TimeZone(identifier: spec.timeZone)))
        let runner = CampaignRunner(
            campaign: fixture.campaign.id, spec: spec, timeZone: try #require(TimeZone(identifier: spec.timeZone)),
            store: fixture.store, doNotCall: try DoNotCallRegistry(spec: spec, store: fixture.store, cacheDirectory: nil),
            driver: network, clock: clock)
        runner.agentDesk = try SimulatedAgentDesk(spec: spec, behaviour: SimulatedAgentBehaviour(), seed: 11)
        runner.followUps = try Self.planner(fixture)
        _ = try CallAssignments.assignUnassigned(store: fixture.store, campaign: fixture.campaign, method: nil,
                                                 at: AgentCampaign.monday)
        try runner.run(until: AgentCampaign.monday.addingTimeInterval(20 * 86_400))

        let attempts = try fixture.store.connection.rows("SELECT id, outcome FROM attempts") { ($0.int64(0), $0.string(1)) }
        let finals = try fixture.store.connection.rows(
            "SELECT contact_id FROM jobs WHERE state NOT IN ('pending', 'dialing')") { $0.int64(0) }
        let outbox = try Self.outbox(fixture.store)
        #expect(!attempts.isEmpty)
        let attemptHooks = outbox.filter { $0.trigger.hasPrefix("webhook:crm:attempt:") }
        #expect(attemptHooks.map(\.trigger).sorted() == attempts.map { "webhook:crm:attempt:\($0.0)" }.sorted())
        let finalHooks = outbox.filter { $0.trigger == "webhook:crm:final" }
        #expect(finalHooks.map(\.contact).sorted() == finals.sorted())
        // An answered call's webhook waits for the agent's outcome, so it carries the disposition.
        let answered = Set(attempts.filter { $0.1 == "answered" }.map { "webhook:crm:attempt:\($0.0)" })
        #expect(!answered.isEmpty)
        for hook in attemptHooks where answered.contains(hook.trigger) {
            #expect(hook.body.contains(#""disposition":"#), "\(hook.body)")
            // The driver's recording link travels with the call's result.
            let call = hook.trigger.dropFirst("webhook:crm:attempt:".count)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(hook.body.utf8)) as? [String: Any])
            #expect(document["recording_url"] as? String == "simulated://recordings/\(call)")
        }
        let attemptIDs = Set(attempts.map(\.0))
        for hook in finalHooks {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(hook.body.utf8)) as? [String: Any])
            #expect(document["event"] as? String == "final")
            #expect(document["state"] as? String != "pending")
            // Whether the job ended on an agent's outcome or on a call without one, its last call is there.
            let call = try #require(document["call_id"] as? Int, "final document without its last call: \(hook.body)")
            #expect(attemptIDs.contains(Int64(call)))
            #expect(document["placed_at"] is String && document["ended_at"] is String)
        }
    }

    @Test func anOutcomeThatEndsTheJobQueuesTheFinalFollowUpsOnceEvenWhenImportedTwice() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        let ids = try fixture.contacts()
        let path = try fixture.sheet(AgentImportTests.header, [
            ["renewals", "renewals/\(ids[0])/0", "amelia", "done", "4", "yes", "", "", "", ""],
            ["renewals", "renewals/\(ids[1])/0", "george", "remove", "", "", "", "", "", ""],
            ["renewals", "renewals/\(ids[2])/0", "amelia", "callback", "", "", "", "2026-03-10 10:00", "", ""],
        ])
        let messaging = MessagingConfiguration(sms: GatewayConfiguration(kind: .outboxFile(path: "unused")), webhooks: [Self.crm])
        for _ in 0..<2 {
            _ = try OutcomeImport.importFile(path, databasePath: fixture.databasePath, messaging: messaging,
                                             at: AgentCampaign.monday)
        }
        let finals = try Self.outbox(fixture.store).filter { $0.trigger == "webhook:crm:final" }
        #expect(finals.map(\.contact).sorted() == [ids[0], ids[1]], "a callback leaves the job open: no final")
        let done = try #require(finals.first { $0.contact == ids[0] })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(done.body.utf8)) as? [String: Any])
        #expect(document["state"] as? String == "completed")
        #expect(document["disposition"] as? String == "done")
        #expect(document["answers"] as? [String: String] == ["rating": "4", "renew": "yes"])
        // The last call, as the attempt document of the same call has it.
        let attempt = try #require(try Self.outbox(fixture.store).first {
            $0.contact == ids[0] && $0.trigger.hasPrefix("webhook:crm:attempt:")
        })
        let attemptDocument = try #require(try JSONSerialization.jsonObject(with: Data(attempt.body.utf8)) as? [String: Any])
        #expect(document["agent"] as? String == "amelia")
        for key in ["call_id", "placed_at", "ended_at", "agent"] {
            #expect(document[key] != nil, "the final document lacks \(key)")
            #expect("\(document[key] ?? "")" == "\(attemptDocument[key] ?? "-")", "\(key)")
        }
        let removed = try #require(finals.first { $0.contact == ids[1] })
        #expect(removed.body.contains(#""state":"dnc""#))
    }
}
