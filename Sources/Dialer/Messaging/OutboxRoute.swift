/// The names of the gateways outbox entries are delivered through.
public enum OutboxRoute {
    /// The text-message gateway.
    public static let sms = "sms"

    /// The webhook called `name` in the daemon's configuration.
    public static func webhook(_ name: String) -> String { "webhook:" + name }
}
