/// The `sms { … }` block of the daemon config: where text messages go and how.
///
/// Settings left nil take the delivery's defaults (docs/messaging.md).
public struct SMSGatewaySettings: Sendable, Hashable {
    /// Where messages go.
    public enum Gateway: Sendable, Hashable {
        /// JSON lines appended to a file: the default, so a fresh checkout runs without an account.
        /// Nil path: `outbox.jsonl` beside the database.
        case outbox(path: String?)
        /// A generic HTTP API.
        case http(HTTPGatewaySettings)
    }

    public var gateway: Gateway
    /// The sender name when a campaign names none.
    public var sender: String?
    /// When messages may reach people, in each one's own zone.
    public var hours: TimeRange?
    /// Most requests per second.
    public var ratePerSecond: Int?
    /// Most requests for one message, the first included.
    public var tries: Int?
    /// The first wait after a failure and the longest, in seconds, before jitter.
    public var backoffSeconds: ClosedRange<Int>?
    /// The HTTP gateway's timeouts and response size limit.
    public var limits: HTTPLimitSettings

    public init(gateway: Gateway = .outbox(path: nil), sender: String? = nil, hours: TimeRange? = nil,
                ratePerSecond: Int? = nil, tries: Int? = nil, backoffSeconds: ClosedRange<Int>? = nil,
                limits: HTTPLimitSettings = HTTPLimitSettings()) {
        self.gateway = gateway
        self.sender = sender
        self.hours = hours
        self.ratePerSecond = ratePerSecond
        self.tries = tries
        self.backoffSeconds = backoffSeconds
        self.limits = limits
    }
}

/// `connect-timeout 5s`, `timeout 15s`, `max-response 1MB`: how long one request may take and how much of
/// its answer is read. Nil values take the HTTP client's defaults (docs/messaging.md).
public struct HTTPLimitSettings: Sendable, Hashable {
    public var connectSeconds: Int?
    public var totalSeconds: Int?
    public var maxResponseBytes: Int?

    public init(connectSeconds: Int? = nil, totalSeconds: Int? = nil, maxResponseBytes: Int? = nil) {
        self.connectSeconds = connectSeconds
        self.totalSeconds = totalSeconds
        self.maxResponseBytes = maxResponseBytes
    }
}

/// An HTTP text-message gateway: `url`, `method`, `header`s, a `json` or `form` body, what counts as success.
/// Templates use `{{to}} {{text}} {{sender}} {{key}} {{encoding}} {{segments}}`.
public struct HTTPGatewaySettings: Sendable, Hashable {
    /// How the body is written.
    public enum Body: Sendable, Hashable {
        case json(String)
        case form([FormFieldSetting])
    }

    public var url: String
    public var method: String?
    public var headers: [HeaderSetting]
    public var body: Body?
    /// The statuses that count as delivered (nil: 200-299).
    public var successStatuses: ClosedRange<Int>?
    /// A top-level field of the JSON answer that must hold this value, e.g. `status` = `ok`.
    public var successField: FieldMatch?
    /// Whether the gateway drops a request whose `Idempotency-Key` it has seen; the config must say.
    public var deduplicates: Bool

    public init(url: String, method: String? = nil, headers: [HeaderSetting] = [], body: Body? = nil,
                successStatuses: ClosedRange<Int>? = nil, successField: FieldMatch? = nil, deduplicates: Bool) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.successStatuses = successStatuses
        self.successField = successField
        self.deduplicates = deduplicates
    }
}

/// A top-level field of a JSON answer and the value it must hold.
public struct FieldMatch: Sendable, Hashable {
    public var field: String
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }
}

/// One field of a form body; `value` is a template.
public struct FormFieldSetting: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A request header: its value written in the config, or read from an environment variable at start-up.
public struct HeaderSetting: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        /// The variable's value after `prefix` (`token env NAME` is `Authorization: Bearer <value>`).
        case secret(SecretReference, prefix: String)
    }

    public var name: String
    public var value: Value

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }
}

/// A `webhook NAME "URL" { … }` block: a URL that receives signed JSON results.
public struct WebhookSettings: Sendable, Hashable {
    public var name: String
    public var url: String
    /// The HMAC-SHA256 key's environment variable.
    public var secret: SecretReference
    /// `attempt`, `final` or both (nil: both).
    public var events: [String]?
    public var headers: [HeaderSetting]
    public var ratePerSecond: Int?
    public var tries: Int?
    public var backoffSeconds: ClosedRange<Int>?
    /// Whether the receiver drops a delivery whose `Idempotency-Key` it has seen; the config must say.
    public var deduplicates: Bool
    /// The timeouts and response size limit of its requests.
    public var limits: HTTPLimitSettings

    public init(name: String, url: String, secret: SecretReference, events: [String]? = nil, headers: [HeaderSetting] = [],
                ratePerSecond: Int? = nil, tries: Int? = nil, backoffSeconds: ClosedRange<Int>? = nil,
                deduplicates: Bool, limits: HTTPLimitSettings = HTTPLimitSettings()) {
        self.name = name
        self.url = url
        self.secret = secret
        self.events = events
        self.headers = headers
        self.ratePerSecond = ratePerSecond
        self.tries = tries
        self.backoffSeconds = backoffSeconds
        self.deduplicates = deduplicates
        self.limits = limits
    }
}
