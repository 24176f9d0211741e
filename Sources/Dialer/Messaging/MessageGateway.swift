import Foundation

/// Delivers outbox entries of one route: a text-message gateway or a webhook. Sendable: each route's
/// requests run in a task of their own, beside the other routes'.
protocol MessageGateway: Sendable {
    /// Whether the far end drops a second request with an `Idempotency-Key` it has seen. Only then is a
    /// request whose fate is unknown (a timeout, a crash between sending and recording) made again.
    var honoursIdempotencyKey: Bool { get }

    /// Makes one delivery request for `message`, started at `now`, and says how it went.
    func deliver(_ message: OutboxMessage, at now: Date) async -> DeliveryResult
}
