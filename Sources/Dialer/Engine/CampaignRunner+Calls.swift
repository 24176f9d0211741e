import CampaignDSL
import Foundation

extension CampaignRunner {
    func handle(_ event: CallEvent) throws {
        switch event.kind {
        case .ringing:
            break
        case .detecting(let call):
            if inFlight[call]?.pickedUpAt == nil { inFlight[call]?.pickedUpAt = event.time }
        case .notPlaced(let call, _):
            try withdraw(call, at: event.time)
        case .amdVerdict(let call, let verdict):
            inFlight[call]?.amdVerdict = verdict
        case .recording(let call, let link):
            inFlight[call]?.recording = link
        case .answered(let call, let party):
            guard let state = inFlight[call] else { return }
            inFlight[call]?.answeredAt = event.time
            publish(.callAnswered(call: call, party: party), at: event.time)
            let needsAgent = party == .person && spec.dial.mode != .agentless
            pacer.observe(.dialResolved(afterSeconds: event.time.timeIntervalSince(state.placedAt), needsAgent: needsAgent))
            if party == .machine {
                // The backend hangs up on (or leaves a message for) what AMD takes for a machine.
                inFlight[call]?.machine = true
            } else if driver.routesAnsweredCalls {
                // In the backend's queue until an agent takes it: it holds an agent as a waiting call does.
                if spec.dial.mode != .agentless { waiting.append(call) }
            } else if spec.dial.mode == .agentless {
                inFlight[call]?.connectedAt = event.time
                try driver.playMessage(call)
            } else if let agent = state.agent ?? agents.longestReady() {
                try connect(call, to: agent)
            } else {
                waiting.append(call)
            }
        case .connected(let call, let agent):
            if inFlight[call]?.connectedAt == nil { inFlight[call]?.connectedAt = event.time }
            if driver.routesAnsweredCalls, inFlight[call] != nil {
                waiting.removeAll { $0 == call }
                inFlight[call]?.agent = agent
                agents.startCall(agent, call: call)
                noteAnswer(abandoned: false, at: event.time)
                try announceConnection(call, to: agent, at: event.time)
            }
        case .agentFoundMachine(let call):
            guard let state = inFlight[call] else { return }
            inFlight[call]?.machine = true
            ledger.recordMachineFound()
            if let connected = state.connectedAt {
                pacer.observe(.machineFound(seconds: event.time.timeIntervalSince(connected)))
            }
        case .hungUp(let call, let cause):
            guard let state = inFlight[call] else { return }
            waiting.removeAll { $0 == call }
            if state.answeredAt == nil {
                pacer.observe(.dialResolved(afterSeconds: event.time.timeIntervalSince(state.placedAt), needsAgent: false))
            }
            let outcome: CallOutcome =
                if state.machine { .machine }
                else if state.abandoned { .abandoned }
                else if cause == .outcomeUnknown && state.connectedAt == nil { .unknown }
                else if state.connectedAt != nil { .answered }
                else if state.answeredAt != nil { .abandoned }
                else { CallOutcome(unansweredCause: cause) }
            if outcome == .abandoned, !state.abandoned, spec.dial.mode != .agentless {
                // The person hung up while waiting, or the backend abandoned the call itself.
                noteAnswer(abandoned: true, at: event.time)
            }
            try finish(call, outcome: outcome, cause: cause, at: event.time)
        case .agentReady(let agent):
            // A person's wrap-up ends when they say so at the desk, not when the backend frees their phone.
            if isPerson(agent) && wrapUps[agent] != nil { return }
            try endWrapUp(of: agent, at: event.time)
        case .agentPresence(let agent, let presence):
            agents.apply(presence, of: agent, at: event.time)
            try connectWaitingCalls()
        }
    }

    /// The agent finished wrap-up (or was free already) and can take the next call: the wrap-up's length is
    /// a pacing observation, and the outcome the agent chose is recorded unless a person recorded it already.
    func endWrapUp(of agent: String, at time: Date) throws {
        if let wrap = wrapUps.removeValue(forKey: agent) {
            let seconds = time.timeIntervalSince(wrap.since)
            pacer.observe(.wrapEnded(seconds: seconds))
            try store.recordWrapUp(call: wrap.call, seconds: seconds)
            if live?.recorded.remove(wrap.call) == nil {
                try recordAgentOutcome(call: wrap.call, agent: agent, at: time)  // agents: disposition, answers, callback
            }
        }
        agents.release(agent, at: time)
        try connectWaitingCalls()
    }

    /// Counts an answer that needed an agent, for the abandon rate and the pacer.
    func noteAnswer(abandoned: Bool, at time: Date) {
        if abandoned { ledger.recordAbandoned(at: time) } else { ledger.recordConnected(at: time) }
        pacer.observe(.delivered(at: time, abandoned: abandoned))
    }

    /// Bridges an answered call to an agent.
    func connect(_ call: CallID, to agent: String) throws {
        inFlight[call]?.agent = agent
        agents.startCall(agent, call: call)
        noteAnswer(abandoned: false, at: clock.now)
        try driver.connect(call, toAgent: agent)
        try announceConnection(call, to: agent, at: clock.now)
    }

