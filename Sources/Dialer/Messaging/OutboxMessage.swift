import Foundation

/// An outbox entry as stored, with its key and delivery state.
struct OutboxMessage: Sendable, Hashable {
    var id: Int64
    /// Sent to the gateway in the `Idempotency-Key` header, the same on every try.
    var key: String
    var entry: OutboxEntry
    var state: OutboxState
    /// Requests made so far (a try is counted when it is marked sending).
    var tries: Int
    var nextAt: Date
    var sentAt: Date?
    /// The last HTTP status, if a response came.
    var lastStatus: Int?
    /// Why the last try failed (never a phone number or a response body).
    var lastError: String?
}
