import Foundation

/// Where a callback lands: the instant the laws allow it, never before the time asked for.
enum CallbackSlot: Equatable {
    /// At this instant; `moved` names the law that pushed it past the time asked for.
    case at(Date, moved: DialRefusal?)
    /// The laws allow no call at or after the time asked for (the campaign is over).
    case never(DialRefusal)
}

/// Places callbacks in the callee's own zone, inside the hours, through the permit: a callback
/// outside the hours moves to the next allowed minute. An agent's own callback waits for that
/// agent for ``agentGrace`` after it falls due, then passes to anyone.
struct CallbackScheduler {
    /// How long an overdue callback waits for its agent before anyone may take it.
    static let agentGrace: TimeInterval = 15 * 60

    let permit: DialPermit

    /// The slot for a callback asked for `requested`, for a number in `zone` with this history.
    func slot(for requested: Date, zone: String, history: [PastAttempt]) -> CallbackSlot {
        switch permit.earliestTime(zone: zone, history: history, atOrAfter: requested) {
        case .allowed:
            return .at(requested, moved: nil)
        case .notBefore(let time, let reason) where time == .distantFuture:
            return .never(reason)
        case .notBefore(let time, let reason):
            return .at(time, moved: reason)
        case .never(_, let reason):
            return .never(reason)
        }
    }

    /// Whether a callback due at `due` for an agent still waits for that agent at `now`.
    static func waitsForAgent(due: Date, at now: Date) -> Bool {
        now < handOver(due: due)
    }

    /// When a callback due at `due` for an agent passes to anyone: the end of the grace period.
    static func handOver(due: Date) -> Date {
        due.addingTimeInterval(agentGrace)
    }
}
