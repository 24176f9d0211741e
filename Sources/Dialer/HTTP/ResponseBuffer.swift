/// What libcurl's callbacks collect during one transfer: the body (up to a limit) and the
/// header fields of the last response (earlier ones belong to redirects or `100 Continue`).
final class ResponseBuffer {
    let limit: Int
    private(set) var body: [UInt8] = []
    private(set) var headers: [HTTPHeader] = []
    /// Set when the body grew past `limit`; the transfer is then aborted.
    private(set) var exceeded = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends body bytes; false (abort) when they would pass the limit.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= limit else {
            exceeded = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Takes one raw header line, CRLF included.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingSuffix { $0.isNewline }
        if line.hasPrefix("HTTP/") {
            headers = []
            body = []
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
        headers.append(HTTPHeader(name, String(value).trimmingSuffix { $0 == " " || $0 == "\t" }))
    }
}

extension String {
    /// The string without the trailing characters that match `predicate`.
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
