import Foundation

extension CampaignRunner {
    /// Whether an agent's outcome will be recorded for this call when the agent's wrap-up ends; its
    /// follow-ups then wait for it, so the attempt's webhook carries the disposition and survey answers,
    /// and a job the outcome reopens (a callback) is not announced as final.
    func awaitsAgentOutcome(talked: Bool, agent: String?) -> Bool {
        talked && agent != nil && (agentDesk != nil || isPerson(agent))
    }

    /// Enqueues the follow-ups of an ended attempt for which no outcome is recorded: the `attempt`
    /// webhooks, and when its job ended for good, the `final` messages and webhooks. Called inside the
    /// transaction that records the attempt, so they are committed with it; the outbox's keys make a
    /// second call for the same attempt or job change nothing.
    func enqueueFollowUps(call: CallID, at time: Date) throws {
        guard let followUps, followUps.plansForCallEnds, let attempt = try store.recordedAttempt(call: call),
              let contact = try store.contactFacts(contact: attempt.contact, spec: spec) else { return }
        let facts = AttemptFacts(
            call: call, contact: contact, number: attempt.number, outcome: attempt.outcome, placedAt: attempt.placedAt,
            answeredAt: attempt.answeredAt, endedAt: attempt.endedAt ?? time, agent: attempt.agent,
            recordingURL: attempt.recording)
        var entries = followUps.onAttemptEnded(facts)
        if attempt.jobState.isFinal {
            entries += followUps.onJobFinal(ContactResult(
                contact: contact, state: attempt.jobState, lastOutcome: attempt.outcome,
                attempts: try store.history(job: attempt.job).count, finishedAt: time, lastCall: ContactResult.LastCall(facts)))
        }
        try store.enqueue(entries, at: time)
    }

    /// Tells the campaign's watchers that `call` reached `agent`: the agent's screen pops.
    func announceConnection(_ call: CallID, to agent: String, at time: Date) throws {
        guard live != nil, let attempt = try store.recordedAttempt(call: call) else { return }
        publish(.callConnected(call: call, agent: agent, contact: attempt.contact, number: attempt.number,
                               answeredAt: inFlight[call]?.answeredAt ?? time), at: time)
    }
}
