import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client on loopback for protocol-level tests (a request written by hand, a stream read as it comes).
final class LineSocket {
    private var fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw SocketFailed(call: "connect") }
    }

    deinit { close() }

    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw SocketFailed(call: "send") }
    }

    /// Reads until `marker` has arrived; everything read up to and including it.
    func readUntil(_ marker: String) throws -> String {
        let wanted = Array(marker.utf8)
        while true {
            if let range = find(wanted) {
                let text = String(decoding: buffer[..<range], as: UTF8.self)
                buffer.removeFirst(range)
                return text
            }
            var chunk = [UInt8](repeating: 0, count: 4_096)
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { throw SocketFailed(call: "recv") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    private func find(_ wanted: [UInt8]) -> Int? {
        guard buffer.count >= wanted.count else { return nil }
        for start in 0...(buffer.count - wanted.count) where buffer[start..<(start + wanted.count)].elementsEqual(wanted) {
            return start + wanted.count
        }
        return nil
    }
}

struct SocketFailed: Error {
    let call: String
}
