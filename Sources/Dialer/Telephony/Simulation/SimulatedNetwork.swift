public import Foundation

/// The embedded telephony backend: a seeded, deterministic population of callees
/// and agents, in virtual time.
///
/// Whether a number exists is a property of the number (seeded by seed and
/// number); each call's fate is drawn from a generator seeded by (seed, number,
/// how many times this number was called before). So a contact's outcomes do not
/// depend on the order in which the engine happens to place calls. Agents' breaks
/// are drawn from a generator per agent.
///
/// With ``SimulationParameters/pbxRouting`` the network plays a PBX: it routes each
/// answered person to its own longest-free agent or, after the queue's wait, plays the
/// safe-harbour message, and reports agents' presence itself, as Asterisk does.
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
        /// PBX routing: an agent logs in to the queue.
        case agentJoins(String)
        /// PBX routing: a person has waited the queue's longest wait.
        case queueTimeout(CallID)
    }

    /// PBX routing: what an agent of the network's queue does.
    private enum AgentState: Equatable {
        case free(since: Date)
        case busy
        case away
    }

    private let clock: VirtualClock
    private let parameters: SimulationParameters
    private let timeZone: TimeZone
    private var calls: [CallID: Call] = [:]
    private var callsPerNumber: [String: UInt64] = [:]
    private var steps = EventQueue<Step>()
    private var agentRandom: [String: SeededRandom] = [:]
    /// PBX routing: the queue's agents, in the order given, and the persons waiting for one, oldest first.
    private var queueAgents: [String] = []
    private var agentStates: [String: AgentState] = [:]
    /// PBX routing: agents whose break began while they were busy; it starts when they are free.
    private var breaksDue: Set<String> = []
    private var queued: [CallID] = []
    /// Agents a person at the desk works: their wrap-ups and breaks are theirs, not drawn.
    private var persons: Set<String> = []
    /// What really happened, which the engine cannot always know.
    public private(set) var tally = SimulationTally()

    /// Seconds from dialing to the first ring, and to a busy or unallocated signal.
    private static let ringingDelay: TimeInterval = 1.5
    private static let busyDelay: TimeInterval = 3
    private static let unallocatedDelay: TimeInterval = 2

    /// A network for `agents` (whose breaks it draws) whose hour-of-day answer
    /// shares are read in `timeZone`. `callsBefore` counts each number's calls placed
    /// before (by an earlier process, from the store), so a number's next call draws the
    /// same fate as if the network had never stopped.
    public init(clock: VirtualClock, parameters: SimulationParameters, agents: [String] = [],
                timeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current, callsBefore: [String: UInt64] = [:]) {
        self.clock = clock
        callsPerNumber = callsBefore
        self.parameters = parameters
        self.timeZone = timeZone
        if parameters.pbxRouting {
            queueAgents = agents
            for agent in agents {
                agentStates[agent] = .away
                steps.push(.agentJoins(agent), at: clock.now)
            }
        }
        guard parameters.breakEverySeconds > 0 else { return }
        for agent in agents {
            var random = SeededRandom(seed: parameters.seed, mixing: FNV1a.hash(agent.utf8), 0xB4EA)
            steps.push(.breakStarts(agent), at: clock.now + random.exponential(mean: parameters.breakEverySeconds))
            agentRandom[agent] = random
        }
    }

    /// The engine hands answered calls to agents itself, unless the network plays a PBX.
    public var routesAnsweredCalls: Bool { parameters.pbxRouting }

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
        guard calls[call]?.phase == .answered else {
            throw TelephonyError("call \(call) is not waiting for an agent")
        }
        startTalk(call, with: agent, at: clock.now)
    }

    /// Bridges an answered call to `agent` at `time`: the talk (or the agent's look at a machine) begins.
    private func startTalk(_ call: CallID, with agent: String, at time: Date) {
        guard var state = calls[call] else { return }
        state.phase = .connected
        state.agent = agent
        steps.push(.connected(call, agent: agent), at: time)
        if state.party == .machine {
            tally.machinesReachingAgents += 1
            if persons.contains(agent) {
                // A person hears the greeting and says what it was with their disposition; the machine hangs up.
                steps.push(.farEndHangsUp(call), at: time + parameters.machineAgentSeconds)
            } else {
                steps.push(.agentFoundMachine(call), at: time + parameters.machineAgentSeconds)
            }
        } else {
            tally.personsConnected += 1
            let talk = state.random.logNormal(mean: parameters.talkMeanSeconds, coefficientOfVariation: parameters.talkCV)
            steps.push(.farEndHangsUp(call), at: time + talk)
        }
        calls[call] = state
    }

    public func abandon(_ call: CallID) throws {
        guard calls[call]?.phase == .answered else {
            throw TelephonyError("call \(call) is not waiting for an agent")
        }
        playSafeHarbour(call, at: clock.now)
    }

    /// An answered call nobody took: the safe-harbour message plays, then the far end is hung up on.
    private func playSafeHarbour(_ call: CallID, at time: Date) {
        guard var state = calls[call] else { return }
        if state.party == .machine {
            tally.machinesAbandoned += 1
        } else {
            tally.countAbandon(at: time, hungUpAsMachine: false)
        }
        state.phase = .connected
        calls[call] = state
        steps.push(.farEndHangsUp(call), at: time + parameters.safeHarbourSeconds)
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

    /// A person works `agent` from now on: no wrap-up or break of theirs is drawn any more. Playing a
    /// PBX, the network's queue follows the presence (a person on a call keeps it until it ends).
    public func deskPresence(_ presence: AgentPresence, of agent: String, reason: String?) throws {
        persons.insert(agent)
        agentRandom[agent] = nil
        guard parameters.pbxRouting else { return }
        if !queueAgents.contains(agent) { queueAgents.append(agent) }
        guard !calls.values.contains(where: { $0.agent == agent && $0.phase == .connected }) else { return }
        breaksDue.remove(agent)
        switch presence {
        case .available, .busy:
            if case .free = agentStates[agent] { return }
            agentFree(agent, at: clock.now)
        case .paused, .loggedOut:
            agentStates[agent] = .away
        }
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
                route(id, at: time)
                return [.answered(id, party: .person)]
            }
            state.phase = .detecting
            let delay = state.random.logNormal(mean: parameters.amdDelaySeconds, coefficientOfVariation: 0.2)
            calls[id] = state
            steps.push(.amdDecision(id), at: time + delay)
            return [.detecting(id)]
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
            route(id, at: time)
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
            guard let state = calls[id], state.phase == .connected else { return [] }
            if let agent = state.agent, parameters.pbxRouting { agentFree(agent, at: time) }
            return [.agentFoundMachine(id), end(id, cause: .normalClearing)]
        case .farEndHangsUp(let id):
            guard let state = calls[id], state.phase == .connected else { return [] }
            if let agent = state.agent, !persons.contains(agent) {
                var random = state.random
                let wrap = random.logNormal(mean: parameters.wrapMeanSeconds, coefficientOfVariation: parameters.wrapCV)
                steps.push(.agentReady(agent), at: time + wrap)
            }
            return [end(id, cause: .normalClearing)]
        case .agentReady(let agent):
            if parameters.pbxRouting { agentFree(agent, at: time) }
            return [.agentReady(agent: agent)]
        case .breakStarts(let agent):
            guard var random = agentRandom[agent] else { return [] }
            let logsOut = random.unit() < parameters.logoutShare
            steps.push(.breakEnds(agent), at: time + random.logNormal(mean: parameters.breakMeanSeconds, coefficientOfVariation: 0.5))
            agentRandom[agent] = random
            if parameters.pbxRouting {
                if case .free = agentStates[agent] { agentStates[agent] = .away } else { breaksDue.insert(agent) }
            }
            return [.agentPresence(agent: agent, logsOut ? .loggedOut : .paused)]
        case .breakEnds(let agent):
            guard var random = agentRandom[agent] else { return [] }
            steps.push(.breakStarts(agent), at: time + random.exponential(mean: parameters.breakEverySeconds))
            agentRandom[agent] = random
            guard parameters.pbxRouting else { return [.agentPresence(agent: agent, .available)] }
            breaksDue.remove(agent)
            if agentStates[agent] == .away { agentFree(agent, at: time) }
            return [.agentPresence(agent: agent, .available)]
        case .agentJoins(let agent):
            agentFree(agent, at: time)
            return [.agentPresence(agent: agent, .available)]
        case .queueTimeout(let id):
            guard let index = queued.firstIndex(of: id) else { return [] }
            // Nobody took the call: the dialplan plays the safe-harbour message and hangs up.
            queued.remove(at: index)
            playSafeHarbour(id, at: time)
            return []
        }
    }

    /// PBX routing: an answered call goes to the agent free longest, or waits in the queue.
    private func route(_ id: CallID, at time: Date) {
        guard parameters.pbxRouting else { return }
        if let agent = longestFreeAgent() {
            bridge(id, to: agent, at: time)
        } else {
            queued.append(id)
            steps.push(.queueTimeout(id), at: time + parameters.pbxQueueSeconds)
        }
    }

    /// PBX routing: `agent` is free again (joined, back from a break, or done wrapping up):
    /// it takes the oldest waiting call, or starts the break that came meanwhile.
    private func agentFree(_ agent: String, at time: Date) {
        if breaksDue.remove(agent) != nil {
            agentStates[agent] = .away
            return
        }
        agentStates[agent] = .free(since: time)
        if !queued.isEmpty { bridge(queued.removeFirst(), to: agent, at: time) }
    }

    private func longestFreeAgent() -> String? {
        var best: (agent: String, since: Date)?
        for agent in queueAgents {
            guard case .free(let since) = agentStates[agent] else { continue }
            if let current = best, current.since <= since { continue }
            best = (agent, since)
        }
        return best?.agent
    }

    /// PBX routing: the queue rings `agent` and bridges the call when the agent's phone answers.
    private func bridge(_ id: CallID, to agent: String, at time: Date) {
        agentStates[agent] = .busy
        startTalk(id, with: agent, at: time + parameters.pbxAgentRingSeconds)
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
