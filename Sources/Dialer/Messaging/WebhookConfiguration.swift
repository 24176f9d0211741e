import CampaignDSL
/// A URL that receives a signed JSON document after each attempt and/or each contact's final result.
public struct WebhookConfiguration: Sendable, Hashable {
    /// When a webhook is called.
    public enum Event: String, Sendable, Hashable, CaseIterable {
        /// After each call attempt ends.
        case attempt
        /// When a contact's job ends for good.
        case final
    }

    /// Names the webhook in the outbox and in reports; unique.
    public var name: String
    public var url: String
    /// The HMAC-SHA256 key; receivers check `X-Dialer-Signature: sha256=<hex of HMAC(secret, body)>`.
    public var secret: String
    public var events: Set<Event>
    /// Extra headers sent as written.
    public var headers: [HTTPHeader]
    public var ratePerSecond: Int?
    public var retry: RetryBackoff
    /// Whether the receiver drops a second delivery with an `Idempotency-Key` it has seen
    /// (receivers should: a delivery whose answer was lost is repeated with the same key). No default.
    public var honoursIdempotencyKey: Bool
    /// The timeouts and response size limit of its requests.
    public var http: HTTPClientOptions

    public init(name: String, url: String, secret: String, events: Set<Event> = Set(Event.allCases),
                headers: [HTTPHeader] = [], ratePerSecond: Int? = nil, retry: RetryBackoff = RetryBackoff(),
                honoursIdempotencyKey: Bool, http: HTTPClientOptions = HTTPClientOptions()) {
        self.name = name
        self.url = url
        self.secret = secret
        self.events = events
        self.headers = headers
        self.ratePerSecond = ratePerSecond
        self.retry = retry
        self.honoursIdempotencyKey = honoursIdempotencyKey
        self.http = http
    }

    /// Checks the URL, the secret and the headers.
    public func validate() throws(MessagingError) {
        if let reason = HTTPURLSyntax.problem(in: url) { throw .invalidURL(setting: "webhook '\(name)' url", reason: reason) }
        guard !secret.isEmpty else { throw .missingSecret(webhook: name) }
        if let bad = headers.first(where: { !$0.isWellFormed }) { throw .invalidHeader(name: bad.name) }
    }
}
