import Foundation
import Testing
@testable import Dialer

@Suite("HTTP server on libmicrohttpd, over real sockets")
struct WebServerTests {
    static let client = HTTPClientOptions(connectTimeoutMilliseconds: 2_000, totalTimeoutMilliseconds: 5_000, maxRedirects: 0)

    @Test("a request arrives with its path parameter, query, headers, cookies and body; the response comes back whole")
    func roundTrip() async throws {
        var router = WebRouter()
        router.add("POST", "/things/{id}/echo") { request in
            let text = [request.method, request.parameters["id"] ?? "-", request.query["q"] ?? "-",
                        request.header("X-Probe") ?? "-", request.cookies["flavour"] ?? "-",
                        String(decoding: request.body, as: UTF8.self), request.form["b"] ?? "-"].joined(separator: "|")
            var response = WebResponse.text(text, status: 201)
            response.add("X-Answer", "42")
            return response
        }
        let server = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: 0), handler: { [router] in try router.handle($0) })
        defer { server.stop() }
        #expect(server.port > 0)
        let response = try await CurlHTTPClient(options: Self.client).send(HTTPRequest(
            method: "POST", url: server.baseURL + "/things/7%20x/echo?q=a%26b",
            headers: [HTTPHeader("X-Probe", "p"), HTTPHeader("Cookie", "flavour=lemon; other=1"),
                      HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
            body: Array("a=1&b=Ch%C3%A0o+b%E1%BA%A1n".utf8)))
        #expect(response.status == 201)
        #expect(response.text == "POST|7 x|a&b|p|lemon|a=1&b=Ch%C3%A0o+b%E1%BA%A1n|Chào bạn")
        #expect(response.headers.contains { $0.name.lowercased() == "x-answer" && $0.value == "42" })
    }

    @Test("an unknown path is 404, a known path with another method 405, a body over the limit 413")
    func refusals() async throws {
        var router = WebRouter()
        router.add("GET", "/only-get") { _ in .text("ok") }
        router.add("POST", "/upload") { request in .text("\(request.body.count)") }
        let server = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: 0, maxBodyBytes: 100),
                                   handler: { [router] in try router.handle($0) })
        defer { server.stop() }
        let client = try CurlHTTPClient(options: Self.client)
        #expect(try await client.send(HTTPRequest(url: server.baseURL + "/nothing")).status == 404)
        #expect(try await client.send(HTTPRequest(method: "POST", url: server.baseURL + "/only-get")).status == 405)
        #expect(try await client.send(HTTPRequest(method: "POST", url: server.baseURL + "/upload",
                                                  body: Array(repeating: 65, count: 100))).text == "100")
        #expect(try await client.send(HTTPRequest(method: "POST", url: server.baseURL + "/upload",
                                                  body: Array(repeating: 65, count: 101))).status == 413)
    }

    @Test("a port already in use is a clear error naming the address")
    func portInUse() throws {
        let first = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: 0)) { _ in .text("first") }
        defer { first.stop() }
        #expect {
            _ = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: first.port)) { _ in .text("second") }
        } throws: { error in
            "\(error)".contains("cannot listen on 127.0.0.1:\(first.port)") && "\(error)".contains("in use")
        }
    }

    @Test("Server-Sent Events reach a client; a client that leaves is dropped from the broadcaster")
    func serverSentEvents() throws {
        let hub = EventBroadcaster()
        let server = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: 0)) { _ in
            let stream = ServerSentEventStream(keepAlive: 0.2)
            hub.subscribe(stream)
            return .events(stream)
        }
        defer { server.stop() }
        let socket = try LineSocket(port: server.port)
        try socket.write("GET /events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        #expect(try socket.readUntil("\r\n\r\n").contains("text/event-stream"))
        try waitUntil { hub.subscriberCount == 1 }
        hub.publish("line one\nline two", event: "call", id: "9")
        let event = try socket.readUntil("line two\n\n")
        #expect(event.contains("event: call\nid: 9\ndata: line one\ndata: line two\n\n"))
        socket.close()
        try waitUntil { hub.subscriberCount == 0 }
    }

    @Test("HTTPS with a self-signed certificate made by openssl (GnuTLS in Debian's libmicrohttpd)")
    func tls() throws {
        let folder = TemporaryDirectory()
        let made = ChildProcess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                     "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                                     "-keyout", folder.file("key.pem"), "-out", folder.file("cert.pem")])
        try #require(made.status == 0, "openssl req failed: \(made.stderr)")
        let credentials = try TLSCredentials.load(certificateFile: folder.file("cert.pem"), keyFile: folder.file("key.pem"))
        let server = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: 0, tls: credentials)) { request in
            .text("secure \(request.isSecure)")
        }
        defer { server.stop() }
        #expect(server.baseURL.hasPrefix("https://"))
        let fetched = ChildProcess.run(["curl", "-sS", "--cacert", folder.file("cert.pem"), server.baseURL + "/"])
        #expect(fetched.stdout == "secure true", "curl: \(fetched.stderr)")
        let plain = ChildProcess.run(["curl", "-sS", "--max-time", "3", "http://127.0.0.1:\(server.port)/"])
        #expect(plain.stdout != "secure true")
    }
}

/// Waits (up to 10 s) for `condition`.
func waitUntil(_ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(10)
    while !condition() {
        guard Date() < deadline else { throw WaitTimedOut() }
        Thread.sleep(forTimeInterval: 0.02)
    }
}

struct WaitTimedOut: Error {}
