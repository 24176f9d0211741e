@testable import Dialer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The agent desk and the wallboard in a real headless Chromium, against the real `dialerd serve` on the
/// simulated network (ten times real time): an agent signs in, says ready, a call pops with the contact's
/// card, the agent records a disposition with a survey answer and a callback; the lead's wallboard
/// follows; the database holds exactly one outcome for the call.
@Suite("the agent desk and wallboard in a real browser, on dialerd serve", .serialized,
       .enabled(if: WebDriver.isAvailable, WebDriver.skipReason))
struct WebDeskBrowserTests {
    static let campaign = """
        team north {
          agent a1 "An"
          agent a2 "Binh"
        }

        campaign desk {
          title "Renewals"
          description "Greet the customer by name and offer the renewal."
          timezone Asia/Ho_Chi_Minh
          list "lists/contacts.csv" {
            phone column "Phone"
            name  column "Name"
            country VN
          }
          hours {
            mon-fri 08:00-20:00
          }
          dial progressive {
            team north
          }
          dispositions {
            sale "Renewed" success
            later "Call back" callback
          }
          survey renewal {
            ask interest "How interested?" choice high, low
          }
        }

        """

    /// The folder, the config with the web console on `port`, users `ana` (agent a1) and `lena` (lead of north).
    static func prepare(port: Int) throws -> DeliveryDaemonFixture {
        let fixture = try DeliveryDaemonFixture(contacts: 0, serverURL: "http://127.0.0.1:9")
        var csv = "Name,Phone\n"
        for index in 0..<60 {
            csv += "\"Khách <b>\(index)</b><script>window.pwned=\(index)</script>\",+8490\(String(2_000_000 + index).suffix(7))\n"
        }
        try fixture.write(csv, to: "campaigns/lists/contacts.csv")
        try FileManager.default.removeItem(atPath: fixture.directory.file("campaigns/sms.campaign"))
        // The campaign file waits beside the folder: the test installs it once the agent is ready, so every
        // call of the campaign finds the agent a person's (however slow the browser is on a loaded machine).
        try fixture.write(campaign, to: "desk.campaign")
        try fixture.write("""
            database  "data/dialer.db"
            campaigns "campaigns"
            reports   "reports"
            log-level info
            telephony simulated {
              seed       5
              time-scale 10
              start      2026-03-02 09:00 Asia/Ho_Chi_Minh
            }
            http {
              listen 127.0.0.1:\(port)
            }

            """, to: "dialerd.conf")
        for (name, role) in [("ana", "--agent a1"), ("lena", "--teams north")] {
            let arguments = ["users", "add", name, "--role", role.hasPrefix("--agent") ? "agent" : "lead"]
                + role.split(separator: " ").map(String.init) + ["--config", fixture.config]
            let process = Process()
            process.executableURL = DeliveryDaemonFixture.executable
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: fixture.directory.path)
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data((WebFixture.password + "\n").utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw WebDriverError("dialerd users add \(name) failed") }
        }
        return fixture
    }

    /// A port nobody listens on now.
    static func freePort() -> Int {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length)
                return getsockname(listener, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits (at most `seconds`) until `script` returns something truthy in `browser`; returns it.
    static func waitFor(_ browser: WebDriver.Session, _ script: String, seconds: Double = 60) async throws -> Any? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let value = try await browser.execute(script)
            if let flag = value as? Bool { if flag { return flag } }
            else if let text = value as? String { if !text.isEmpty { return text } }
            else if !(value is NSNull) { return value }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return nil
    }

    static func signIn(_ browser: WebDriver.Session, base: String, name: String) async throws {
        try await browser.go(base + "/login")
        try await browser.type(name, into: "#name")
        try await browser.type(WebFixture.password, into: "#password")
        try await browser.click("#sign-in")
    }

    @Test("an agent takes a simulated call on the desk and records it; the wallboard follows; one outcome is stored")
    func anAgentTakesACallOnTheDesk() async throws {
        let port = Self.freePort()
        let fixture = try Self.prepare(port: port)
        // The daemon's log goes to a file (a pipe nobody reads would stop it once full), shown if the test fails.
        let logPath = fixture.directory.file("serve.log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let serve = Process()
        serve.executableURL = DeliveryDaemonFixture.executable
        serve.arguments = ["serve", "--config", fixture.config]
        serve.currentDirectoryURL = URL(fileURLWithPath: fixture.directory.path)
        serve.standardOutput = FileHandle.nullDevice
        serve.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try serve.run()
        let log = { (try? String(contentsOfFile: logPath, encoding: .utf8)).map { String($0.suffix(3_000)) } ?? "" }
        defer {
            if serve.isRunning { kill(serve.processIdentifier, SIGKILL) }
            serve.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        let driver = try WebDriver()
        let agent = try await driver.session()
        let lead = try await driver.session()
        let shots = ProcessInfo.processInfo.environment["DIALER_SCREENSHOTS"] ?? fixture.directory.file(".")
        do {
            var up = false
            for _ in 0..<100 where !up {
                up = (try? fixture.count("SELECT COUNT(*) FROM users")) == 2 && Self.answers(base + "/login")
                if !up { try await Task.sleep(nanoseconds: 300_000_000) }
            }
            try #require(up, "dialerd serve did not answer in 30 s: \(log())")
            try await Self.signIn(agent, base: base, name: "ana")
            #expect(try await agent.waitForURL(suffix: "/desk"), "an agent lands on the desk")
            try await Self.signIn(lead, base: base, name: "lena")
            #expect(try await lead.waitForURL(suffix: "/wallboard"), "a lead lands on the wallboard")

            try await agent.click("#ready")
            let kept = try await Self.waitFor(agent, "return document.getElementById('message').textContent", seconds: 60)
            #expect((kept as? String)?.contains("when one starts") == true, "ready is kept until a campaign dials")
            try FileManager.default.moveItem(atPath: fixture.directory.file("desk.campaign"),
                                             toPath: fixture.directory.file("campaigns/desk.campaign"))
            let ready = try await Self.waitFor(
                agent, "return ['ready', 'dialing', 'on-call'].includes(document.getElementById('state').dataset.state)", seconds: 60)
            #expect(ready != nil, "the desk shows the agent ready (or already dialed for): \(log())")
            let popped = try await Self.waitFor(agent, "return document.getElementById('call').dataset.call || ''", seconds: 180)
            let call = try #require((popped as? String).flatMap { Int64($0) }, "a call popped on the desk: \(log())")
            let name = try await agent.text("#contact-name")
            #expect(name.contains("<script>"), "a name holding markup is shown as text: \(name)")
            #expect(try await agent.execute("return typeof window.pwned") as? String == "undefined", "list values stay inert")
            #expect(try await agent.text("#call").contains("Greet the customer"), "the campaign's script is on the card")
            try await agent.screenshot(to: shots + "/desk.png")

            try await agent.click("input[name=disposition][value=later]")
            try await agent.execute("""
                const form = document.getElementById('outcome');
                form.querySelector('select[name="q.interest"]').value = 'high';
                const callback = document.getElementById('callback');
                callback.value = callback.options[3].value;
                form.querySelector('input[name=callback_mine]').checked = true;
                return true
                """)
            try await agent.execute("document.getElementById('message').textContent = ''; return true")
            try await agent.click("#save-ready")
            let saved = try await Self.waitFor(agent, "return document.getElementById('message').textContent", seconds: 60)
            #expect((saved as? String)?.lowercased().contains("saved") == true, "the desk says: \(String(describing: saved))")

            var outcomes = 0
            for _ in 0..<1_800 where outcomes == 0 {
                outcomes = try fixture.count("SELECT COUNT(*) FROM outcomes WHERE attempt_id = \(call)")
                if outcomes == 0 { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            #expect(outcomes == 1, "exactly one outcome for the call")
            #expect(try fixture.count("""
                SELECT COUNT(*) FROM outcomes o JOIN survey_answers s ON s.outcome_id = o.id
                WHERE o.attempt_id = \(call) AND o.disposition = 'later' AND o.callback_agent = 'a1'
                  AND o.callback_at IS NOT NULL AND s.question = 'interest' AND s.answer = 'high'
                """) == 1)

            try await lead.go(base + "/wallboard")
            let row = "document.querySelector('#agents-desk tr[data-agent=\"a1\"]')"
            let shown = try await Self.waitFor(lead, "const row = \(row); return row && row.dataset.state ? row.dataset.state : ''",
                                               seconds: 60)
            #expect(shown != nil, "the wallboard shows agent a1's state")
            let figures = try await Self.waitFor(
                lead, "return document.querySelector('[data-field=agents_logged_in]').textContent !== '0'", seconds: 60)
            #expect(figures != nil, "the wallboard's figures follow the campaign")
            try await lead.screenshot(to: shots + "/wallboard.png")
            #expect(try await lead.execute("return typeof window.pwned") as? String == "undefined")
        } catch {
            try? await agent.close()
            try? await lead.close()
            throw error
        }
        try await agent.close()
        try await lead.close()
        kill(serve.processIdentifier, SIGTERM)
        serve.waitUntilExit()
        #expect(serve.terminationStatus == 0)
        #expect(try fixture.count("SELECT COUNT(*) FROM outcomes WHERE agent = 'a1'") >= 1)
    }

    /// Whether something answers HTTP at `url`.
    static func answers(_ url: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-o", "/dev/null", "--max-time", "1", url]
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
