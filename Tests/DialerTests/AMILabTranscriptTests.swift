@testable import Dialer
import Foundation
import Testing

/// The call tracker on conversations recorded from the real Asterisk 22 lab (`Tests/AsteriskLab/`,
/// `Fixtures/ami-lab-*.README.md`): every outcome class over the SIP trunk and over Local channels,
/// whatever order Asterisk sends a call's events in, with and without the `dialplan` read class.
@Suite struct AMILabTranscriptTests {
    /// What the engine records for each call key, from the driver's events.
    private static func outcomes(of messages: [AMIMessage], keys: ClosedRange<Int>) -> [String: CallOutcome] {
        var calls = AMICallTracker(callVariable: "DIALER_CALL", reportsAMD: true)
        for id in keys { calls.track(CallID(id), key: "dialer-\(id)", actionID: "dialer-\(id)") }
        var events: [CallEvent.Kind] = []
        let start = ContinuousClock.now
        for message in messages { events += calls.handle(message, at: start) }
        // Every failed call's Hangup was recorded: nothing waits for the grace period.
        #expect(calls.callsInProgress == 0, "calls left: \(calls.callsInProgress)")
        return outcomes(of: events)
    }

    /// Each call's outcome as `CampaignRunner` decides it from the events.
    static func outcomes(of events: [CallEvent.Kind]) -> [String: CallOutcome] {
        var answered: [CallID: AnsweringParty] = [:]
        var connected: Set<CallID> = []
        var result: [String: CallOutcome] = [:]
        for event in events {
            switch event {
            case .answered(let id, let party): answered[id] = party
            case .connected(let id, _): connected.insert(id)
            case .hungUp(let id, let cause):
                let outcome: CallOutcome =
                    if answered[id] == .machine { .machine }
                    else if connected.contains(id) { .answered }
                    else if answered[id] != nil { .abandoned }
                    else { CallOutcome(unansweredCause: cause) }
                result["dialer-\(id)"] = outcome
            default: continue
            }
        }
        return result
    }

    private static func fixture(_ name: String) throws -> [AMIMessage] {
        try #require(AMITranscript.messages(at: AMITranscript.path(of: name)), "fixture missing: \(name)")
    }

    /// What a manager user without the `dialplan` read class (docs/asterisk.md's least privileges) receives.
    private static func withoutDialplanClass(_ messages: [AMIMessage]) -> [AMIMessage] {
        messages.filter { !["varset", "newexten"].contains($0.event?.lowercased() ?? "") }
    }

    /// The seven calls of the trunk and Local recordings (see their READMEs).
    private static let sevenClasses: [String: CallOutcome] = [
        "dialer-1": .answered, "dialer-2": .machine, "dialer-3": .busy, "dialer-4": .failed,
        "dialer-5": .invalid, "dialer-6": .noAnswer, "dialer-7": .abandoned,
    ]

    @Test(arguments: ["ami-lab-trunk.txt", "ami-lab-local.txt"], [true, false])
    func everyOutcomeClassIsRecordedRight(fixture: String, dialplanClass: Bool) throws {
        var messages = try Self.fixture(fixture)
        if !dialplanClass { messages = Self.withoutDialplanClass(messages) }
        #expect(Self.outcomes(of: messages, keys: 1...7) == Self.sevenClasses)
    }

    @Test func theCausesAreTheFarEndsOverTheTrunk() throws {
        var calls = AMICallTracker(callVariable: "DIALER_CALL", reportsAMD: true)
        for id in 1...7 { calls.track(CallID(id), key: "dialer-\(id)", actionID: "dialer-\(id)") }
        var causes: [CallID: HangupCause] = [:]
        for message in try Self.fixture("ami-lab-trunk.txt") {
            for case .hungUp(let id, let cause) in calls.handle(message) { causes[id] = cause }
        }
        #expect(causes[3] == .userBusy)
        #expect(causes[4] == .noCircuitAvailable)
        #expect(causes[5] == .unallocatedNumber)
        #expect(causes[6] == .noAnswer)
    }

