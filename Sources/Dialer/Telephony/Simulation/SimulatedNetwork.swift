public import Foundation

/// The embedded telephony backend: a seeded, deterministic population of callees
/// and agents' wrap-up, in virtual time.
///
/// Whether a number exists is a property of the number (seeded by seed and
/// number); each call's fate is drawn from a generator seeded by (seed, number,
/// how many times this number was called before). So a contact's outcomes do not
/// depend on the order in which the engine happens to place calls.
public final class SimulatedNetwork: TelephonyDriver {
    private enum Fate {
        case unallocated
        case busy
        case person(ringSeconds: Double)
        case noAnswer
    }

    private enum Phase { case dialing, answered, connected, ended }

    private struct Call {
        let request: CallRequest
        var random: SeededRandom
        var phase: Phase
        var agent: String?
    }

    private enum Step {
        case ringing(CallID)
        case answer(CallID)
        case ringTimeout(CallID)
        case reject(CallID, HangupCause)
        case farEndHangsUp(CallID)
        case connected(CallID, agent: String)
        case agentReady(String)
    }

    private let clock: VirtualClock
    private let parameters: SimulationParameters
    private var calls: [CallID: Call] = [:]
    private var callsPerNumber: [String: UInt64] = [:]
    private var steps = EventQueue<Step>()

    /// Seconds from dialing to the first ring, and to a busy or unallocated signal.
    private static let ringingDelay: TimeInterval = 1.5
    private static let busyDelay: TimeInterval = 3
    private static let unallocatedDelay: TimeInterval = 2

    public init(clock: VirtualClock, parameters: SimulationParameters) {
        self.clock = clock
        self.parameters = parameters
    }

    /// The engine hands answered calls to agents itself.
    public var routesAnsweredCalls: Bool { false }

    /// Calls placed and not yet ended.
    public var callsInProgress: Int { calls.count }

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
        calls[request.callID] = Call(request: request, random: random, phase: .dialing, agent: nil)

        let now = clock.now
        switch fate {
        case .unallocated:
            steps.push(.reject(request.callID, .unallocatedNumber), at: now + Self.unallocatedDelay)
        case .busy:
            steps.push(.reject(request.callID, .userBusy), at: now + Self.busyDelay)
        case .person(let ringSeconds) where ringSeconds < request.ringTimeout:
            steps.push(.ringing(request.callID), at: now + min(Self.ringingDelay, ringSeconds))
            steps.push(.answer(request.callID), at: now + ringSeconds)
        case .person, .noAnswer:
            steps.push(.ringing(request.callID), at: now + Self.ringingDelay)
            steps.push(.ringTimeout(request.callID), at: now + request.ringTimeout)
        }
    }

    public func connect(_ call: CallID, toAgent agent: String) throws {
        guard var state = calls[call], state.phase == .answered else {
            throw TelephonyError("call \(call) is not waiting for an agent")
        }
        let talk = state.random.logNormal(mean: parameters.talkMeanSeconds, coefficientOfVariation: parameters.talkCV)
        state.phase = .connected
        state.agent = agent
        calls[call] = state
        steps.push(.connected(call, agent: agent), at: clock.now)
        steps.push(.farEndHangsUp(call), at: clock.now + talk)
    }

    public func abandon(_ call: CallID) throws {
        guard var state = calls[call], state.phase == .answered else {
            throw TelephonyError("call \(call) is not waiting for an agent")
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
                if let kind = apply(step, at: time) { happened.append(CallEvent(time: time, kind: kind)) }
            }
            if !happened.isEmpty {
                clock.advance(to: time)
                return happened
            }
        }
        clock.advance(to: deadline)
        return []
    }

    /// Carries out one scheduled step; nil when the call has moved on and the step is stale.
    private func apply(_ step: Step, at time: Date) -> CallEvent.Kind? {
        switch step {
        case .ringing(let id):
            return calls[id]?.phase == .dialing ? .ringing(id) : nil
        case .answer(let id):
            guard calls[id]?.phase == .dialing else { return nil }
            calls[id]?.phase = .answered
            return .answered(id, party: .person)
        case .ringTimeout(let id):
            guard calls[id]?.phase == .dialing else { return nil }
            return end(id, cause: .noAnswer)
        case .reject(let id, let cause):
            guard calls[id]?.phase == .dialing else { return nil }
            return end(id, cause: cause)
        case .connected(let id, let agent):
            return calls[id] == nil ? nil : .connected(id, agent: agent)
        case .farEndHangsUp(let id):
            guard let state = calls[id], state.phase == .connected else { return nil }
            if let agent = state.agent {
                var random = state.random
                let wrap = random.logNormal(mean: parameters.wrapMeanSeconds, coefficientOfVariation: parameters.wrapCV)
                steps.push(.agentReady(agent), at: time + wrap)
            }
            return end(id, cause: .normalClearing)
        case .agentReady(let agent):
            return .agentReady(agent: agent)
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
        threshold += parameters.personAnswerShare
        if draw < threshold {
            let ring = random.logNormal(mean: parameters.ringMeanSeconds, coefficientOfVariation: parameters.ringCV)
            return .person(ringSeconds: ring)
        }
        return .noAnswer
    }
}
