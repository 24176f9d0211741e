/// Where an outbox entry stands.
///
/// `queued → sending → sent`, or back to `queued` for another try, or `failed` for good, or `unknown`
/// when the last request may or may not have arrived and may not be repeated. `skipped` entries were
/// never sendable (an empty text). `sending` is committed before the request goes out and `sent` only
/// after the gateway confirmed it.
public enum OutboxState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for `next_at` (a first try, a retry, or a message held by quiet hours).
    case queued
    /// A request is (or was, when the process stopped) in flight.
    case sending
    /// The gateway confirmed it. Never sent again.
    case sent
    /// Given up: rejected, out of tries, or expired. The far end surely did not take it.
    case failed
    /// Maybe delivered: the last request's answer never came (a crash, a timeout after connecting) and the
    /// far end cannot drop a repeat, or the tries ran out that way. Never sent again.
    case unknown
    /// Never sent: there was nothing to send (a text that is empty once its placeholders are filled).
    case skipped
}
