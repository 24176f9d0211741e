public import Foundation

/// An outbox entry as stored, with its key and delivery state.
public struct OutboxMessage: Sendable, Hashable {
    public var id: Int64
    /// Sent to the gateway in the `Idempotency-Key` header, the same on every try.
    public var key: String
    public var entry: OutboxEntry
    public var state: OutboxState
    /// Requests made so far (a try is counted when it is marked sending).
    public var tries: Int
    public var nextAt: Date
    public var sentAt: Date?
    /// The last HTTP status, if a response came.
    public var lastStatus: Int?
    /// Why the last try failed (never a phone number or a response body).
    public var lastError: String?
}
