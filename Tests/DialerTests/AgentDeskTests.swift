@testable import CampaignDSL
@testable import Dialer
import Foundation
import Synchronization
import Testing

/// People at the agent desk, in virtual time on the simulated network: their commands go through the
/// runner as the telephony's events do, their outcomes are recorded once, their wrap-ups are theirs.
@Suite struct AgentDeskTests {
    static let monday = PredictivePacingTests.monday

    static func spec(agents: Int = 3, mode: DialMode = .progressive) -> CampaignSpec {
        var spec = EngineFixture.spec(agents: agents)
        spec.dial.mode = mode
        spec.dispositions = [Disposition(id: "sale", label: "Sale", flags: [.success]),
                             Disposition(id: "later", label: "Call back", flags: [.callback])]
        return spec
    }

    /// Runs `fixture`'s campaign with a hub and a desk; `person` reacts to each event (on the runner's
    /// thread, as a browser's command would arrive between two turns).
    static func run(_ fixture: EngineFixture, until hours: Double = 8, seed: UInt64 = 3,
                    person: @escaping @Sendable (LiveEvent, LiveDesk) -> Void) throws -> [LiveEvent] {
        let hub = LiveEventHub()
        let desk = LiveDesk()
        let clock = VirtualClock(start: fixture.start)
        var parameters = SimulationParameters.reference(seed: seed)
        parameters.personAnswerShare = 0.6
        let network = SimulatedNetwork(clock: clock, parameters: parameters,
                                       agents: CampaignRunner.agentIDs(of: fixture.spec), timeZone: fixture.zone)
        let events = Mutex<[LiveEvent]>([])
        hub.observe { event in
            events.withLock { $0.append(event) }
            person(event, desk)
        }
        // As in the daemon, a command ends the driver's wait (here, before virtual time moves on).
        let driver = SupervisedDriver(network, clock: clock, slice: 3_600, stopRequested: { false },
                                      interrupted: { desk.hasCommands(for: "test") })
        let runner = CampaignRunner.assemble(RunnerWiring(
            campaign: fixture.campaign, spec: fixture.spec, timeZone: fixture.zone, store: fixture.store,
            doNotCall: try DoNotCallRegistry(spec: fixture.spec, store: fixture.store, cacheDirectory: nil),
            driver: driver, clock: clock, live: (hub, desk)))
        desk.setPresence(.available, of: "agent-1", reason: nil)
        try runner.run(until: fixture.start.addingTimeInterval(hours * 3_600))
        return events.withLock { $0 }
    }

    static func outcomes(_ fixture: EngineFixture) throws -> [(call: Int64, agent: String?, disposition: String?)] {
        try fixture.store.connection.rows("SELECT attempt_id, agent, disposition FROM outcomes ORDER BY id", []) {
            ($0.int64(0), $0.optionalString(1), $0.optionalString(2))
        }
    }

