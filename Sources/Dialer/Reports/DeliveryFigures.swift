/// Text messages or webhook calls by where they stand in the outbox.
public struct DeliveryFigures: Sendable, Hashable, Codable {
    public var queued: Int
    public var sending: Int
    public var sent: Int
    public var failed: Int

    /// Every entry, whatever its state.
    public var total: Int { queued + sending + sent + failed }

    init(_ summary: OutboxSummary, _ channel: OutboxChannel) {
        queued = summary.count(channel, .queued)
        sending = summary.count(channel, .sending)
        sent = summary.count(channel, .sent)
        failed = summary.count(channel, .failed)
    }
}
