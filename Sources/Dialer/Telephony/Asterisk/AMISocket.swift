import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking TCP connection to the manager port. Owned by one thread;
/// closes itself when released. Every failed C call names the function.
final class AMISocket {
    let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Connects to `host`:`port`, trying each address the name resolves to,
    /// each within `timeout`.
    static func connect(host: String, port: UInt16, timeout: TimeInterval) throws -> AMISocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw TelephonyError("cannot resolve the Asterisk host '\(host)': \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = SystemCallError(function: "connect", code: ECONNREFUSED)
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            switch connect(to: address.pointee, timeout: timeout) {
            case .success(let socket): return socket
            case .failure(let error): lastError = error
            }
        }
        throw lastError
    }

    private static func connect(to address: addrinfo, timeout: TimeInterval) -> Result<AMISocket, SystemCallError> {
        Result { try open(address, timeout: timeout) }.mapError { $0 as? SystemCallError ?? SystemCallError(function: "connect", code: EIO) }
    }

    private static func open(_ address: addrinfo, timeout: TimeInterval) throws -> AMISocket {
        let descriptor = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard descriptor >= 0 else { throw SystemCallError.lastError("socket") }
        let socket = AMISocket(descriptor: descriptor)
        guard fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) == 0 else {
            throw SystemCallError.lastError("fcntl")
        }
        var on: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        if Glibc.connect(descriptor, address.ai_addr, address.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else { throw SystemCallError.lastError("connect") }
            guard try socket.wait(for: Int16(POLLOUT), timeout: timeout) else {
                throw SystemCallError(function: "connect", code: ETIMEDOUT)
            }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length) == 0 else {
                throw SystemCallError.lastError("getsockopt")
            }
            guard failure == 0 else { throw SystemCallError(function: "connect", code: failure) }
        }
        return socket
    }

    /// Writes all of `bytes`, waiting at most `timeout` for room in the send buffer.
    func write(_ bytes: [UInt8], timeout: TimeInterval) throws(SystemCallError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                guard try wait(for: Int16(POLLOUT), timeout: timeout) else {
                    throw SystemCallError(function: "send", code: ETIMEDOUT)
                }
            } else {
                throw .lastError("send")
            }
        }
    }

    /// Reads what has arrived into `buffer`: the byte count, 0 when the peer
    /// closed the connection, nil when nothing is there yet.
    func read(into buffer: inout [UInt8]) throws(SystemCallError) -> Int? {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count >= 0 { return count }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return nil }
        throw .lastError("recv")
    }

    private func wait(for events: Int16, timeout: TimeInterval) throws(SystemCallError) -> Bool {
        var entry = pollfd(fd: descriptor, events: events, revents: 0)
        let result = poll(&entry, 1, Int32(max(0, min(timeout, 3600)) * 1000))
        if result < 0 && errno != EINTR { throw .lastError("poll") }
        return result > 0
    }
}
