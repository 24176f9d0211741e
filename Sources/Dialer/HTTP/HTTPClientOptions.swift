/// Limits every transfer of a ``CurlHTTPClient`` obeys.
public struct HTTPClientOptions: Sendable, Hashable {
    /// Longest wait for the TCP (and TLS) connection, in milliseconds.
    public var connectTimeoutMilliseconds: Int
    /// Longest time for the whole transfer, redirects included, in milliseconds.
    public var totalTimeoutMilliseconds: Int
    /// Most redirects followed (0: none).
    public var maxRedirects: Int
    /// Largest response body read, in bytes; the transfer stops there and the response comes back with
    /// its status, headers and `bodyComplete` false.
    public var maxResponseBytes: Int
    /// The `User-Agent` sent.
    public var userAgent: String

    public init(connectTimeoutMilliseconds: Int = 5_000, totalTimeoutMilliseconds: Int = 15_000, maxRedirects: Int = 3,
                maxResponseBytes: Int = 1 << 20, userAgent: String = "dialerd") {
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.totalTimeoutMilliseconds = totalTimeoutMilliseconds
        self.maxRedirects = maxRedirects
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
    }
}
