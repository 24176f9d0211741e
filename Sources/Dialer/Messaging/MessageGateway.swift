/// Delivers outbox entries of one route: a text-message gateway or a webhook.
protocol MessageGateway {
    /// Whether the far end drops a second request with an `Idempotency-Key` it has seen. Only then is a
    /// request whose fate is unknown (a timeout, a crash between sending and recording) made again.
    var honoursIdempotencyKey: Bool { get }

    /// Makes one delivery request for `message` and says how it went.
    nonisolated(nonsending) func deliver(_ message: OutboxMessage) async -> DeliveryResult
}
