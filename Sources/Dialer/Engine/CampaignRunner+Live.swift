import CampaignDSL
import Foundation

extension CampaignRunner {
    /// How long a skipped preview's contact waits before it is due again.
    static let previewSkipDelay: TimeInterval = 30 * 60
    /// The longest wrap-up of a person at the desk: then it ends and the person is paused, so a closed
    /// browser never holds an agent, or the campaign's end, for ever.
    static let personWrapUpLimit: TimeInterval = 10 * 60

    /// When each person's wrap-up reaches ``personWrapUpLimit``.
    func personWrapUpDeadlines() -> [Date] {
        wrapUps.compactMap { isPerson($0.key) ? $0.value.since.addingTimeInterval(Self.personWrapUpLimit) : nil }
    }

    /// Ends the persons' wrap-ups that reached ``personWrapUpLimit`` and pauses those persons.
    func endOverduePersonWrapUps(at now: Date) throws {
        let overdue = wrapUps.filter { isPerson($0.key) && now >= $0.value.since.addingTimeInterval(Self.personWrapUpLimit) }
        for agent in overdue.keys.sorted() {
            let reason = "wrap-up longer than \(Int(Self.personWrapUpLimit / 60)) minutes"
            live?.reasons[agent] = reason
            try endWrapUp(of: agent, at: now)
            try driver.deskPresence(.paused, of: agent, reason: reason)
            agents.apply(.paused, of: agent, at: now)
            live?.desk?.setPresence(.paused, of: agent, reason: reason)
        }
    }

    /// Publishes `kind` now, if anyone follows the campaign.
    func publish(_ kind: LiveEvent.Kind, at time: Date) {
        guard let live else { return }
        live.hub.publish(LiveEvent(campaign: spec.id, time: time, kind: kind))
    }

    /// Whether a person at the desk sets `agent`'s presence and ends their wrap-ups.
    func isPerson(_ agent: String?) -> Bool {
        guard let agent, let live else { return false }
        return live.persons.contains(agent)
    }

    /// Opens the desk's inbox for this campaign and takes over the agents people already set a presence for.
    func openDesk(at now: Date) throws {
        guard let live, let desk = live.desk else { return }
        desk.open(campaign: spec.id, agents: agents.agents)
        for (agent, person) in desk.personPresences where agents[agent] != nil {
            _ = try perform(.presence(agent: agent, person.presence, reason: person.reason), at: now)
        }
    }

    /// Closes the desk's inbox: commands still waiting are refused; the campaign leaves the boards.
    func closeDesk() {
        guard let live else { return }
        live.desk?.close(campaign: spec.id)
        live.hub.campaignStopped(spec.id)
    }

    /// Carries out the commands people sent since the last turn, each answered.
    func serveDesk(at now: Date) throws {
        guard let live, let desk = live.desk else { return }
        for pending in desk.take(for: spec.id) {
            do {
                pending.reply.answer(try perform(pending.command, at: now))
            } catch {
                pending.reply.answer(.refused("the campaign could not do it: \(error)"))
                throw error
            }
        }
        publishChanges(at: now)
    }

    /// One desk command, by the same paths as the telephony's events.
    func perform(_ command: DeskCommand, at now: Date) throws -> DeskReply {
        guard let live, agents[command.agent] != nil else {
            return .refused("\(command.agent) takes no calls for campaign \(spec.id)")
        }
        switch command {
        case .presence(let agent, let presence, let reason):
            live.persons.insert(agent)
            live.reasons[agent] = presence == .paused ? reason : nil
            try driver.deskPresence(presence, of: agent, reason: reason)
            if wrapUps[agent] != nil { try endWrapUp(of: agent, at: now) }
            agents.apply(presence, of: agent, at: now)
            try connectWaitingCalls()
            return .done(note: nil)
        case .outcome(let agent, let call, let outcome):
            let problems = OutcomeValidator(spec: spec).problems(outcome)
            guard problems.isEmpty else { return .refused(problems.joined(separator: "; ")) }
            if wrapUps[agent]?.call == call {
                guard !live.recorded.contains(call) else { return .refused("the outcome of this call is already recorded") }
                try recordPersonOutcome(outcome, call: call, agent: agent, at: now)
                return .done(note: nil)
            }
            if inFlight[call] != nil, agents[agent] == .onCall(call) {
                live.held[call] = outcome
                return .done(note: "saved: recorded when the call ends")
            }
            return .refused("call \(call) is not yours to record now (it is not on the line or in wrap-up with you)")
        case .previewCall(let agent, let job):
            guard let index = previews.firstIndex(where: { $0.agent == agent && $0.job.job == job }) else {
                return .refused("that preview is over")
            }
            previews[index] = Preview(agent: agent, job: previews[index].job, dialAt: now)
            return .done(note: nil)
        case .previewSkip(let agent, let job, let reason):
            guard let index = previews.firstIndex(where: { $0.agent == agent && $0.job.job == job }) else {
                return .refused("that preview is over")
            }
            previews.remove(at: index)
            agents.release(agent, at: now)
            try store.postpone(job, to: now.addingTimeInterval(Self.previewSkipDelay), at: now)
            return .done(note: "skipped (\(reason)): the contact comes back in \(Int(Self.previewSkipDelay / 60)) minutes")
        }
    }

