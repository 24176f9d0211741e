public import Foundation

/// Something to send, as the planner hands it to the store. The store keeps at most one entry per
/// (campaign, contact, trigger), ever: enqueueing the same one again changes nothing.
public struct OutboxEntry: Sendable, Hashable {
    public var channel: OutboxChannel
    public var campaign: Int64
    public var contact: Int64
    /// What caused it, unique per contact and campaign: `sms:final:no-answer`, `webhook:crm:attempt:17`.
    public var trigger: String
    /// The gateway or webhook that delivers it (``OutboxRoute``).
    public var route: String
    /// The E.164 number (SMS), or empty (webhooks: the URL comes from the configuration).
    public var recipient: String
    public var sender: String?
    /// The message text (SMS) or the JSON document (webhooks).
    public var body: String
    /// The recipient's IANA zone, for quiet hours.
    public var timeZone: String?
    /// Not sent before this instant.
    public var notBefore: Date
    /// Not sent at or after this instant (a reminder after its callback); failed instead.
    public var expiresAt: Date?
    /// Why there is nothing to send (an empty text), or nil: such an entry is stored `skipped`, never sent.
    public var skipReason: String?

    public init(channel: OutboxChannel, campaign: Int64, contact: Int64, trigger: String, route: String,
                recipient: String, sender: String? = nil, body: String, timeZone: String? = nil,
                notBefore: Date, expiresAt: Date? = nil, skipReason: String? = nil) {
        self.channel = channel
        self.campaign = campaign
        self.contact = contact
        self.trigger = trigger
        self.route = route
        self.recipient = recipient
        self.sender = sender
        self.body = body
        self.timeZone = timeZone
        self.notBefore = notBefore
        self.expiresAt = expiresAt
        self.skipReason = skipReason
    }
}
