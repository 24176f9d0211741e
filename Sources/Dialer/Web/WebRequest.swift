import Foundation

/// One HTTP request as the server received it: method, path, query, headers, cookies and body,
/// with the path parameters the router matched.
package struct WebRequest: Sendable {
    /// `GET`, `POST`, … (upper case).
    package var method: String
    /// The path without the query, percent-decoded by the server (`/api/v1/campaigns/7`).
    package var path: String
    /// The query's arguments, decoded; a repeated name keeps its last value.
    package var query: [String: String]
    /// Header fields by lower-case name; a repeated header keeps its last value.
    package var headers: [String: String]
    /// Cookies by name.
    package var cookies: [String: String]
    /// The body's bytes (at most the server's body limit).
    package var body: [UInt8]
    /// The peer's address (IPv4 or IPv6 text), for rate limits and logs.
    package var clientAddress: String
    /// Whether the request came over TLS.
    package var isSecure: Bool
    /// What the route's `{name}` segments matched, set by the router.
    package var parameters: [String: String] = [:]

    package init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
                 cookies: [String: String] = [:], body: [UInt8] = [], clientAddress: String = "", isSecure: Bool = false) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.clientAddress = clientAddress
        self.isSecure = isSecure
    }

    /// The header `name` (any case).
    package func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body's media type, without parameters, lower case (`application/json`).
    package var contentType: String {
        (header("content-type") ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
    }

    /// The fields of an `application/x-www-form-urlencoded` body (empty for any other type).
    package var form: [String: String] {
        guard contentType == "application/x-www-form-urlencoded" else { return [:] }
        return FormDecoding.fields(String(decoding: body, as: UTF8.self))
    }
}

/// `application/x-www-form-urlencoded` text into fields.
enum FormDecoding {
    /// The fields of `text` (`a=1&b=x+y`); a repeated name keeps its last value.
    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
