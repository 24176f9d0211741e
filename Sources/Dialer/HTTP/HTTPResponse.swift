/// A response: status, the final response's header fields and the body, which is cut short when it
/// passed the client's size limit (the status and headers still stand).
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// False when the body passed the size limit: `body` is then only its beginning (maybe nothing)
    /// and the transfer was stopped there.
    public var bodyComplete: Bool

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [], bodyComplete: Bool = true) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyComplete = bodyComplete
    }

    /// The body read as UTF-8 (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
