public import Foundation

/// A contact whose job ended for good, as the engine hands it to ``FollowUpPlanner/onJobFinal(_:)``.
public struct ContactResult: Sendable, Hashable {
    public var contact: ContactFacts
    public var state: JobState
    /// The outcome of the last attempt, if there was one.
    public var lastOutcome: CallOutcome?
    public var attempts: Int
    public var finishedAt: Date
    public var disposition: String?
    public var answers: [String: String]
    /// The last call, when the caller hands it over: its id, times and agent go into `final` webhooks.
    public var lastCall: LastCall?

    /// The facts of a contact's last call that a `final` webhook carries.
    public struct LastCall: Sendable, Hashable {
        public var call: Int64
        public var placedAt: Date
        public var answeredAt: Date?
        public var endedAt: Date
        public var agent: String?

        public init(call: Int64, placedAt: Date, answeredAt: Date?, endedAt: Date, agent: String?) {
            self.call = call
            self.placedAt = placedAt
            self.answeredAt = answeredAt
            self.endedAt = endedAt
            self.agent = agent
        }

        /// The call an attempt's facts describe.
        public init(_ attempt: AttemptFacts) {
            self.init(call: attempt.call, placedAt: attempt.placedAt, answeredAt: attempt.answeredAt,
                      endedAt: attempt.endedAt, agent: attempt.agent)
        }
    }

    public init(contact: ContactFacts, state: JobState, lastOutcome: CallOutcome?, attempts: Int, finishedAt: Date,
                disposition: String? = nil, answers: [String: String] = [:], lastCall: LastCall? = nil) {
        self.contact = contact
        self.state = state
        self.lastOutcome = lastOutcome
        self.attempts = attempts
        self.finishedAt = finishedAt
        self.disposition = disposition
        self.answers = answers
        self.lastCall = lastCall
    }
}
