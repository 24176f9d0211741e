public import CampaignDSL

/// The text-message gateway, as the daemon's configuration describes it.
public struct GatewayConfiguration: Sendable, Hashable {
    /// Where messages go.
    public enum Kind: Sendable, Hashable {
        /// Append each message as a JSON line to a file: the default, so a fresh checkout runs without an account.
        case outboxFile(path: String)
        /// An HTTP API.
        case http(HTTPGatewayConfiguration)
    }

    public var kind: Kind
    /// When messages may reach people, in each recipient's zone; outside it they are held until it opens.
    public var sendingHours: TimeRange
    /// Most requests per second to the gateway (nil: no limit).
    public var ratePerSecond: Int?
    public var retry: RetryBackoff
    /// The sender name used when a campaign names none.
    public var defaultSender: String?
    /// The HTTP gateway's timeouts and response size limit.
    public var http: HTTPClientOptions

    public init(kind: Kind, sendingHours: TimeRange = TimeRange(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 21, minute: 0)),
                ratePerSecond: Int? = 5, retry: RetryBackoff = RetryBackoff(), defaultSender: String? = nil,
                http: HTTPClientOptions = HTTPClientOptions()) {
        self.kind = kind
        self.sendingHours = sendingHours
        self.ratePerSecond = ratePerSecond
        self.retry = retry
        self.defaultSender = defaultSender
        self.http = http
    }

    /// Checks what can be checked before the first message: URLs, headers, body placeholders.
    public func validate() throws(MessagingError) {
        if case .http(let http) = kind { try http.validate() }
    }
}
