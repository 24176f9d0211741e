/// Sends HTTP requests. ``CurlHTTPClient`` is the real one; tests may answer from memory.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    /// - Throws: ``HTTPError`` when no complete response arrived (timeout, refused, reset, too large, bad request).
    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse
}
