/// Where an outbox entry stands.
///
/// `queued → sending → sent`, or back to `queued` for another try, or `failed` for good.
/// `sending` is committed before the request goes out and `sent` only after the gateway confirmed it.
public enum OutboxState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for `next_at` (a first try, a retry, or a message held by quiet hours).
    case queued
    /// A request is (or was, when the process stopped) in flight.
    case sending
    /// The gateway confirmed it. Never sent again.
    case sent
    /// Given up: rejected, out of tries, expired, or interrupted on a gateway that cannot deduplicate.
    case failed
}
