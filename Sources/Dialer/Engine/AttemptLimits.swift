import CampaignDSL

/// What happens to a job after a call: dial again after a wait, or stop for good.
enum NextStep: Equatable {
    case retry(afterSeconds: Int)
    case final(JobState)
}

/// The attempt limits of a campaign (law 3), decided in this one place for both
/// rescheduling and the check right before every dial.
struct AttemptLimits: Sendable {
    let policy: RetryPolicy

    /// What follows a contact's calls so far (oldest first).
    func nextStep(after history: [CallOutcome]) -> NextStep {
        guard let last = history.last else { return .retry(afterSeconds: 0) }
        guard let governing = last.retryOutcome else {
            return .final(last == .answered ? .completed : .invalid)
        }
        guard let rule = policy.rule(for: governing) else { return .final(.exhausted) }
        let count = history.count { $0.retryOutcome == governing }
        guard count < rule.times else { return .final(.exhausted) }
        return .retry(afterSeconds: rule.wait(after: count))
    }

    /// Whether one more call is allowed: the same decision that rescheduled the job,
    /// taken again from the durable history right before a dial.
    func allowsAnotherCall(after history: [CallOutcome]) -> Bool {
        if case .retry = nextStep(after: history) { return true }
        return false
    }
}