    /// 22 calls at once: their events interleave; each ends as the lab's customers played it.
    @Test func aBurstOfInterleavedCallsEndsAsPlayed() throws {
        let outcomes = Self.outcomes(of: try Self.fixture("ami-lab-burst.txt"), keys: 1...22)
        var expected: [String: CallOutcome] = [:]
        for id in [1, 2, 5, 6, 8, 9] { expected["dialer-\(id)"] = .answered }
        for id in [3, 4, 7, 10, 22] { expected["dialer-\(id)"] = .abandoned }
        for id in 11...13 { expected["dialer-\(id)"] = .machine }
        for id in 14...15 { expected["dialer-\(id)"] = .busy }
        for id in 16...17 { expected["dialer-\(id)"] = .failed }
        for id in 18...19 { expected["dialer-\(id)"] = .invalid }
        for id in 20...21 { expected["dialer-\(id)"] = .noAnswer }
        #expect(outcomes == expected)
    }

    /// Asterisk sends a failed call's `HangupRequest`, `DialEnd`, `OriginateResponse` and `Hangup` in
    /// varying orders a millisecond apart: every order of them gives the same outcome.
    @Test(arguments: [("ami-lab-trunk.txt", 3), ("ami-lab-trunk.txt", 4), ("ami-lab-trunk.txt", 5), ("ami-lab-trunk.txt", 6),
                      ("ami-lab-local.txt", 3), ("ami-lab-local.txt", 4), ("ami-lab-local.txt", 5), ("ami-lab-local.txt", 6)])
    func aFailedCallsOutcomeDoesNotDependOnTheOrderOfItsEvents(fixture: String, call: Int) throws {
        let messages = try Self.fixture(fixture)
        let key = "dialer-\(call)"
        let telling: Set<String> = ["originateresponse", "hanguprequest", "softhanguprequest", "dialend", "hangup"]
        let positions = messages.indices.filter { index in
            let message = messages[index]
            guard telling.contains(message.event?.lowercased() ?? "") else { return false }
            let names: [String?] = [message["Uniqueid"], message["DestUniqueid"], message.actionID]
            return names.contains { $0 == key || $0 == key + ";2" }
        }
        #expect(positions.count >= 2, "the call's telling events: \(positions.count)")
        let expected = Self.sevenClasses[key]
        for order in Self.permutations(of: positions) {
            var shuffled = messages
            for (slot, source) in zip(positions, order) { shuffled[slot] = messages[source] }
            let outcome = Self.outcomes(of: shuffled, keys: 1...7)[key]
            #expect(outcome == expected, "order \(order.map { messages[$0].event ?? "?" })")
        }
    }

    /// A failed originate whose channel never sends a `Hangup` (never created) still ends, after the grace period.
    @Test func aFailedOriginateWithoutAHangupEndsAfterTheGracePeriod() {
        var calls = AMICallTracker(callVariable: "DIALER_CALL", reportsAMD: true)
        calls.track(9, key: "dialer-9", actionID: "dialer-9")
        let start = ContinuousClock.now
        let response = AMIMessage([("Event", "OriginateResponse"), ("ActionID", "dialer-9"), ("Response", "Failure"),
                                   ("Reason", "0"), ("Uniqueid", "<unknown>")])
        #expect(calls.handle(response, at: start).isEmpty)
        #expect(calls.endOverdueFailures(at: start + .milliseconds(500)).isEmpty)
        #expect(calls.nextFailureDeadline == start + AMICallTracker.hangupGrace)
        #expect(calls.endOverdueFailures(at: start + AMICallTracker.hangupGrace) == [.hungUp(9, cause: .temporaryFailure)])
        #expect(calls.callsInProgress == 0)
    }

    private static func permutations(of items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[Int]] in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(of: rest).map { [first] + $0 }
        }
    }
}
