/// Text messages or webhook calls by where they stand in the outbox.
public struct DeliveryFigures: Sendable, Hashable, Codable {
    public var queued: Int
    public var sending: Int
    public var sent: Int
    public var failed: Int
    /// Maybe delivered: the answer never came and the entry is not sent again.
    public var unknown: Int
    /// Never sent: nothing to send (an empty text).
    public var skipped: Int

    /// Every entry, whatever its state.
    public var total: Int { queued + sending + sent + failed + unknown + skipped }

    init(_ summary: OutboxSummary, _ channel: OutboxChannel) {
        queued = summary.count(channel, .queued)
        sending = summary.count(channel, .sending)
        sent = summary.count(channel, .sent)
        failed = summary.count(channel, .failed)
        unknown = summary.count(channel, .unknown)
        skipped = summary.count(channel, .skipped)
    }
}
