import CMicroHTTPD
import Foundation
import Synchronization

/// An HTTP(S) server on libmicrohttpd: a thread per connection (so a Server-Sent Events stream may wait for
/// its next event), requests handed to one ``WebHandler``.
///
/// ```swift
/// let server = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: 0)) { request in
///     .text("hello \(request.path)")
/// }
/// print(server.port)   // the port the system picked
/// server.stop()
/// ```
package final class WebServer: Sendable {
    /// The port the server listens on (the one picked when asked for port 0).
    package let port: Int
    /// The address it was asked to bind.
    package let host: String
    /// Whether it speaks HTTPS.
    package let isSecure: Bool
    private let core: Unmanaged<ServerCore>
    private let daemon: Mutex<DaemonHandle?>

    /// Starts listening.
    /// - Throws: ``EnvironmentError`` when the address cannot be bound (in use, not this machine's) or
    ///   libmicrohttpd refuses to start (e.g. a TLS key it cannot read).
    package init(options: WebServerOptions, handler: @escaping WebHandler) throws {
        var failure: Int32 = 0
        var failedCall: UnsafePointer<CChar>?
        let socket = dialer_mhd_listen(options.host, Int32(options.port), &failure, &failedCall)
        guard socket >= 0 else {
            let call = failedCall.map { String(cString: $0) } ?? "listen"
            let reason = call == "getaddrinfo" ? String(cString: gai_strerror(failure)) : String(cString: strerror(failure))
            throw EnvironmentError("cannot listen on \(options.host):\(options.port): \(reason) (\(call))"
                                   + (failure == EADDRINUSE && call == "bind" ? "; another program uses the port: stop it or "
                                      + "name another port in the config's http block" : ""))
        }
        port = Int(dialer_mhd_bound_port(socket))
        host = options.host
        isSecure = options.tls != nil
        let core = Unmanaged.passRetained(ServerCore(handler: handler, maxBodyBytes: options.maxBodyBytes,
                                                     isSecure: options.tls != nil))
        let started: OpaquePointer? = {
            let start = { (key: UnsafePointer<CChar>?, certificate: UnsafePointer<CChar>?) in
                dialer_mhd_start(socket, webServerAccess, core.toOpaque(), webServerCompleted, nil, key, certificate,
                                 UInt32(options.connectionTimeout), UInt32(options.connectionLimit))
            }
            guard let tls = options.tls else { return start(nil, nil) }
            return tls.keyPEM.withCString { key in tls.certificatePEM.withCString { start(key, $0) } }
        }()
        guard let started else {
            close(socket)
            core.release()
            throw EnvironmentError("libmicrohttpd could not start on \(options.host):\(options.port)"
                                   + (options.tls != nil ? "; check that the TLS certificate and key are PEM and belong together" : ""))
        }
        self.core = core
        daemon = Mutex(DaemonHandle(pointer: started))
    }

    /// Stops listening: open event streams end, requests in progress finish, then the threads are joined.
    /// Calling it again does nothing.
    package func stop() {
        guard let handle = daemon.withLock({ value -> DaemonHandle? in
            defer { value = nil }
            return value
        }) else { return }
        core.takeUnretainedValue().closeStreams()
        MHD_stop_daemon(handle.pointer)
        core.release()
    }

    deinit { stop() }

    /// The URL of the server's root as seen from this machine (`http://127.0.0.1:8080`).
    package var baseURL: String {
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "[::1]" : host.contains(":") ? "[\(host)]" : host
        return (isSecure ? "https" : "http") + "://\(shown):\(port)"
    }
}

/// The running daemon's pointer (only passed back to libmicrohttpd, which is thread-safe for stop).
private struct DaemonHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// What the C callbacks reach through their closure pointer.
private final class ServerCore: Sendable {
    let handler: WebHandler
    let maxBodyBytes: Int
    let isSecure: Bool
    /// Event streams being written, closed when the server stops.
    private let streams = Mutex<[ObjectIdentifier: ServerSentEventStream]>([:])

    init(handler: @escaping WebHandler, maxBodyBytes: Int, isSecure: Bool) {
        self.handler = handler
        self.maxBodyBytes = maxBodyBytes
        self.isSecure = isSecure
    }

    func track(_ stream: ServerSentEventStream) {
        let key = ObjectIdentifier(stream)
        streams.withLock { $0[key] = stream }
        stream.onClose { [weak self] in _ = self?.streams.withLock { $0.removeValue(forKey: key) } }
    }

    func closeStreams() {
        for stream in streams.withLock({ Array($0.values) }) { stream.close() }
    }
}

/// One request's body as it arrives, across the access handler's calls.
private final class RequestState {
    var body: [UInt8] = []
    var tooLarge = false
}

