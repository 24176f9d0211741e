import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Callbacks: placed in the callee's zone, inside the hours, by their agent")
struct CallbackTests {
    /// Records, on the contact's behalf, an answered call by `agent` at `time` and the outcome given.
    static func record(_ outcome: AgentOutcome, contact: Int64, agent: String?, fixture: AgentCampaign, at time: Date,
                       runner: CampaignRunner) throws -> RecordedOutcomeEffect {
        let job = try #require(try fixture.store.openContact(campaign: fixture.campaign.id, contact: contact))
        let call = try fixture.store.insertManualAttempt(campaign: fixture.campaign.id, job: job.job, number: job.number,
                                                         agent: agent, at: time)
        try fixture.store.finishJob(job.job, state: .completed, at: time)
        return try runner.outcomeRecorder.record(outcome, call: call, source: .agent, at: time)
    }

    static func runner(_ fixture: AgentCampaign, clock: VirtualClock) throws -> CampaignRunner {
        let spec = fixture.campaign.spec
        let network = SimulatedNetwork(clock: clock, parameters: SimulationParameters())
        return CampaignRunner(
            campaign: fixture.campaign.id, spec: spec, timeZone: try #require(TimeZone(identifier: spec.timeZone)),
            store: fixture.store, doNotCall: try DoNotCallRegistry(spec: spec, store: fixture.store, cacheDirectory: nil),
            driver: network, clock: clock)
    }

    @Test func aCallbackFor18InTheCalleesZoneIsPlacedThenNotBefore() throws {
        let fixture = try AgentCampaign(rows: [("Eve", "020 7062 3120", "amelia", "America/New_York")])
        let contact = try #require(try fixture.contacts().first)
        let clock = VirtualClock(start: AgentCampaign.monday)
        let runner = try Self.runner(fixture, clock: clock)
        // 18:00 in New York on 2026-03-09 (EDT, UTC-4) is 22:00 UTC, 22:00 in London (GMT).
        let sixPM = Date(timeIntervalSince1970: 1_773_093_600)
        _ = try CallAssignments.assignUnassigned(store: fixture.store, campaign: fixture.campaign, method: nil,
                                                 at: AgentCampaign.monday)
        #expect(try fixture.store.assignedAgent(contact: contact) == "amelia")
        let effect = try Self.record(AgentOutcome(disposition: "callback", callback: CallbackRequest(at: sixPM, agent: "george")),
                                     contact: contact, agent: "amelia", fixture: fixture, at: AgentCampaign.monday,
                                     runner: runner)
        #expect(effect == RecordedOutcomeEffect(jobState: .pending, callbackAt: sixPM))
        try runner.run(until: AgentCampaign.monday.addingTimeInterval(86_400))
        let calls = try fixture.store.connection.rows(
            "SELECT placed_at, agent FROM attempts WHERE state = 'ended' ORDER BY id") { ($0.date(0), $0.optionalString(1)) }
        #expect(calls.count >= 2)
        let callback = try #require(calls.dropFirst().first)
        #expect(callback.0 >= sixPM)
        #expect(callback.0 <= sixPM.addingTimeInterval(60), "the preview takes 10 s, then the call is placed")
        #expect(callback.1 == "george", "the callback's own agent, not the contact's owner")
    }

    @Test func aCallbackOutsideTheHoursMovesToTheNextAllowedMinute() throws {
        let fixture = try AgentCampaign(rows: [("Ann", "020 7391 8785", "amelia", "Europe/London")])
        let contact = try #require(try fixture.contacts().first)
        let runner = try Self.runner(fixture, clock: VirtualClock(start: AgentCampaign.monday))
        // 21:30 London is after the callee's 21:00: next is Tuesday 08:00 London.
        let late = Date(timeIntervalSince1970: 1_773_091_800)
        let effect = try Self.record(AgentOutcome(disposition: "callback", callback: CallbackRequest(at: late)),
                                     contact: contact, agent: "george", fixture: fixture, at: AgentCampaign.monday,
                                     runner: runner)
        #expect(effect.callbackAt == Date(timeIntervalSince1970: 1_773_129_600))
    }