    /// Records a person's outcome for a call they took, with its follow-ups, once.
    func recordPersonOutcome(_ outcome: AgentOutcome, call: CallID, agent: String, at time: Date) throws {
        try outcomeRecorder.record(outcome, call: call, source: .agent, at: time)
        live?.recorded.insert(call)
        publish(.outcomeRecorded(call: call, agent: agent, disposition: outcome.disposition), at: time)
    }

    /// Publishes what changed since the last look: agents' states, previews, the figures.
    func publishChanges(at now: Date) {
        guard let live else { return }
        for agent in agents.agents {
            guard let activity = agents[agent] else { continue }
            let (state, call, since) = liveState(of: agent, activity, at: now)
            if let last = live.publishedAgents[agent], last.state == state, last.call == call { continue }
            live.publishedAgents[agent] = (state, call)
            publish(.agentState(agent: agent, state: state, since: since,
                                reason: state == .paused ? live.reasons[agent] : nil, call: call), at: now)
        }
        let offered = Dictionary(previews.map { ($0.agent, $0.job.job) }, uniquingKeysWith: { first, _ in first })
        for (agent, job) in live.publishedPreviews where offered[agent] != job {
            publish(.previewEnded(agent: agent, job: job), at: now)
        }
        for preview in previews where live.publishedPreviews[preview.agent] != preview.job.job {
            publish(.previewOffered(agent: preview.agent, job: preview.job.job, contact: preview.job.contact,
                                    dialAt: preview.dialAt), at: now)
        }
        live.publishedPreviews = offered
        let figures = liveFigures(at: now)
        if figures != live.publishedFigures {
            live.publishedFigures = figures
            publish(.figures(figures), at: now)
        }
    }

    private func liveState(of agent: String, _ activity: AgentPool.Activity, at now: Date)
        -> (LiveAgentState, CallID?, Date) {
        switch activity {
        case .loggedOut: (.loggedOut, nil, now)
        case .ready(let since): (.ready, nil, since)
        case .previewing: (.previewing, nil, now)
        case .reserved(let call): (.dialing, call, now)
        case .onCall(let call): (.onCall, call, inFlight[call]?.connectedAt ?? now)
        case .wrapUp: (.wrapUp, wrapUps[agent]?.call, wrapUps[agent]?.since ?? now)
        case .paused: (.paused, nil, now)
        case .busyElsewhere: (.busy, nil, now)
        }
    }

    private func liveFigures(at now: Date) -> LiveFigures {
        ledger.roll(to: now)
        let (abandoned, answered) = ledger.totals
        let loggedIn = agents.loggedInCount
        return LiveFigures(
            callsRinging: callsRinging, callsWaiting: waiting.count,
            callsConnected: inFlight.values.count { $0.connectedAt != nil && !$0.abandoned && !$0.machine },
            agentsLoggedIn: loggedIn, agentsReady: agents.readyCount,
            dialLevel: loggedIn > 0 ? Double(inFlight.count) / Double(loggedIn) : 0,
            abandonRate: answered > 0 ? abandoned / answered : 0, abandonCap: Self.abandonCap(of: spec),
            abandonWindowDays: spec.compliance.abandonWindowDays)
    }
}
