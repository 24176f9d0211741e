import CampaignDSL
import Foundation

/// What recording an outcome did to the contact's job.
struct RecordedOutcomeEffect: Equatable {
    let jobState: JobState
    /// When the callback was placed (moved into the hours when asked for outside them).
    let callbackAt: Date?
}

/// The attempt an outcome is about is not in the store.
struct UnknownAttempt: Error, CustomStringConvertible {
    let call: CallID
    var description: String { "attempt \(call) is not in the store" }
}

/// Records what an agent or a keypad said about a call, and what it means for the contact, in one
/// transaction: the outcome and survey answers; a do-not-call request puts the number on the
/// internal opt-out list at once and ends the job `dnc`; a callback makes the job pending at the
/// callback's slot; a success or final disposition ends it `completed`; the follow-ups
/// (`FollowUpPlanner`: the attempt's, and the job's final ones when it is final) are enqueued with it.
/// The outcome is taken as valid (``OutcomeValidator``).
struct OutcomeRecorder {
    let store: CampaignStore
    let spec: CampaignSpec
    let scheduler: CallbackScheduler
    let followUps: FollowUpPlanner?

    @discardableResult
    func record(_ outcome: AgentOutcome, call: CallID, source: OutcomeSource, rowKey: String? = nil,
                at time: Date) throws -> RecordedOutcomeEffect {
        try store.connection.writeTransaction {
            guard let attempt = try store.recordedAttempt(call: call) else { throw UnknownAttempt(call: call) }
            let disposition = outcome.disposition.flatMap { id in spec.dispositions.first { $0.id == id } }
            let flags = disposition?.flags ?? []
            let zone = attempt.zone ?? spec.timeZone
            var state = attempt.jobState
            var callbackAt: Date?
            if outcome.optOut || flags.contains(.doNotCall) {
                let reason = outcome.optOut ? "opt-out" : "disposition \(disposition?.id ?? "")"
                try store.addOptOut(attempt.number, source: "\(source.rawValue) \(reason)", at: time)
                state = .dnc
            } else if flags.contains(.callback), let callback = outcome.callback,
                      case .at(let slot, _) = scheduler.slot(for: callback.at, zone: zone, history: try store.history(job: attempt.job)) {
                state = .pending
                callbackAt = slot
            } else if flags.contains(.success) || flags.contains(.final) {
                state = .completed
            }
            let agent = attempt.agent
            try store.insertOutcome(outcome, callbackAt: callbackAt, attempt: attempt, agent: agent, source: source,
                                    rowKey: rowKey, at: time)
            if state != attempt.jobState || callbackAt != nil {
                try store.updateJobAfterOutcome(attempt.job, state: state, callbackAt: callbackAt,
                                                callbackAgent: callbackAt == nil ? nil : outcome.callback?.agent, at: time)
            }
            if let followUps, let contact = try store.contactFacts(contact: attempt.contact, spec: spec) {
                let facts = AttemptFacts(
                    call: call, contact: contact, number: attempt.number, outcome: attempt.outcome,
                    placedAt: attempt.placedAt, answeredAt: attempt.answeredAt, endedAt: attempt.endedAt ?? time,
                    agent: agent, disposition: outcome.disposition, answers: outcome.answers,
                    recordingURL: attempt.recording, callbackAt: callbackAt)
                var entries = followUps.onAttemptEnded(facts)
                if state.isFinal {
                    // The job's end, announced once: its keys make a second outcome (a re-import) change nothing.
                    entries += followUps.onJobFinal(ContactResult(
                        contact: contact, state: state, lastOutcome: attempt.outcome,
                        attempts: try store.history(job: attempt.job).count, finishedAt: time,
                        disposition: outcome.disposition, answers: try store.latestAnswers(contact: attempt.contact),
                        lastCall: ContactResult.LastCall(facts)))
                }
                try store.enqueue(entries, at: time)
            }
            return RecordedOutcomeEffect(jobState: state, callbackAt: callbackAt)
        }
    }
}
