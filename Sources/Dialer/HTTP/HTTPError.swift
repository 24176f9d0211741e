/// An HTTP transfer that produced no complete response.
///
/// The text names the libcurl function and its code, never the request's body or headers
/// (they carry phone numbers and credentials).
public struct HTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as far as delivery decisions care.
    public enum Kind: Sendable, Hashable {
        /// No connection was made (resolve or connect failed): the request surely did not arrive.
        case notConnected
        /// The connect or total timeout passed; the request may have arrived.
        case timedOut
        /// The request cannot be sent as given (bad URL, method or header); nothing was sent.
        case invalidRequest
        /// Any other failure after connecting (reset, TLS, protocol); the request may have arrived.
        case transferFailed
    }

    public var kind: Kind
    /// The libcurl function that failed, e.g. `curl_easy_perform`, or `request` for checks made before it.
    public var function: String
    /// The `CURLcode` returned, or 0 for checks made before calling libcurl.
    public var code: Int
    /// libcurl's message, or ours.
    public var message: String

    public init(kind: Kind, function: String, code: Int, message: String) {
        self.kind = kind
        self.function = function
        self.code = code
        self.message = message
    }

    /// Whether the request certainly never reached the server.
    public var requestWasNotSent: Bool { kind == .notConnected || kind == .invalidRequest }

    public var description: String { "\(function) failed with code \(code): \(message)" }
}