    @Test func aPersonsOutcomeIsRecordedOnceAndTheirWrapUpLastsUntilTheySayReady() throws {
        let fixture = try EngineFixture(spec: Self.spec(), contacts: 200, start: Self.monday.addingTimeInterval(9 * 3_600))
        struct Person { var wrapping = false; var othersEnded = 0; var calls = 0; var readiedByOthers = 0; var violations = 0 }
        let state = Mutex(Person())
        let events = try Self.run(fixture, until: 3) { event, desk in
            switch event.kind {
            case .callConnected(let call, "agent-1", _, _, _):
                state.withLock { $0.calls += 1 }
                // Recorded while still on the call: held until it ends.
                _ = desk.send(.outcome(agent: "agent-1", call: call, AgentOutcome(disposition: "sale")), to: "test")
            case .agentState("agent-1", let now, _, let reason, _):
                state.withLock { person in
                    if now == .wrapUp { person.wrapping = true; person.othersEnded = 0 }
                    // Out of wrap-up only at the person's word (or the wrap-up limit, which pauses them).
                    if now == .ready && person.wrapping { person.violations += 1 }
                    if now == .paused && reason?.hasPrefix("wrap-up") == true { person.wrapping = false }
                }
            case .callEnded(_, _, let agent) where agent != "agent-1":
                let ready: Bool = state.withLock { person in
                    guard person.wrapping else { return false }
                    person.othersEnded += 1
                    guard person.othersEnded >= 4 else { return false }
                    person.readiedByOthers += 1
                    person.wrapping = false
                    return true
                }
                if ready { desk.setPresence(.available, of: "agent-1", reason: nil) }
            default: break
            }
        }
        let person = state.withLock { $0 }
        #expect(person.calls >= 2, "agent-1 took \(person.calls) calls")
        #expect(person.readiedByOthers >= 1)
        #expect(person.violations == 0, "the simulation ended a person's wrap-up")
        let recorded = try Self.outcomes(fixture).filter { $0.agent == "agent-1" }
        let talked = try fixture.store.connection.firstRow(
            "SELECT COUNT(*) FROM attempts WHERE agent = 'agent-1' AND outcome = 'answered'", []) { $0.int(0) }
        // Every call put through to the person ended talked (a machine is theirs to judge), each with its outcome.
        #expect(recorded.count == person.calls && talked == person.calls)
        #expect(Set(recorded.map(\.call)).count == recorded.count, "one outcome per call")
        #expect(recorded.allSatisfy { $0.disposition == "sale" })
        #expect(events.contains { if case .outcomeRecorded(_, "agent-1", "sale") = $0.kind { true } else { false } })
        // Each of the person's wrap-ups that ended is measured (a pacing observation).
        let wraps = try fixture.store.connection.rows(
            "SELECT wrap_seconds FROM attempts WHERE agent = 'agent-1' AND outcome = 'answered'", []) { $0.optionalDouble(0) }
        #expect(wraps.compactMap { $0 }.count >= person.readiedByOthers)
    }

    @Test func aPersonWhoNeverSaysReadyIsPausedAfterTheWrapUpLimit() throws {
        let fixture = try EngineFixture(spec: Self.spec(), contacts: 100, start: Self.monday.addingTimeInterval(9 * 3_600))
        let events = try Self.run(fixture, until: 2) { _, _ in }
        let states = events.compactMap { event -> (LiveAgentState, String?, Date)? in
            if case .agentState("agent-1", let state, _, let reason, _) = event.kind { (state, reason, event.time) } else { nil }
        }
        let wrap = try #require(states.first { $0.0 == .wrapUp })
        let paused = try #require(states.first { $0.0 == .paused && $0.1?.hasPrefix("wrap-up") == true })
        #expect(paused.2.timeIntervalSince(wrap.2) == CampaignRunner.personWrapUpLimit)
        #expect(!states.contains { $0.0 == .ready && $0.2 > wrap.2 })
    }

    @Test func aPausedPersonTakesNoCallAndTheStreamSaysWhy() throws {
        let fixture = try EngineFixture(spec: Self.spec(), contacts: 150, start: Self.monday.addingTimeInterval(9 * 3_600))
        let events = try Self.run(fixture, until: 2) { event, desk in
            if case .agentState("agent-1", .wrapUp, _, _, _) = event.kind {
                desk.setPresence(.paused, of: "agent-1", reason: "lunch")
            }
        }
        let agentOne = try fixture.store.connection.firstRow(
            "SELECT COUNT(*) FROM attempts WHERE agent = 'agent-1' AND outcome = 'answered'", []) { $0.int(0) }
        #expect(agentOne == 1)
        let others = try fixture.store.connection.firstRow(
            "SELECT COUNT(*) FROM attempts WHERE agent <> 'agent-1' AND outcome = 'answered'", []) { $0.int(0) } ?? 0
        #expect(others > 10)
        #expect(events.contains { if case .agentState("agent-1", .paused, _, "lunch", _) = $0.kind { true } else { false } })
        // Without an outcome from the person, the call's follow-ups still go out alone: nothing recorded for it.
        #expect(try Self.outcomes(fixture).isEmpty)
    }

