public import Foundation

/// One ended call attempt, as the engine hands it to ``FollowUpPlanner/onAttemptEnded(_:)``.
public struct AttemptFacts: Sendable, Hashable {
    public var call: Int64
    public var contact: ContactFacts
    /// The number dialed.
    public var number: String
    public var outcome: CallOutcome
    public var placedAt: Date
    public var answeredAt: Date?
    public var endedAt: Date
    public var agent: String?
    /// The disposition the agent chose, if any.
    public var disposition: String?
    /// Survey answers by question id.
    public var answers: [String: String]
    public var recordingURL: String?
    /// When the agent scheduled a callback, if they did.
    public var callbackAt: Date?

    public init(call: Int64, contact: ContactFacts, number: String, outcome: CallOutcome, placedAt: Date,
                answeredAt: Date? = nil, endedAt: Date, agent: String? = nil, disposition: String? = nil,
                answers: [String: String] = [:], recordingURL: String? = nil, callbackAt: Date? = nil) {
        self.call = call
        self.contact = contact
        self.number = number
        self.outcome = outcome
        self.placedAt = placedAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.agent = agent
        self.disposition = disposition
        self.answers = answers
        self.recordingURL = recordingURL
        self.callbackAt = callbackAt
    }
}
