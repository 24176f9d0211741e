public import Foundation

/// The embedded telephony backend: a seeded, deterministic population of callees
/// and agents, in virtual time.
///
/// Whether a number exists is a property of the number (seeded by seed and
/// number); each call's fate is drawn from a generator seeded by (seed, number,
/// how many times this number was called before). So a contact's outcomes do not
/// depend on the order in which the engine happens to place calls. Agents' breaks
/// are drawn from a generator per agent.
public final class SimulatedNetwork: TelephonyDriver {
    private enum Fate {
        case unallocated
        case busy
        case person(ringSeconds: Double)
        case machine(ringSeconds: Double)
        case noAnswer
    }

    private enum Phase { case dialing, detecting, answered, connected, ended }

    private struct Call {
        let request: CallRequest
        var random: SeededRandom
        var phase: Phase
        var agent: String?
        /// What really answered; nil until answered.
        var party: AnsweringParty?
    }

    private enum Step {
        case ringing(CallID)
        case answer(CallID)
        case amdDecision(CallID)
        case ringTimeout(CallID)
        case reject(CallID, HangupCause)
        case farEndHangsUp(CallID)
        case connected(CallID, agent: String)
        case agentFoundMachine(CallID)
        case agentReady(String)
        case breakStarts(String)
        case breakEnds(String)
    }

    private let clock: VirtualClock
    private let parameters: SimulationParameters
    private let timeZone: TimeZone
    private var calls: [CallID: Call] = [:]
    private var callsPerNumber: [String: UInt64] = [:]
    private var steps = EventQueue<Step>()
    private var agentRandom: [String: SeededRandom] = [:]
    /// What really happened, which the engine cannot always know.
    public private(set) var tally = SimulationTally()

    /// Seconds from dialing to the first ring, and to a busy or unallocated signal.
    private static let ringingDelay: TimeInterval = 1.5
    private static let busyDelay: TimeInterval = 3
    private static let unallocatedDelay: TimeInterval = 2

    /// A network for `agents` (whose breaks it draws) whose hour-of-day answer
    /// shares are read in `timeZone`.
    public init(clock: VirtualClock, parameters: SimulationParameters, agents: [String] = [],
                timeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current) {
        self.clock = clock
        self.parameters = parameters
        self.timeZone = timeZone
        guard parameters.breakEverySeconds > 0 else { return }
        for agent in agents {
            var random = SeededRandom(seed: parameters.seed, mixing: FNV1a.hash(agent.utf8), 0xB4EA)
            steps.push(.breakStarts(agent), at: clock.now + random.exponential(mean: parameters.breakEverySeconds))
            agentRandom[agent] = random
        }
    }

    /// The engine hands answered calls to agents itself.
    public var routesAnsweredCalls: Bool { false }

    /// Calls placed and not yet ended.
    public var callsInProgress: Int { calls.count }

    /// The share of persons the detector classes as machines, when AMD is on.
    public var estimatedMachineFalsePositiveShare: Double { parameters.amd ? parameters.amdFalsePositiveShare : 0 }

    public func place(_ request: CallRequest) throws {
        guard calls[request.callID] == nil else {
            throw TelephonyError("call \(request.callID) is already in progress")
        }
        let previous = callsPerNumber[request.number, default: 0]
        callsPerNumber[request.number] = previous + 1
        let numberKey = FNV1a.hash(request.number.utf8)
        var numberRandom = SeededRandom(seed: parameters.seed, mixing: numberKey)
        var random = SeededRandom(seed: parameters.seed, mixing: numberKey, previous + 1)
        let fate = numberRandom.unit() < parameters.unallocatedShare ? .unallocated : drawFate(&random)
        calls[request.callID] = Call(request: request, random: random, phase: .dialing)

        let now = clock.now
        switch fate {
        case .unallocated:
            steps.push(.reject(request.callID, .unallocatedNumber), at: now + Self.unallocatedDelay)
        case .busy:
            steps.push(.reject(request.callID, .userBusy), at: now + Self.busyDelay)
        case .person(let ringSeconds) where ringSeconds < request.ringTimeout,
             .machine(let ringSeconds) where ringSeconds < request.ringTimeout:
            if case .machine = fate { calls[request.callID]?.party = .machine } else { calls[request.callID]?.party = .person }
            steps.push(.ringing(request.callID), at: now + min(Self.ringingDelay, ringSeconds))
            steps.push(.answer(request.callID), at: now + ringSeconds)
        case .person, .machine, .noAnswer:
            steps.push(.ringing(request.callID), at: now + Self.ringingDelay)
            steps.push(.ringTimeout(request.callID), at: now + request.ringTimeout)
        }
    }