/// libmicrohttpd's access handler: first call makes the request's state, the middle ones take the body,
/// the last (no more data) runs the handler and queues its response.
private let webServerAccess: MHD_AccessHandlerCallback = { cls, connection, url, method, _, uploadData, uploadSize, state in
    guard let cls, let connection, let state, let uploadSize else { return .NO }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    guard let existing = state.pointee else {
        state.pointee = Unmanaged.passRetained(RequestState()).toOpaque()
        return .YES
    }
    let request = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()
    if uploadSize.pointee > 0 {
        if !request.tooLarge, let uploadData {
            if request.body.count + uploadSize.pointee > core.maxBodyBytes {
                request.tooLarge = true
                request.body = []
            } else {
                uploadData.withMemoryRebound(to: UInt8.self, capacity: uploadSize.pointee) {
                    request.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: uploadSize.pointee))
                }
            }
        }
        uploadSize.pointee = 0
        return .YES
    }
    var response: WebResponse
    if request.tooLarge {
        response = .text("The request body is larger than \(core.maxBodyBytes) bytes.\n", status: 413)
    } else {
        let webRequest = WebRequest(
            method: method.map { String(cString: $0) }?.uppercased() ?? "GET", path: url.map { String(cString: $0) } ?? "/",
            query: connectionValues(connection, .GET_ARGUMENT_KIND, lowercased: false),
            headers: connectionValues(connection, .HEADER_KIND, lowercased: true),
            cookies: connectionValues(connection, .COOKIE_KIND, lowercased: false),
            body: request.body, clientAddress: clientAddress(connection), isSecure: core.isSecure)
        do {
            response = try core.handler(webRequest)
        } catch {
            response = .text("Internal error.\n", status: 500)
        }
    }
    return queue(response, on: connection, core: core)
}

/// Frees a request's state once its response is sent (or the connection dropped).
private let webServerCompleted: MHD_RequestCompletedCallback = { _, _, state, _ in
    guard let state, let existing = state.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(existing).release()
    state.pointee = nil
}

/// `MHD_CONTENT_READER_END_OF_STREAM`, a macro Swift does not import.
private let contentReaderEndOfStream = -1

/// Hands `response` to libmicrohttpd.
private func queue(_ response: WebResponse, on connection: OpaquePointer, core: ServerCore) -> MHD_Result {
    let made: OpaquePointer?
    switch response.body {
    case .bytes(let bytes):
        made = bytes.withUnsafeBytes {
            dialer_mhd_response_copying($0.count, $0.baseAddress)
        }
    case .events(let stream):
        core.track(stream)
        made = MHD_create_response_from_callback(UInt64.max, 4_096, { cls, _, buffer, max in
            guard let cls, let buffer else { return contentReaderEndOfStream }
            let stream = Unmanaged<ServerSentEventStream>.fromOpaque(cls).takeUnretainedValue()
            guard let chunk = stream.next(max: max) else { return contentReaderEndOfStream }
            chunk.withUnsafeBytes { UnsafeMutableRawPointer(buffer).copyMemory(from: $0.baseAddress!, byteCount: chunk.count) }
            return chunk.count
        }, Unmanaged.passRetained(stream).toOpaque(), { cls in
            // The response is gone: the client left, the stream ended, or the server stopped.
            guard let cls else { return }
            Unmanaged<ServerSentEventStream>.fromOpaque(cls).takeRetainedValue().close()
        })
    }
    guard let made else { return .NO }
    defer { MHD_destroy_response(made) }
    for (name, value) in response.headers {
        _ = MHD_add_response_header(made, name, value)
    }
    return MHD_queue_response(connection, UInt32(response.status), made)
}

/// The connection's values of one kind (headers, query arguments, cookies) as a dictionary.
private func connectionValues(_ connection: OpaquePointer, _ kind: MHD_ValueKind, lowercased: Bool) -> [String: String] {
    final class Collected {
        var values: [String: String] = [:]
        let lowercased: Bool
        init(lowercased: Bool) { self.lowercased = lowercased }
    }
    let collected = Collected(lowercased: lowercased)
    let pointer = Unmanaged.passUnretained(collected).toOpaque()
    _ = MHD_get_connection_values(connection, kind, { cls, _, key, value in
        guard let cls, let key else { return .YES }
        let collected = Unmanaged<Collected>.fromOpaque(cls).takeUnretainedValue()
        let name = String(cString: key)
        collected.values[collected.lowercased ? name.lowercased() : name] = value.map { String(cString: $0) } ?? ""
        return .YES
    }, pointer)
    return withExtendedLifetime(collected) { collected.values }
}

/// The peer's address as text.
private func clientAddress(_ connection: OpaquePointer) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
        dialer_mhd_client_address(connection, buffer.baseAddress!, 64)
        return String(cString: buffer.baseAddress!)
    }
}