    @Test func everyCallbackLandsInsideTheHoursAndNeverBeforeItsTime() throws {
        let fixture = try AgentCampaign(rows: [("Eve", "020 7062 3120", "amelia", "America/New_York")])
        let runner = try Self.runner(fixture, clock: VirtualClock(start: AgentCampaign.monday))
        let scheduler = CallbackScheduler(permit: runner.permit)
        let calendars = [
            CallingCalendar(hours: fixture.campaign.spec.hours, timeZone: try #require(TimeZone(identifier: "Europe/London"))),
            CallingCalendar.daily(fixture.campaign.spec.calleeHours, timeZone: try #require(TimeZone(identifier: "America/New_York"))),
        ]
        var random = SeededRandom(seed: 0xCA11_BAC4)
        for _ in 0..<300 {
            let asked = AgentCampaign.monday.addingTimeInterval(Double(random.next() % (14 * 86_400)))
            guard case .at(let slot, let moved) = scheduler.slot(for: asked, zone: "America/New_York", history: []) else {
                Issue.record("no slot for \(asked)")
                continue
            }
            #expect(slot >= asked)
            #expect(calendars.allSatisfy { $0.isOpen(at: slot) }, "\(asked) → \(slot)")
            #expect((moved == nil) == (slot == asked))
        }
    }

    @Test func anOverdueAgentCallbackPassesToAnyoneAfterTheGracePeriod() throws {
        let fixture = try AgentCampaign(rows: [("Ann", "020 7391 8785", "amelia", "Europe/London"),
                                               ("Ben", "07983 982258", "george", "Europe/London")])
        let ids = try fixture.contacts()
        let clock = VirtualClock(start: AgentCampaign.monday)
        let runner = try Self.runner(fixture, clock: clock)
        let due = AgentCampaign.monday.addingTimeInterval(3600)
        _ = try Self.record(AgentOutcome(disposition: "callback", callback: CallbackRequest(at: due, agent: "george")),
                            contact: ids[0], agent: "george", fixture: fixture, at: AgentCampaign.monday, runner: runner)
        let job = try #require(try fixture.store.dueJobs(campaign: fixture.campaign.id, at: due, limit: 10)
            .first { $0.contact == ids[0] })
        runner.agents.logInAll(at: AgentCampaign.monday)
        #expect(try runner.routing(for: job, at: due) == .agent("george"))
        runner.agents.startPreview("george", job: 99)
        #expect(try runner.routing(for: job, at: due.addingTimeInterval(60)) == .wait(until: due.addingTimeInterval(CallbackScheduler.agentGrace)))
        #expect(try runner.routing(for: job, at: due.addingTimeInterval(CallbackScheduler.agentGrace)) == .anyone)
    }

    @Test func theLoopWakesAtTheGraceExpiryAndHandsTheCallbackToAnotherAgent() throws {
        let fixture = try AgentCampaign(rows: [("Ann", "020 7391 8785", "amelia", "Europe/London")])
        let contact = try #require(try fixture.contacts().first)
        let clock = VirtualClock(start: AgentCampaign.monday)
        let spec = fixture.campaign.spec
        // George, whose callback it is, pauses at once and stays paused; Amelia is ready and has nothing else to do.
        let driver = PausingDriver(
            network: SimulatedNetwork(clock: clock, parameters: SimulationParameters()), clock: clock, paused: "george")
        let runner = CampaignRunner(
            campaign: fixture.campaign.id, spec: spec, timeZone: try #require(TimeZone(identifier: spec.timeZone)),
            store: fixture.store, doNotCall: try DoNotCallRegistry(spec: spec, store: fixture.store, cacheDirectory: nil),
            driver: driver, clock: clock)
        let due = AgentCampaign.monday.addingTimeInterval(3600)
        _ = try Self.record(AgentOutcome(disposition: "callback", callback: CallbackRequest(at: due, agent: "george")),
                            contact: contact, agent: "george", fixture: fixture, at: AgentCampaign.monday, runner: runner)
        try runner.run(until: AgentCampaign.monday.addingTimeInterval(4 * 3600))
        let calls = try fixture.store.connection.rows(
            "SELECT placed_at, agent FROM attempts ORDER BY id") { ($0.date(0), $0.optionalString(1)) }
        let callback = try #require(calls.dropFirst().first, "the callback was placed within the run")
        let previewSeconds = TimeInterval(try #require(spec.dial.previewSeconds))
        #expect(callback.0 == CallbackScheduler.handOver(due: due).addingTimeInterval(previewSeconds),
                "Amelia previews the contact from the grace expiry on, then the call is placed")
        #expect(callback.1 == "amelia")
    }
}

/// The simulated network, with one agent reported paused from the start.
private final class PausingDriver: TelephonyDriver {
    let network: SimulatedNetwork
    let clock: VirtualClock
    var pending: [CallEvent]

    init(network: SimulatedNetwork, clock: VirtualClock, paused agent: String) {
        self.network = network
        self.clock = clock
        pending = [CallEvent(time: clock.now, kind: .agentPresence(agent: agent, .paused))]
    }

    var routesAnsweredCalls: Bool { network.routesAnsweredCalls }
    func place(_ request: CallRequest) throws { try network.place(request) }
    func connect(_ call: CallID, toAgent agent: String) throws { try network.connect(call, toAgent: agent) }
    func abandon(_ call: CallID) throws { try network.abandon(call) }
    func playMessage(_ call: CallID) throws { try network.playMessage(call) }
    func cancel(_ call: CallID) throws { try network.cancel(call) }

    func events(until deadline: Date) -> [CallEvent] {
        guard pending.isEmpty else {
            defer { pending.removeAll() }
            return pending
        }
        return network.events(until: deadline)
    }
}