    public func connect(_ call: CallID, toAgent agent: String) throws {
        guard var state = calls[call], state.phase == .answered else {
            throw TelephonyError("call \(call) is not waiting for an agent")
        }
        state.phase = .connected
        state.agent = agent
        steps.push(.connected(call, agent: agent), at: clock.now)
        if state.party == .machine {
            tally.machinesReachingAgents += 1
            steps.push(.agentFoundMachine(call), at: clock.now + parameters.machineAgentSeconds)
        } else {
            tally.personsConnected += 1
            let talk = state.random.logNormal(mean: parameters.talkMeanSeconds, coefficientOfVariation: parameters.talkCV)
            steps.push(.farEndHangsUp(call), at: clock.now + talk)
        }
        calls[call] = state
    }

    public func abandon(_ call: CallID) throws {
        guard var state = calls[call], state.phase == .answered else {
            throw TelephonyError("call \(call) is not waiting for an agent")
        }
        if state.party == .machine {
            tally.machinesAbandoned += 1
        } else {
            tally.countAbandon(at: clock.now, hungUpAsMachine: false)
        }
        state.phase = .connected
        calls[call] = state
        steps.push(.farEndHangsUp(call), at: clock.now + parameters.safeHarbourSeconds)
    }

    public func playMessage(_ call: CallID) throws {
        guard var state = calls[call], state.phase == .answered else {
            throw TelephonyError("call \(call) is not answered")
        }
        let listening = state.random.logNormal(mean: parameters.messageMeanSeconds, coefficientOfVariation: 0.5)
        state.phase = .connected
        calls[call] = state
        steps.push(.farEndHangsUp(call), at: clock.now + listening)
    }

    public func cancel(_ call: CallID) throws {
        guard let state = calls[call], state.phase == .dialing else {
            throw TelephonyError("call \(call) is not ringing")
        }
        steps.push(.reject(call, .normalClearing), at: clock.now)
    }

    public func events(until deadline: Date) -> [CallEvent] {
        while let time = steps.nextTime, time <= deadline {
            var happened: [CallEvent] = []
            while steps.nextTime == time, let (_, step) = steps.pop() {
                happened.append(contentsOf: apply(step, at: time).map { CallEvent(time: time, kind: $0) })
            }
            if !happened.isEmpty {
                clock.advance(to: time)
                return happened
            }
        }
        clock.advance(to: deadline)
        return []
    }

