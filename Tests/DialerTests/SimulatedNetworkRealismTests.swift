import Dialer
import Foundation
import Testing

/// Machines, answering-machine detection, agents' breaks and the hour of the day on the simulated network.
@Suite struct SimulatedNetworkRealismTests {
    /// Places `calls` calls one after another, connecting every call answered as a person, and returns every event.
    static func transcript(_ parameters: SimulationParameters, calls: Int, start: Date = Date(timeIntervalSince1970: 1_800_000_000))
        throws -> [CallEvent] {
        let clock = VirtualClock(start: start)
        let network = SimulatedNetwork(clock: clock, parameters: parameters)
        var all: [CallEvent] = []
        for index in 0..<calls {
            let id = CallID(index)
            try network.place(CallRequest(callID: id, number: "+849\(10_000_000 + index)", callerID: nil, ringTimeout: 25, tag: ""))
            var ended = false
            while !ended {
                let events = network.events(until: clock.now.addingTimeInterval(86_400))
                if events.isEmpty { break }
                for event in events {
                    all.append(event)
                    switch event.kind {
                    case .answered(let call, .person): try network.connect(call, toAgent: "a")
                    case .hungUp(let call, _) where call == id: ended = true
                    default: break
                    }
                }
            }
        }
        return all
    }

    @Test func withoutDetectionMachinesReachAgentsAndEndAsMachines() throws {
        let events = try Self.transcript(SimulationParameters(seed: 4, machineShare: 0.2), calls: 2_000)
        let found = events.count { if case .agentFoundMachine = $0.kind { true } else { false } }
        let machineAnswers = events.count { if case .answered(_, .machine) = $0.kind { true } else { false } }
        #expect(machineAnswers == 0, "without AMD the network cannot tell a machine")
        #expect(found > 300 && found < 500, "about 20 % of 2,000 dials")
    }

    @Test func detectionDecidesAfterItsDelayAndIsSometimesWrong() throws {
        var parameters = SimulationParameters(seed: 5, personAnswerShare: 0.4, machineShare: 0.4, amd: true)
        parameters.amdFalsePositiveShare = 0.05
        parameters.amdFalseNegativeShare = 0.1
        let network = try Self.transcript(parameters, calls: 3_000)
        let machines = network.count { if case .answered(_, .machine) = $0.kind { true } else { false } }
        let foundByAgents = network.count { if case .agentFoundMachine = $0.kind { true } else { false } }
        // About 1,200 machines: 90 % caught, 10 % reach agents; about 60 of 1,200 persons are taken for machines.
        #expect(machines > 1_050 && machines < 1_250)
        #expect(foundByAgents > 80 && foundByAgents < 170)
    }

    @Test func personsTakenForMachinesCountAsAbandoned() throws {
        let clock = VirtualClock(start: Date(timeIntervalSince1970: 0))
        var parameters = SimulationParameters(seed: 6, personAnswerShare: 1, busyShare: 0, unallocatedShare: 0, amd: true)
        parameters.amdFalsePositiveShare = 0.5
        let network = SimulatedNetwork(clock: clock, parameters: parameters)
        for index in 0..<200 {
            try network.place(CallRequest(callID: CallID(index), number: "+8491\(1_000_000 + index)", callerID: nil, ringTimeout: 60, tag: ""))
        }
        var answers: [CallEvent] = []
        while true {
            let events = network.events(until: clock.now.addingTimeInterval(3_600))
            if events.isEmpty { break }
            answers += events.filter { if case .answered = $0.kind { true } else { false } }
        }
        let tally = network.tally
        #expect(tally.personsAnswered == 200)
        #expect(tally.personsHungUpAsMachines == answers.count { $0.kind == .answered($0.callID, party: .machine) })
        #expect(tally.personsHungUpAsMachines > 70 && tally.personsHungUpAsMachines < 130)
        #expect(tally.abandonRate == Double(tally.personsHungUpAsMachines) / 200)
    }

    @Test func agentsTakeBreaksAndComeBack() throws {
        let clock = VirtualClock(start: Date(timeIntervalSince1970: 0))
        let parameters = SimulationParameters(seed: 2, breakEverySeconds: 1_800, breakMeanSeconds: 600, logoutShare: 0.5)
        let network = SimulatedNetwork(clock: clock, parameters: parameters, agents: ["an", "binh"])
        var presence: [String: [AgentPresence]] = [:]
        while clock.now < Date(timeIntervalSince1970: 8 * 3_600) {
            for event in network.events(until: Date(timeIntervalSince1970: 8 * 3_600)) {
                if case .agentPresence(let agent, let state) = event.kind { presence[agent, default: []].append(state) }
            }
        }
        for agent in ["an", "binh"] {
            let changes = try #require(presence[agent])
            #expect(changes.count >= 6, "about one break every 40 minutes")
            // Away and back, in turn.
            for (index, state) in changes.enumerated() { #expect((state == .available) == (index % 2 == 1)) }
        }
        #expect(presence.values.joined().contains(.loggedOut) && presence.values.joined().contains(.paused))
    }

    @Test func theAnswerShareFollowsTheHourOfTheDay() throws {
        func answered(at hour: Int) throws -> Int {
            let start = Date(timeIntervalSince1970: TimeInterval(hour * 3_600))
            var parameters = SimulationParameters(seed: 8, personAnswerShare: 0.4)
            parameters.answerByHour = Dictionary(uniqueKeysWithValues: (0..<12).map { ($0, 0.25) })
            return try Self.transcript(parameters, calls: 400, start: start)
                .count { if case .answered = $0.kind { true } else { false } }
        }
        // 400 calls one after another take a few hours: all in the slow morning, or all in the afternoon.
        #expect(try answered(at: 0) * 2 < answered(at: 12))
    }
}

extension CallEvent {
    /// The call an event is about (0 for agent events).
    var callID: CallID {
        switch kind {
        case .ringing(let id), .answered(let id, _), .connected(let id, _), .agentFoundMachine(let id), .hungUp(let id, _),
             .amdVerdict(let id, _), .recording(let id, _), .detecting(let id), .notPlaced(let id, _): id
        case .agentReady, .agentPresence: 0
        }
    }
}
