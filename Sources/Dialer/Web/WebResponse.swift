import Foundation

/// What a handler answers: a status, header fields and a body, or a stream of Server-Sent Events.
package struct WebResponse: Sendable {
    /// What follows the headers.
    package enum Body: Sendable {
        case bytes([UInt8])
        /// Events as they are sent, until the stream closes or the client leaves.
        case events(ServerSentEventStream)
    }

    package var status: Int
    /// Header fields in order; `Set-Cookie` may appear more than once.
    package var headers: [(name: String, value: String)]
    package var body: Body

    package init(status: Int, headers: [(name: String, value: String)] = [], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Adds a header field.
    package mutating func add(_ name: String, _ value: String) {
        headers.append((name, value))
    }

    /// A text body with its media type.
    package static func text(_ text: String, status: Int = 200, type: String = "text/plain; charset=utf-8") -> WebResponse {
        WebResponse(status: status, headers: [("Content-Type", type)], body: .bytes(Array(text.utf8)))
    }

    /// An HTML page (already escaped where it holds values: build it with ``WebPage``).
    package static func html(_ html: String, status: Int = 200) -> WebResponse {
        var response = text(html, status: status, type: "text/html; charset=utf-8")
        response.add("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
        response.add("X-Content-Type-Options", "nosniff")
        response.add("Cache-Control", "no-store")
        return response
    }

    /// A JSON body of an encodable value (keys sorted, snake_case as the value's coding keys say).
    package static func json<Value: Encodable>(_ value: Value, status: Int = 200) -> WebResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var response = WebResponse(status: status, headers: [("Content-Type", "application/json")], body: .bytes(Array(data)))
        response.add("Cache-Control", "no-store")
        return response
    }

    /// A JSON value, written without `JSONEncoder` (the API's pages).
    package static func json(_ value: JSONValue, status: Int = 200) -> WebResponse {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4_096)
        value.append(to: &bytes)
        return WebResponse(status: status, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
                           body: .bytes(bytes))
    }

    /// JSON text already made (e.g. a stored document).
    package static func jsonText(_ text: String, status: Int = 200) -> WebResponse {
        WebResponse(status: status, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
                    body: .bytes(Array(text.utf8)))
    }

    /// A `303 See Other` to `location` (after a form post, or to the login page).
    package static func redirect(to location: String) -> WebResponse {
        WebResponse(status: 303, headers: [("Location", location), ("Cache-Control", "no-store")])
    }

    /// A stream of Server-Sent Events (`text/event-stream`).
    package static func events(_ stream: ServerSentEventStream) -> WebResponse {
        WebResponse(status: 200, headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store"),
                                           ("X-Accel-Buffering", "no")], body: .events(stream))
    }
}
