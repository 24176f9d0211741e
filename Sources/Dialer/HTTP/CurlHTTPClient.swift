import Dispatch
import Synchronization

/// The HTTP client over libcurl.
///
/// Transfers are blocking calls, so they run on the client's own dispatch queue, never on a thread of
/// the Swift concurrency pool; `send` suspends until the transfer ends. One client runs one transfer
/// at a time on one handle, which keeps connections to a host open between requests.
/// Every transfer has the connect and total timeouts, the redirect and size limits of ``HTTPClientOptions``,
/// verifies TLS certificates and host names, and speaks only `http` and `https`.
public final class CurlHTTPClient: HTTPTransport {
    public let options: HTTPClientOptions
    private let easy: Mutex<CurlEasy>
    private let queue = DispatchQueue(label: "dialer.http")

    /// - Throws: ``HTTPError`` when libcurl cannot initialise.
    public init(options: HTTPClientOptions = HTTPClientOptions()) throws(HTTPError) {
        self.options = options
        easy = Mutex(try CurlEasy())
    }

    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let result: Result<HTTPResponse, HTTPError> = await withCheckedContinuation { continuation in
            queue.async {
                let outcome = self.easy.withLock { handle in
                    Result { () throws(HTTPError) in try handle.perform(request, options: self.options) }
                }
                continuation.resume(returning: outcome)
            }
        }
        return try result.get()
    }
}
