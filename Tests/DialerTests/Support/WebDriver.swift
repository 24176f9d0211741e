@testable import Dialer
import Foundation
import Testing

/// A headless Chromium driven over the W3C WebDriver protocol (Debian's `chromium` and `chromium-driver`),
/// through the project's libcurl client. Tests that need it are skipped, saying why, when either is absent.
final class WebDriver {
    static let chromium = "/usr/bin/chromium"

    /// The chromedriver on PATH, or nil.
    static let chromedriver: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = String(folder) + "/chromedriver"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Whether both are installed; when not, a line says so on standard error once.
    static let isAvailable: Bool = {
        let found = FileManager.default.isExecutableFile(atPath: chromium) && chromedriver != nil
        if !found {
            FileHandle.standardError.write(Data(("WebDriver tests are skipped: \(chromium) or chromedriver is missing "
                                                 + "(apt-get install chromium chromium-driver, or make test)\n").utf8))
        }
        return found
    }()

    static let skipReason: Comment = "no chromium/chromedriver: apt-get install chromium chromium-driver (make test does)"

    private let driver: ChildProcess.Running
    private let base: String
    private let client: CurlHTTPClient

    /// Starts chromedriver on a port it picks.
    init() throws {
        guard let chromedriver = Self.chromedriver else { throw WebDriverError("chromedriver is not installed") }
        driver = try ChildProcess.start([chromedriver, "--port=0"])
        var port: Int?
        for _ in 0..<200 where port == nil {
            if let range = driver.output.range(of: "started successfully on port ") {
                port = Int(driver.output[range.upperBound...].prefix { $0.isNumber })
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard let port else { throw WebDriverError("chromedriver did not start: \(driver.output)") }
        base = "http://127.0.0.1:\(port)"
        client = try CurlHTTPClient(options: HTTPClientOptions(connectTimeoutMilliseconds: 5_000, totalTimeoutMilliseconds: 60_000,
                                                               maxRedirects: 0, maxResponseBytes: 32 << 20))
    }

    deinit { driver.stop() }

    /// A new headless browser (its own profile: no cookies).
    func session() async throws -> Session {
        let value = try await command("POST", "/session", [
            "capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": [
                "binary": Self.chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,900"]]]],
        ])
        guard let id = (value as? [String: Any])?["sessionId"] as? String else { throw WebDriverError("no session id in \(value)") }
        return Session(driver: self, id: id)
    }

    /// Sends one command; its `value`.
    @discardableResult
    func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        let bytes = try body.map { Array(try JSONSerialization.data(withJSONObject: $0)) } ?? []
        let response = try await client.send(HTTPRequest(method: method, url: base + path,
                                                         headers: [HTTPHeader("Content-Type", "application/json")], body: bytes))
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        let value = object?["value"] ?? NSNull()
        if response.status >= 400 {
            throw WebDriverError("\(method) \(path): \(response.status) \((value as? [String: Any])?["message"] ?? value)")
        }
        return value
    }

    /// One browser: navigate, find by CSS, click, type, read, run a script, take a screenshot.
    final class Session {
        let driver: WebDriver
        let id: String

        init(driver: WebDriver, id: String) {
            self.driver = driver
            self.id = id
        }

        func go(_ url: String) async throws { try await driver.command("POST", "/session/\(id)/url", ["url": url]) }

        var url: String { get async throws { try await driver.command("GET", "/session/\(id)/url") as? String ?? "" } }

        /// The first element matching `css`.
        func find(_ css: String) async throws -> String {
            let value = try await driver.command("POST", "/session/\(id)/element", ["using": "css selector", "value": css])
            guard let element = (value as? [String: Any])?["element-6066-11e4-a52e-4f735466cecf"] as? String else {
                throw WebDriverError("no element \(css)")
            }
            return element
        }

        /// Waits, up to `seconds`, until the page's address ends with `suffix`; whether it did. A click that
        /// submits a form returns before the browser follows the server's redirect (later on a loaded machine).
        func waitForURL(suffix: String, seconds: Double = 30) async throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while try await !url.hasSuffix(suffix) {
                guard Date() < deadline else { return false }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            return true
        }

        func click(_ css: String) async throws {
            try await driver.command("POST", "/session/\(id)/element/\(try await find(css))/click", [:])
        }

        func type(_ text: String, into css: String) async throws {
            try await driver.command("POST", "/session/\(id)/element/\(try await find(css))/value", ["text": text])
        }

        func text(_ css: String) async throws -> String {
            try await driver.command("GET", "/session/\(id)/element/\(try await find(css))/text") as? String ?? ""
        }

        @discardableResult
        func execute(_ script: String) async throws -> Any {
            try await driver.command("POST", "/session/\(id)/execute/sync", ["script": script, "args": []])
        }

        /// The browser's cookies for the current page, as WebDriver reports them (name, httpOnly, sameSite, secure…).
        func cookies() async throws -> [[String: Any]] {
            try await driver.command("GET", "/session/\(id)/cookie") as? [[String: Any]] ?? []
        }

        /// A PNG of the viewport, written to `path`.
        func screenshot(to path: String) async throws {
            guard let text = try await driver.command("GET", "/session/\(id)/screenshot") as? String,
                  let data = Data(base64Encoded: text) else { throw WebDriverError("no screenshot") }
            try data.write(to: URL(fileURLWithPath: path))
        }

        func close() async throws { try await driver.command("DELETE", "/session/\(id)") }
    }
}

struct WebDriverError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
