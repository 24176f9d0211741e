import Testing
@testable import Dialer

@Suite("HTTP client over libcurl, against a loopback server")
struct HTTPClientTests {
    /// Small limits so failures come quickly.
    static let options = HTTPClientOptions(connectTimeoutMilliseconds: 500, totalTimeoutMilliseconds: 400,
                                           maxRedirects: 2, maxResponseBytes: 1_000)

    @Test("a POST arrives with its exact body and headers; the response comes back whole")
    func postRoundTrip() async throws {
        let server = try LoopbackHTTPServer { request, _ in
            .respond(status: 201, headers: [("X-Echo-Length", "\(request.body.count)")], body: "made")
        }
        defer { server.stop() }
        let client = try CurlHTTPClient(options: Self.options)
        let body: [UInt8] = Array("{\"text\":\"Chào\"}".utf8) + [0, 1, 2]
        let response = try await client.send(HTTPRequest(
            method: "POST", url: server.url + "/sms",
            headers: [HTTPHeader("Idempotency-Key", "k-1"), HTTPHeader("Content-Type", "application/json")], body: body))
        #expect(response.status == 201)
        #expect(response.text == "made")
        #expect(response.headers.value(of: "x-echo-length") == "\(body.count)")
        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.path == "/sms")
        #expect(received.body == body)
        #expect(received.header("Idempotency-Key") == "k-1")
    }

    @Test("requests to one host reuse one connection")
    func connectionReuse() async throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200, body: "ok") }
        defer { server.stop() }
        let client = try CurlHTTPClient(options: Self.options)
        for method in ["GET", "POST", "PUT", "GET"] {
            let response = try await client.send(HTTPRequest(method: method, url: server.url + "/"))
            #expect(response.status == 200)
        }
        #expect(server.requests.map(\.method) == ["GET", "POST", "PUT", "GET"])
        // Four requests over at most two connections: curl reuses its connection (on a loaded
        // machine it may now and then judge an idle one stale and open a fresh one).
        #expect(server.connectionCount <= 2)
    }

    @Test("a server that never answers fails with a timeout naming curl_easy_perform and its code")
    func timeout() async throws {
        let server = try LoopbackHTTPServer { _, _ in .hang }
        defer { server.stop() }
        let client = try CurlHTTPClient(options: Self.options)
        let error = await #expect(throws: HTTPError.self) {
            try await client.send(HTTPRequest(method: "POST", url: server.url + "/", body: Array("x".utf8)))
        }
        #expect(error?.kind == .timedOut)
        #expect(error?.function == "curl_easy_perform")
        #expect(error?.code == 28)
        #expect(error?.description.hasPrefix("curl_easy_perform failed with code 28") == true)
        #expect(server.requests.count == 1)
    }

    @Test("a reset connection is a transfer failure: the request may have arrived")
    func reset() async throws {
        let server = try LoopbackHTTPServer { _, _ in .reset }
        defer { server.stop() }
        let client = try CurlHTTPClient(options: Self.options)
        let error = await #expect(throws: HTTPError.self) {
            try await client.send(HTTPRequest(method: "POST", url: server.url + "/"))
        }
        #expect(error?.kind == .transferFailed)
        #expect(error?.requestWasNotSent == false)
    }

    @Test("a refused connection is known not to have sent the request")
    func refused() async throws {
        let refusing = try LoopbackHTTPServer.RefusingPort()
        let url = refusing.url
        let client = try CurlHTTPClient(options: Self.options)
        let error = await #expect(throws: HTTPError.self) {
            try await client.send(HTTPRequest(method: "POST", url: url + "/"))
        }
        #expect(error?.kind == .notConnected)
        #expect(error?.code == 7)
        #expect(error?.requestWasNotSent == true)
    }

    @Test("a body over the size limit is cut short, its status and headers kept, whether its length is announced or not",
          arguments: [false, true])
    func sizeLimit(unsized: Bool) async throws {
        let big = String(repeating: "x", count: 5_000)
        let server = try LoopbackHTTPServer { _, _ in
            unsized ? .respondUnsized(status: 201, body: big) : .respond(status: 201, headers: [("X-Id", "7")], body: big)
        }
        defer { server.stop() }
        let client = try CurlHTTPClient(options: Self.options)
        let response = try await client.send(HTTPRequest(url: server.url + "/"))
        #expect(response.status == 201)
        #expect(!response.bodyComplete)
        #expect(response.body.count <= 1_000)
        if !unsized { #expect(response.headers.value(of: "X-Id") == "7") }
    }

    @Test("redirects are followed up to the limit, and no further")
    func redirects() async throws {
        let server = try LoopbackHTTPServer { request, _ in
            switch request.path {
            case "/moved": .respond(status: 302, headers: [("Location", "/final")])
            case "/loop": .respond(status: 302, headers: [("Location", "/loop")])
            default: .respond(status: 200, body: "here")
            }
        }
        defer { server.stop() }
        let client = try CurlHTTPClient(options: Self.options)
        let followed = try await client.send(HTTPRequest(url: server.url + "/moved"))
        #expect(followed.status == 200)
        #expect(followed.text == "here")
        let error = await #expect(throws: HTTPError.self) {
            try await client.send(HTTPRequest(url: server.url + "/loop"))
        }
        #expect(error?.code == 47)
        #expect(server.requests.filter { $0.path == "/loop" }.count == 3)
    }

    @Test("requests that cannot be sent safely are refused before anything is sent",
          arguments: [
            HTTPRequest(method: "POST", url: "http://127.0.0.1:9/", headers: [HTTPHeader("X-A", "1\r\nX-Injected: 2")]),
            HTTPRequest(method: "POST", url: "http://127.0.0.1:9/", headers: [HTTPHeader("Bad Name", "1")]),
            HTTPRequest(method: "post", url: "http://127.0.0.1:9/"),
            HTTPRequest(url: "file:///etc/passwd"),
            HTTPRequest(url: "ftp://127.0.0.1/x"),
          ])
    func refusedRequests(request: HTTPRequest) async throws {
        let client = try CurlHTTPClient(options: Self.options)
        let error = await #expect(throws: HTTPError.self) { try await client.send(request) }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.requestWasNotSent == true)
    }
}
