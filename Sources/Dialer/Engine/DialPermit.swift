import Foundation

/// Why a due job may not be dialed right now.
public enum DialRefusal: String, Sendable, Hashable {
    case outsideCampaignHours = "outside-hours"
    case attemptLimitReached = "attempt-limit"
}

/// The laws checked right before every dial, in one place: the campaign's hours
/// (law 2) and the contact's attempt limits (law 3), each read from the durable
/// history rather than from what the engine believes.
struct DialPermit: Sendable {
    let calendar: CallingCalendar
    let limits: AttemptLimits

    /// Nil when the call may be placed at `instant`, else the first law it would break.
    func refusal(history: [CallOutcome], at instant: Date) -> DialRefusal? {
        guard calendar.isOpen(at: instant) else { return .outsideCampaignHours }
        guard limits.allowsAnotherCall(after: history) else { return .attemptLimitReached }
        return nil
    }
}
