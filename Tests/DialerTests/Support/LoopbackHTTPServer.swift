import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for tests of the real client.
///
/// Each request is recorded, then answered as `reply` decides: a response, a connection
/// reset, or silence until the client gives up. Connections are kept alive between requests.
final class LoopbackHTTPServer: Sendable {
    /// A request as the server read it off the socket.
    struct Request: Sendable {
        let method: String
        let path: String
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// What the server does with a request.
    enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)] = [], body: String = "")
        /// A response without Content-Length, its end marked by closing the connection.
        case respondUnsized(status: Int, body: String)
        /// Close the connection with a TCP reset, without answering.
        case reset
        /// Say nothing until the client closes the connection (its timeout).
        case hang
    }

    let port: UInt16
    private let listener: Int32
    private let reply: @Sendable (Request, Int) -> Reply
    private let received = Mutex<[Request]>([])
    private let connections = Mutex<Int>(0)
    private let stopped = Mutex<Bool>(false)

    /// Starts listening; `reply` sees each request and its 0-based number.
    init(reply: @escaping @Sendable (Request, Int) -> Reply) throws {
        self.reply = reply
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw ServerError("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socketFD, 16) == 0 else {
            close(socketFD)
            throw ServerError("bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        listener = socketFD
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Stops accepting connections (once: a second call must not close a descriptor reused since).
    /// The accept loop holds the server until then, so every test stops its server.
    func stop() {
        let wasStopped = stopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        // Only the accept loop closes the descriptor: closed here, its number could be reused by another
        // server's socket before the loop's next accept, which would then steal that server's connections.
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// The base URL, e.g. `http://127.0.0.1:40123`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    var requests: [Request] { received.withLock { $0 } }

    /// How many TCP connections were accepted.
    var connectionCount: Int { connections.withLock { $0 } }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                close(listener)
                return
            }
            connections.withLock { $0 += 1 }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        var pending: [UInt8] = []
        defer { close(client) }
        while let request = readRequest(client, &pending) {
            let number = received.withLock { list in
                list.append(request)
                return list.count - 1
            }
            switch reply(request, number) {
            case .respond(let status, let headers, let body):
                var head = "HTTP/1.1 \(status) Status\r\nContent-Length: \(body.utf8.count)\r\n"
                for (name, value) in headers { head += "\(name): \(value)\r\n" }
                let bytes = Array((head + "\r\n" + body).utf8)
                guard writeAll(client, bytes) else { return }
            case .respondUnsized(let status, let body):
                _ = writeAll(client, Array("HTTP/1.1 \(status) Status\r\nConnection: close\r\n\r\n\(body)".utf8))
                return
            case .reset:
                var linger = linger(l_onoff: 1, l_linger: 0)
                setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
                return
            case .hang:
                var byte: UInt8 = 0
                while recv(client, &byte, 1, 0) > 0 {}
                return
            }
        }
    }

    private func readRequest(_ client: Int32, _ pending: inout [UInt8]) -> Request? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = pending.firstRange(of: separator)?.lowerBound
            if headEnd == nil, !readMore(client, &pending) { return nil }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: pending[..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let bodyStart = headEnd + separator.count
        while pending.count < bodyStart + length {
            if !readMore(client, &pending) { return nil }
        }
        let body = Array(pending[bodyStart..<(bodyStart + length)])
        pending.removeFirst(bodyStart + length)
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    private func readMore(_ client: Int32, _ pending: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = recv(client, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        pending.append(contentsOf: chunk[..<count])
        return true
    }

    private func writeAll(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// A loopback port bound by no listener: connecting to it is refused. The port stays reserved
    /// (so no other test's server takes it) while the value lives.
    final class RefusingPort {
        let port: UInt16
        private let descriptor: Int32

        init() throws {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                    bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
                }
            }
            guard descriptor >= 0, bound else { throw ServerError("bind: \(errno)") }
            self.descriptor = descriptor
            port = UInt16(bigEndian: address.sin_port)
        }

        var url: String { "http://127.0.0.1:\(port)" }

        deinit { close(descriptor) }
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
