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

    public init(contact: ContactFacts, state: JobState, lastOutcome: CallOutcome?, attempts: Int, finishedAt: Date,
                disposition: String? = nil, answers: [String: String] = [:]) {
        self.contact = contact
        self.state = state
        self.lastOutcome = lastOutcome
        self.attempts = attempts
        self.finishedAt = finishedAt
        self.disposition = disposition
        self.answers = answers
    }
}
