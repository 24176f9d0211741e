/// Sends HTTP requests. ``CurlHTTPClient`` is the real one; tests may answer from memory.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status; a body over the size limit is cut
    /// short (``HTTPResponse/bodyComplete``), the response still returned.
    /// - Throws: ``HTTPError`` when no response arrived (timeout, refused, reset, bad request).
    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse
}
