@testable import Dialer
import Foundation
import Testing

/// The real recorded conversation, read by the driver's trackers as the session does.
@Suite struct AMITranscriptMappingTests {
    /// The events for the transcript's four calls: attempts 2…5 went out with
    /// `ActionID` 2…5 and `ATTEMPT=a2`…`a5`.
    private static func events() throws -> [CallEvent.Kind] {
        let messages = try #require(AMITranscript.messages(), "fixture missing at \(AMITranscript.path)")
        var calls = AMICallTracker(callVariable: "ATTEMPT", reportsAMD: false)
        var agents = AMIAgentTracker(queue: "campaign")
        for id in 2...5 { calls.track(CallID(id), key: "a\(id)", actionID: String(id)) }
        var events: [CallEvent.Kind] = []
        for message in messages {
            var step = calls.handle(message)
            step += agents.observe(step)
            step += agents.handle(message)
            events += step
        }
        #expect(calls.callsInProgress == 0)
        return events
    }

    private static func of(_ call: CallID, in events: [CallEvent.Kind]) -> [CallEvent.Kind] {
        events.filter { callID(of: $0) == call }
    }

    private static func callID(of event: CallEvent.Kind) -> CallID? {
        if case .ringing(let id) = event { return id }
        if case .answered(let id, _) = event { return id }
        if case .connected(let id, _) = event { return id }
        if case .hungUp(let id, _) = event { return id }
        return nil
    }

    @Test func thePersonWhoAnsweredIsConnectedToTheAgentAndHangsUpNormally() throws {
        let events = try Self.events()
        #expect(Self.of(2, in: events) == [
            .ringing(2), .answered(2, party: .person), .connected(2, agent: "Agent One"), .hungUp(2, cause: .normalClearing),
        ])
    }

    @Test func busyRingOutAndUnallocatedEndWithTheirCauses() throws {
        let events = try Self.events()
        #expect(Self.of(3, in: events) == [.hungUp(3, cause: .userBusy)])
        #expect(Self.of(4, in: events) == [.ringing(4), .hungUp(4, cause: .noAnswer)])
        #expect(Self.of(5, in: events) == [.hungUp(5, cause: .unallocatedNumber)])
        #expect(CallOutcome(unansweredCause: .userBusy) == .busy)
        #expect(CallOutcome(unansweredCause: .noAnswer) == .noAnswer)
        #expect(CallOutcome(unansweredCause: .unallocatedNumber) == .invalid)
    }

    @Test func theAgentIsReadyOnlyAfterTheCallEnded() throws {
        let events = try Self.events()
        let agentEvents = events.filter { if case .agentReady = $0 { true } else if case .agentPresence = $0 { true } else { false } }
        // Rung by the queue before the connection, the agent is busy (logged in, taking no other call) until then.
        #expect(agentEvents == [.agentPresence(agent: "Agent One", .busy), .agentReady(agent: "Agent One")])
        let ended = try #require(events.firstIndex(of: .hungUp(2, cause: .normalClearing)))
        let ready = try #require(events.firstIndex(of: .agentReady(agent: "Agent One")))
        #expect(ended < ready)
    }
}
