import Foundation
import CampaignDSL

/// A generic HTTP text-message gateway: where to send, how to write the body, what counts as success.
///
/// The URL and body are templates with placeholders in double braces, so JSON's own braces need no escape:
/// `{{to}}` (E.164 number), `{{text}}`, `{{sender}}`, `{{key}}` (the idempotency key), `{{encoding}}`
/// (`GSM-7` or `UCS-2`), `{{segments}}`. In a JSON body a value is escaped for a JSON string
/// (write `"text": "{{text}}"`); in the URL and a form body it is percent-encoded.
/// Every request also carries the key in an `Idempotency-Key` header.
public struct HTTPGatewayConfiguration: Sendable, Hashable {
    /// How the body is written.
    public enum Body: Sendable, Hashable {
        /// `application/json`, from a template.
        case json(String)
        /// `application/x-www-form-urlencoded`, from name and value-template pairs.
        case form([FormField])
    }

    /// One field of a form body; `value` is a template.
    public struct FormField: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// What counts as a confirmed delivery.
    public struct SuccessRule: Sendable, Hashable {
        public var statuses: ClosedRange<Int>
        /// When set, the response body must contain this text too.
        public var bodyContains: String?
        /// When set, the response must be a JSON object whose top-level field `name` holds `value`
        /// (a string, or a number or boolean written as JSON writes it).
        public var jsonField: (name: String, value: String)? {
            get { fieldName.flatMap { name in fieldValue.map { (name, $0) } } }
            set {
                fieldName = newValue?.name
                fieldValue = newValue?.value
            }
        }
        private var fieldName: String?
        private var fieldValue: String?

        public init(statuses: ClosedRange<Int> = 200...299, bodyContains: String? = nil,
                    jsonField: (name: String, value: String)? = nil) {
            self.statuses = statuses
            self.bodyContains = bodyContains
            self.jsonField = jsonField
        }

        /// Whether `response` confirms the delivery: nil when the status does but the body the rule reads
        /// was cut short at the size limit, so nobody can tell.
        func accepts(_ response: HTTPResponse) -> Bool? {
            guard statuses.contains(response.status) else { return false }
            guard bodyContains != nil || jsonField != nil else { return true }
            guard response.bodyComplete else { return nil }
            guard bodyContains.map({ response.text.contains($0) }) ?? true else { return false }
            guard let (name, value) = jsonField else { return true }
            let object = try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            return switch object?[name] {
            case let text as String: text == value
            case let number as NSNumber: number.stringValue == value || (value == "true" && number == true)
                || (value == "false" && number == false)
            default: false
            }
        }
    }

    /// The placeholders the URL and body may use.
    public static let placeholders = ["to", "text", "sender", "key", "encoding", "segments"]

    public var url: String
    public var method: String
    /// Extra headers (credentials, API version); values are sent as written.
    public var headers: [HTTPHeader]
    public var body: Body
    public var success: SuccessRule
    /// Whether the gateway drops a request whose `Idempotency-Key` it has seen; see ``MessageGateway``.
    /// No default: a wrong guess either sends texts twice or gives up on ones that could be repeated.
    public var honoursIdempotencyKey: Bool

    public init(url: String, method: String = "POST", headers: [HTTPHeader] = [],
                body: Body = .json(#"{"to": "{{to}}", "from": "{{sender}}", "text": "{{text}}"}"#),
                success: SuccessRule = SuccessRule(), honoursIdempotencyKey: Bool) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.success = success
        self.honoursIdempotencyKey = honoursIdempotencyKey
    }

    /// Checks the URL, headers and templates.
    public func validate() throws(MessagingError) {
        if let reason = HTTPURLSyntax.problem(in: url) { throw .invalidURL(setting: "the SMS gateway's url", reason: reason) }
        if let bad = headers.first(where: { !$0.isWellFormed }) { throw .invalidHeader(name: bad.name) }
        var templates = [url]
        switch body {
        case .json(let template): templates.append(template)
        case .form(let fields): templates += fields.map(\.value)
        }
        for text in templates {
            for name in Self.placeholderNames(in: text) where !Self.placeholders.contains(name) {
                throw .unknownPlaceholder(name, known: Self.placeholders)
            }
        }
    }

    /// The request for one message.
    func request(for message: OutboxMessage) -> HTTPRequest {
        let length = SMSLength(measuring: message.entry.body)
        let values = [
            "to": message.entry.recipient, "text": message.entry.body, "sender": message.entry.sender ?? "",
            "key": message.key, "encoding": length.encoding.rawValue, "segments": String(length.segments),
        ]
        let url = Self.fill(url, values.mapValues(PercentEncoding.escape))
        var headers = headers + [HTTPHeader("Idempotency-Key", message.key)]
        let body: String
        switch self.body {
        case .json(let template):
            headers.append(HTTPHeader("Content-Type", "application/json; charset=utf-8"))
            body = Self.fill(template, values.mapValues { String(JSONString.literal($0).dropFirst().dropLast()) })
        case .form(let fields):
            headers.append(HTTPHeader("Content-Type", "application/x-www-form-urlencoded"))
            let escaped = values.mapValues(PercentEncoding.formEscape)
            body = fields.map { PercentEncoding.formEscape($0.name) + "=" + Self.fill($0.value, escaped) }.joined(separator: "&")
        }
        return HTTPRequest(method: method, url: url, headers: headers, body: Array(body.utf8))
    }

    /// The names written `{{name}}` in `template`.
    static func placeholderNames(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// `template` with each `{{name}}` replaced by its value (unknown names by nothing).
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            out += rest[..<open.lowerBound]
            out += values[String(rest[open.upperBound..<close.lowerBound])] ?? ""
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
