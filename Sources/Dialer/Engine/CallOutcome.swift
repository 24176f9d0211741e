public import CampaignDSL

/// How one call attempt ended.
public enum CallOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// A person answered and was connected to an agent.
    case answered
    case noAnswer = "no-answer"
    case busy
    /// The network does not know the number.
    case invalid
    /// The network could not complete the call (rejected, congestion, …).
    case failed
    /// An answering machine picked up.
    case machine
    /// A person answered and found no agent within the connect limit.
    case abandoned
    /// The dialer stopped while the call was in progress and could not learn its end.
    case unknown

    /// The retry rule that governs this outcome; `unknown` is treated as a no-answer
    /// so that it counts against the limits. Nil for outcomes that are never retried.
    public var retryOutcome: RetryOutcome? {
        switch self {
        case .noAnswer, .unknown: .noAnswer
        case .busy: .busy
        case .failed: .failed
        case .machine: .machine
        case .abandoned: .abandoned
        case .answered, .invalid: nil
        }
    }

    /// The outcome of a call that ended before it was answered, from its hang-up cause.
    public init(unansweredCause cause: HangupCause) {
        switch cause {
        case .userBusy: self = .busy
        case .noAnswer, .noUserResponse, .normalClearing: self = .noAnswer
        case .unallocatedNumber, .invalidNumberFormat: self = .invalid
        case .outcomeUnknown: self = .unknown
        default: self = .failed
        }
    }
}
