/// A response received in full: status, the final response's header fields and the body.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body read as UTF-8 (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
