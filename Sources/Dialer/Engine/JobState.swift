/// Where a contact's job stands. See docs/operations.md for the state machine.
public enum JobState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting to be dialed at `next_at`.
    case pending
    /// An attempt is in progress.
    case dialing
    /// A person was reached.
    case completed
    /// Every allowed attempt was used.
    case exhausted
    /// The number cannot be dialed.
    case invalid
    /// The number is on a Do-Not-Call list.
    case dnc
    /// Another contact of the campaign has the same number.
    case duplicate
    /// Removed from the campaign.
    case cancelled

    /// Whether the job will never be dialed again.
    public var isFinal: Bool { self != .pending && self != .dialing }
}
