/// A messaging setting or input that cannot be used. The text never holds a phone number.
public enum MessagingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A template's `{` or `}` has no partner.
    case unpairedBraces
    /// A template names a placeholder the context does not offer.
    case unknownPlaceholder(String, known: [String])
    /// A URL setting that cannot be called (``HTTPURLSyntax``): not `http(s)`, no host, a bad port…
    case invalidURL(setting: String, reason: String)
    /// A header setting that could not be sent as one header.
    case invalidHeader(name: String)
    /// A webhook without a signing secret.
    case missingSecret(webhook: String)
    /// Two webhooks with one name.
    case duplicateWebhook(String)

    public var description: String {
        switch self {
        case .unpairedBraces:
            "the braces in this template do not pair up; write placeholders as {field}"
        case .unknownPlaceholder(let name, let known):
            "unknown placeholder {\(name)}; known: " + known.map { "{\($0)}" }.joined(separator: ", ")
        case .invalidURL(let setting, let reason):
            "\(setting) cannot be used: \(reason)"
        case .invalidHeader(let name):
            "header '\(name)' has a bad name or a line break in its value"
        case .missingSecret(let webhook):
            "webhook '\(webhook)' has no signing secret; set one so receivers can check the X-Dialer-Signature header"
        case .duplicateWebhook(let name):
            "two webhooks are called '\(name)'; give each its own name"
        }
    }
}
