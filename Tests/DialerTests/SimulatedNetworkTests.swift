import Dialer
import Foundation
import Testing

@Suite struct SimulatedNetworkTests {
    /// Places `calls` calls one after another, connecting every answered one, and returns every event.
    static func transcript(seed: UInt64, calls: Int) throws -> [CallEvent] {
        let clock = VirtualClock(start: Date(timeIntervalSince1970: 1_800_000_000))
        let network = SimulatedNetwork(clock: clock, parameters: SimulationParameters(seed: seed))
        var all: [CallEvent] = []
        for index in 0..<calls {
            let id = CallID(index)
            try network.place(CallRequest(callID: id, number: "+849\(10_000_000 + index)", callerID: nil, ringTimeout: 25, tag: ""))
            var ended = false
            while !ended {
                let events = network.events(until: clock.now.addingTimeInterval(86_400))
                #expect(!events.isEmpty, "a placed call always ends")
                if events.isEmpty { break }
                for event in events {
                    all.append(event)
                    switch event.kind {
                    case .answered(let call, _): try network.connect(call, toAgent: "a")
                    case .hungUp(let call, _) where call == id: ended = true
                    default: break
                    }
                }
            }
        }
        return all
    }

    @Test func theSameSeedGivesTheSameCalls() throws {
        #expect(try Self.transcript(seed: 7, calls: 200) == Self.transcript(seed: 7, calls: 200))
    }

    @Test func anotherSeedGivesOtherCalls() throws {
        #expect(try Self.transcript(seed: 7, calls: 200) != Self.transcript(seed: 8, calls: 200))
    }

    @Test func outcomesFollowTheConfiguredShares() throws {
        let events = try Self.transcript(seed: 3, calls: 4_000)
        var causes: [Int: Int] = [:]
        var answered = 0
        for event in events {
            if case .hungUp(_, let cause) = event.kind { causes[cause.code, default: 0] += 1 }
            if case .answered = event.kind { answered += 1 }
        }
        let share = { (n: Int) in Double(n) / 4_000 }
        #expect(abs(share(causes[HangupCause.userBusy.code, default: 0]) - 0.05) < 0.015)
        #expect(abs(share(causes[HangupCause.unallocatedNumber.code, default: 0]) - 0.05) < 0.015)
        // Persons answer 30 % of dials; a few let it ring past the 25 s timeout.
        #expect(share(answered) > 0.25 && share(answered) <= 0.33)
    }

    @Test func aCallRingsOutAtItsTimeout() throws {
        let clock = VirtualClock(start: Date(timeIntervalSince1970: 0))
        let network = SimulatedNetwork(clock: clock, parameters: SimulationParameters(seed: 1, personAnswerShare: 0, busyShare: 0, unallocatedShare: 0))
        try network.place(CallRequest(callID: 1, number: "+84912345678", callerID: nil, ringTimeout: 25, tag: ""))
        var last: CallEvent?
        while let event = network.events(until: Date(timeIntervalSince1970: 100)).last { last = event }
        #expect(last == CallEvent(time: Date(timeIntervalSince1970: 25), kind: .hungUp(1, cause: .noAnswer)))
    }
}

/// A restarted simulated network goes on with each number where the stopped one left it.
@Suite struct SimulatedNetworkRestartTests {
    /// The events of one call to `number`, with the clock's start taken out.
    static func fate(of number: String, network: SimulatedNetwork, clock: VirtualClock, call: CallID) throws -> [String] {
        let start = clock.now
        try network.place(CallRequest(callID: call, number: number, callerID: nil, ringTimeout: 30, tag: ""))
        var kinds: [String] = []
        while network.callsInProgress > 0 {
            // The call's own events (an earlier call's agent may still be wrapping up).
            for event in network.events(until: clock.now.addingTimeInterval(3_600)) where event.callID == call {
                kinds.append("\(event.time.timeIntervalSince(start)) \(event.kind)")
                if case .answered(let id, _) = event.kind { try network.connect(id, toAgent: "an") }
            }
        }
        return kinds
    }

    @Test(arguments: 0..<10)
    func aNumbersNextCallDrawsTheSameFateAfterARestart(case index: Int) throws {
        let number = "+8490\(1_000_000 + index * 7_919)"
        let parameters = SimulationParameters(seed: 40 + UInt64(index), personAnswerShare: 0.4)
        let clock = VirtualClock(start: Date(timeIntervalSince1970: 1_772_384_400))
        let uninterrupted = SimulatedNetwork(clock: clock, parameters: parameters)
        var fates: [[String]] = []
        for call in 1...4 { fates.append(try Self.fate(of: number, network: uninterrupted, clock: clock, call: CallID(call))) }

        let restartedClock = VirtualClock(start: Date(timeIntervalSince1970: 1_772_384_400))
        let restarted = SimulatedNetwork(clock: restartedClock, parameters: parameters, callsBefore: [number: 3])
        #expect(try Self.fate(of: number, network: restarted, clock: restartedClock, call: 4) == fates[3])
    }
}
