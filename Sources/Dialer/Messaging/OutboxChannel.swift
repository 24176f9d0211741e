/// What an outbox entry is: a text message to a contact, or a webhook call.
public enum OutboxChannel: String, Sendable, Hashable, Codable {
    case sms
    case webhook
}