    @Test func commandsThatAreNotThePersonsToGiveAreRefused() throws {
        let fixture = try EngineFixture(spec: Self.spec(), contacts: 60, start: Self.monday.addingTimeInterval(9 * 3_600))
        let replies = Mutex<[String: [DeskReplyBox]]>([:])
        _ = try Self.run(fixture, until: 1) { event, desk in
            func keep(_ name: String, _ box: DeskReplyBox?) { if let box { replies.withLock { $0[name, default: []].append(box) } } }
            switch event.kind {
            case .callConnected(let call, let agent, _, _, _) where agent != "agent-1":
                keep("other", desk.send(.outcome(agent: "agent-1", call: call, AgentOutcome(disposition: "sale")), to: "test"))
            case .callConnected(let call, "agent-1", _, _, _):
                keep("unknown", desk.send(.outcome(agent: "agent-1", call: call, AgentOutcome(disposition: "nope")), to: "test"))
                keep("stranger", desk.send(.presence(agent: "mallory", .available, reason: nil), to: "test"))
            case .agentState("agent-1", .wrapUp, _, _, _):
                desk.setPresence(.available, of: "agent-1", reason: nil)
            default: break
            }
        }
        let answered = replies.withLock { $0 }
        #expect(!(answered["other"] ?? []).isEmpty && !(answered["unknown"] ?? []).isEmpty)
        for (name, boxes) in answered {
            for box in boxes {
                guard case .refused(let why) = box.wait(timeout: 0) else {
                    Issue.record("\(name): not refused"); continue
                }
                #expect(!why.isEmpty)
            }
        }
        #expect(try Self.outcomes(fixture).isEmpty)
    }

    @Test func aPreviewIsShownThenCalledOrSkippedAtThePersonsWord() throws {
        var spec = Self.spec(agents: 1, mode: .preview)
        spec.dial.previewSeconds = 600
        let fixture = try EngineFixture(spec: spec, contacts: 4, start: Self.monday.addingTimeInterval(9 * 3_600))
        let offered = Mutex<[Int64]>([])
        let events = try Self.run(fixture, until: 1) { event, desk in
            switch event.kind {
            case .previewOffered("agent-1", let job, _, _):
                let count = offered.withLock { $0.append(job); return $0.count }
                let command: DeskCommand = count == 1
                    ? .previewSkip(agent: "agent-1", job: job, reason: "wrong person")
                    : .previewCall(agent: "agent-1", job: job)
                _ = desk.send(command, to: "test")
            case .agentState("agent-1", .wrapUp, _, _, _):
                desk.setPresence(.available, of: "agent-1", reason: nil)
            default: break
            }
        }
        let jobs = offered.withLock { $0 }
        #expect(jobs.count >= 3)
        let placed = events.compactMap { event -> (Date, Int64)? in
            if case .callPlaced(let call, _, "agent-1") = event.kind { (event.time, call) } else { nil }
        }
        // Called at once, not after the preview's 10 minutes.
        let firstOffer = try #require(events.first { if case .previewOffered(_, jobs[1], _, _) = $0.kind { true } else { false } })
        #expect(placed.first.map { $0.0.timeIntervalSince(firstOffer.time) < 60 } == true)
        // The skipped contact is due again in half an hour, not dialed before.
        let skipped = try fixture.attempts().filter { $0.job == jobs[0] }
        #expect(skipped.allSatisfy { $0.placedAt >= fixture.start.addingTimeInterval(CampaignRunner.previewSkipDelay) })
    }

    @Test func theStreamTellsEachConnectedCallInOrder() throws {
        let fixture = try EngineFixture(spec: Self.spec(), contacts: 80, start: Self.monday.addingTimeInterval(9 * 3_600))
        let events = try Self.run(fixture, until: 1) { event, desk in
            if case .agentState("agent-1", .wrapUp, _, _, _) = event.kind { desk.setPresence(.available, of: "agent-1", reason: nil) }
        }
        var seen: [CallID: [String]] = [:]
        for event in events {
            switch event.kind {
            case .callPlaced(let call, _, _): seen[call, default: []].append("placed")
            case .callAnswered(let call, _): seen[call, default: []].append("answered")
            case .callConnected(let call, _, _, _, _): seen[call, default: []].append("connected")
            case .callEnded(let call, _, _): seen[call, default: []].append("ended")
            default: break
            }
        }
        let connected = seen.values.filter { $0.contains("connected") }
        #expect(connected.count > 5)
        #expect(connected.allSatisfy { $0 == ["placed", "answered", "connected", "ended"] })
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.sequence < $1.sequence && $0.time <= $1.time })
        #expect(events.contains { if case .figures(let figures) = $0.kind { figures.agentsLoggedIn > 0 } else { false } })
    }
}
