/// Text messages, webhooks and the agents' screen pop, as the daemon's configuration sets them.
public struct MessagingConfiguration: Sendable, Hashable {
    public var sms: GatewayConfiguration
    public var webhooks: [WebhookConfiguration]
    /// The screen-pop URL template shown to an agent when a call is answered (``ScreenPopTemplate``).
    public var screenPop: String?
    /// Most destinations (the gateway, each webhook) sent to at once; each destination takes one request
    /// at a time, so a slow one holds up only its own entries.
    public var concurrency: Int

    public init(sms: GatewayConfiguration, webhooks: [WebhookConfiguration] = [], screenPop: String? = nil,
                concurrency: Int = 4) {
        self.sms = sms
        self.webhooks = webhooks
        self.screenPop = screenPop
        self.concurrency = concurrency
    }

    /// Text messages to a JSON-lines file at `outboxPath`, no webhooks: what runs without an account.
    public static func offline(outboxPath: String) -> MessagingConfiguration {
        MessagingConfiguration(sms: GatewayConfiguration(kind: .outboxFile(path: outboxPath)))
    }

    /// Checks every part; the first problem is thrown.
    public func validate() throws(MessagingError) {
        try sms.validate()
        var names: Set<String> = []
        for webhook in webhooks {
            try webhook.validate()
            guard names.insert(webhook.name).inserted else { throw .duplicateWebhook(webhook.name) }
        }
        if let screenPop { _ = try ScreenPopTemplate(screenPop) }
    }
}