    /// Carries out one scheduled step: the events it causes, none when the call has moved on and the step is stale.
    private func apply(_ step: Step, at time: Date) -> [CallEvent.Kind] {
        switch step {
        case .ringing(let id):
            return calls[id]?.phase == .dialing ? [.ringing(id)] : []
        case .answer(let id):
            guard var state = calls[id], state.phase == .dialing else { return [] }
            if state.party == .person { tally.countAnswer(at: time) }
            guard parameters.amd else {
                calls[id]?.phase = .answered
                return [.answered(id, party: .person)]
            }
            state.phase = .detecting
            let delay = state.random.logNormal(mean: parameters.amdDelaySeconds, coefficientOfVariation: 0.2)
            calls[id] = state
            steps.push(.amdDecision(id), at: time + delay)
            return []
        case .amdDecision(let id):
            guard var state = calls[id], state.phase == .detecting else { return [] }
            let wrong = state.random.unit()
                < (state.party == .machine ? parameters.amdFalseNegativeShare : parameters.amdFalsePositiveShare)
            let classed: AnsweringParty = (state.party == .machine) != wrong ? .machine : .person
            guard classed == .person else {
                // The backend hangs up on what it takes for a machine.
                if state.party == .person { tally.countAbandon(at: time, hungUpAsMachine: true) }
                return [.amdVerdict(id, "machine"), .answered(id, party: .machine), end(id, cause: .normalClearing)]
            }
            state.phase = .answered
            calls[id] = state
            return [.amdVerdict(id, "human"), .answered(id, party: .person)]
        case .ringTimeout(let id):
            guard calls[id]?.phase == .dialing else { return [] }
            return [end(id, cause: .noAnswer)]
        case .reject(let id, let cause):
            guard calls[id]?.phase == .dialing else { return [] }
            return [end(id, cause: cause)]
        case .connected(let id, let agent):
            guard calls[id] != nil else { return [] }
            guard parameters.recordings else { return [.connected(id, agent: agent)] }
            return [.connected(id, agent: agent), .recording(id, "simulated://recordings/\(id)")]
        case .agentFoundMachine(let id):
            guard calls[id]?.phase == .connected else { return [] }
            return [.agentFoundMachine(id), end(id, cause: .normalClearing)]
        case .farEndHangsUp(let id):
            guard let state = calls[id], state.phase == .connected else { return [] }
            if let agent = state.agent {
                var random = state.random
                let wrap = random.logNormal(mean: parameters.wrapMeanSeconds, coefficientOfVariation: parameters.wrapCV)
                steps.push(.agentReady(agent), at: time + wrap)
            }
            return [end(id, cause: .normalClearing)]
        case .agentReady(let agent):
            return [.agentReady(agent: agent)]
        case .breakStarts(let agent):
            guard var random = agentRandom[agent] else { return [] }
            let logsOut = random.unit() < parameters.logoutShare
            steps.push(.breakEnds(agent), at: time + random.logNormal(mean: parameters.breakMeanSeconds, coefficientOfVariation: 0.5))
            agentRandom[agent] = random
            return [.agentPresence(agent: agent, logsOut ? .loggedOut : .paused)]
        case .breakEnds(let agent):
            guard var random = agentRandom[agent] else { return [] }
            steps.push(.breakStarts(agent), at: time + random.exponential(mean: parameters.breakEverySeconds))
            agentRandom[agent] = random
            return [.agentPresence(agent: agent, .available)]
        }
    }

    private func end(_ id: CallID, cause: HangupCause) -> CallEvent.Kind {
        calls[id] = nil
        return .hungUp(id, cause: cause)
    }

    private func drawFate(_ random: inout SeededRandom) -> Fate {
        // The shares are of all dials; this dial reaches an existing number, so draw above the unallocated share.
        let unallocated = min(parameters.unallocatedShare, 0.999)
        let draw = unallocated + random.unit() * (1 - unallocated)
        var threshold = unallocated + parameters.busyShare
        if draw < threshold { return .busy }
        threshold += parameters.personAnswerShare * hourFactor()
        if draw < threshold {
            return .person(ringSeconds: random.logNormal(mean: parameters.ringMeanSeconds, coefficientOfVariation: parameters.ringCV))
        }
        threshold += parameters.machineShare
        if draw < threshold {
            return .machine(ringSeconds: random.logNormal(mean: parameters.machineRingMeanSeconds, coefficientOfVariation: 0.3))
        }
        return .noAnswer
    }

    /// The answer-share multiplier of the current hour in the network's zone.
    private func hourFactor() -> Double {
        guard !parameters.answerByHour.isEmpty else { return 1 }
        let now = clock.now
        let local = now.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: now))
        let hour = Int((local / 3600).rounded(.down)) % 24
        return parameters.answerByHour[(hour + 24) % 24] ?? 1
    }
}
