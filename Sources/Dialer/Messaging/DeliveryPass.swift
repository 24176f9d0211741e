public import Foundation

/// What one pass of ``OutboxDelivery/deliverDue(limit:)`` did.
public struct DeliveryPass: Sendable, Hashable {
    /// Confirmed by their gateway.
    public var sent = 0
    /// Failed this time, queued for another try.
    public var retried = 0
    /// Failed for good (rejected, out of tries, expired).
    public var failed = 0
    /// Recorded `unknown`: maybe delivered, never sent again (no answer, and the far end cannot drop a repeat
    /// or the tries ran out).
    public var unknown = 0
    /// Held until the recipient's sending hours open.
    public var held = 0
    /// When to call again: the next due entry or the end of a rate limit; nil when nothing is queued.
    public var nextWake: Date?

    public init() {}
}