    /// Gives waiting calls, oldest first, to agents who are ready (unless the backend routes them).
    func connectWaitingCalls() throws {
        guard !driver.routesAnsweredCalls else { return }
        while !waiting.isEmpty, let agent = agents.longestReady() {
            try connect(waiting.removeFirst(), to: agent)
        }
    }

    /// Abandons the answered calls that found no agent within the connect limit:
    /// the driver plays the safe-harbour message and hangs up (law 4).
    func abandonOverdueCalls(at now: Date) throws {
        guard !driver.routesAnsweredCalls else { return }
        let overdue = waiting.filter { call in
            guard let answered = inFlight[call]?.answeredAt else { return false }
            return now.timeIntervalSince(answered) >= connectLimit
        }
        for call in overdue {
            waiting.removeAll { $0 == call }
            inFlight[call]?.abandoned = true
            noteAnswer(abandoned: true, at: now)
            try driver.abandon(call)
        }
    }

    /// Commits how a call ended and what its job does next, and frees or wraps its agent.
    func finish(_ call: CallID, outcome: CallOutcome, cause: HangupCause?, at time: Date) throws {
        guard let state = inFlight.removeValue(forKey: call) else { return }
        let history = try store.history(job: state.job) + [PastAttempt(outcome: outcome, placedAt: state.placedAt)]
        let (jobState, nextAt) = transition(after: history, zone: state.zone, at: time)
        let talked = outcome == .answered && state.connectedAt != nil
        let pickedUp = state.pickedUpAt ?? state.answeredAt
        try store.connection.writeTransaction {
            try store.finishAttempt(
                AttemptResult(
                    call: call, job: state.job, outcome: outcome, cause: cause,
                    answeredAt: state.answeredAt, connectedAt: talked ? state.connectedAt : nil, endedAt: time,
                    ringSeconds: (pickedUp ?? time).timeIntervalSince(state.placedAt),
                    amdSeconds: state.pickedUpAt.map { (state.answeredAt ?? time).timeIntervalSince($0) },
                    talkSeconds: talked ? state.connectedAt.map { time.timeIntervalSince($0) } : nil,
                    agent: state.agent, amdVerdict: state.amdVerdict, recording: state.recording),
                jobState: jobState, nextAt: nextAt)
            // agents: agentless survey keys; their outcome brings the follow-ups with it
            let keyed = try recordKeypadAnswers(call: call, talked: talked, agent: state.agent, at: time)
            if !keyed && !awaitsAgentOutcome(talked: talked, agent: state.agent) {
                try enqueueFollowUps(call: call, at: time)
            }
        }
        publish(.callEnded(call: call, outcome: outcome, agent: state.agent), at: time)
        guard let agent = state.agent else { return }
        if talked, let connected = state.connectedAt {
            pacer.observe(.talkEnded(seconds: time.timeIntervalSince(connected)))
            agents.startWrapUp(agent)
            wrapUps[agent] = (call, time)
            if isPerson(agent) {
                // The backend keeps the person's phone out of the queue until they say ready.
                try driver.deskPresence(.paused, of: agent, reason: "wrap-up")
                if let held = live?.held.removeValue(forKey: call) {
                    try recordPersonOutcome(held, call: call, agent: agent, at: time)
                }
            }
        } else {
            live?.held[call] = nil
            agents.release(agent, at: time)
            try connectWaitingCalls()
        }
    }

    /// Takes back a call the backend never placed: its attempt is deleted, its job due
    /// again as before, its reserved agent free. No one was called, so nothing counts.
    func withdraw(_ call: CallID, at time: Date) throws {
        guard let state = inFlight.removeValue(forKey: call) else { return }
        waiting.removeAll { $0 == call }
        try store.withdrawAttempt(call: call, job: state.job, at: time)
        if let agent = state.agent {
            agents.release(agent, at: time)
            try connectWaitingCalls()
        }
    }

    /// The job's next state. A retry falls due after its wait, moved on to when
    /// the laws next allow a call (open hours, the callee's window, caps).
    func transition(after history: [PastAttempt], zone: String, at time: Date) -> (JobState, Date?) {
        switch limits.nextStep(after: history.map(\.outcome)) {
        case .final(let state):
            return (state, nil)
        case .retry(let seconds):
            let due = time.addingTimeInterval(TimeInterval(seconds))
            switch permit.earliestTime(zone: zone, history: history, atOrAfter: due) {
            case .notBefore(let later, _) where later != .distantFuture:
                return (.pending, later)
            default:
                return (.pending, due)
            }
        }
    }

    /// Attempts a previous run left in progress are never re-dialed blindly: a backend that can find
    /// them again follows them to their real end (they ring, or hold an agent, until then); otherwise
    /// they end as `unknown` at once, counted against the limits like a no-answer.
    func reconcileInterruptedAttempts() throws {
        let interrupted = try store.interruptedAttempts(campaign: campaign)
        for attempt in interrupted {
            inFlight[attempt.call] = CallInFlight(job: attempt.job, zone: attempt.zone ?? zone.identifier, placedAt: attempt.placedAt)
        }
        guard !driver.resume(interrupted.map(\.call)) else { return }
        for attempt in interrupted {
            try finish(attempt.call, outcome: .unknown, cause: nil, at: clock.now)
        }
    }
}
