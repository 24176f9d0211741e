@testable import Dialer
import Foundation
import Synchronization

/// A folder laid out for `dialerd run` with one campaign whose no-answers end in a text message, its
/// config pointing the SMS gateway and webhooks at a loopback server, and the built `dialerd` to run.
struct DeliveryDaemonFixture {
    let directory = TemporaryDirectory()
    /// The variables the config's secrets come from.
    let environment = ["TEST_SMS_TOKEN": "t0ken", "TEST_CRM_SECRET": "crm-s3cret"]

    static let campaign = """
        campaign sms {
          timezone Asia/Ho_Chi_Minh
          list "lists/contacts.csv" {
            phone column "Phone"
            name  column "Name"
            country VN
          }
          hours {
            mon-fri 08:30-17:00
          }
          dial progressive {
            agents 5
          }
          retry {
            no-answer 1 time
            busy      1 time
          }
          sms {
            sender "ACME"
            on no-answer final "Chào {name}, chúng tôi đã gọi cho bạn."
          }
        }

        """

    /// `webhooks`: config text for webhook blocks (with `URL` for the server's base URL).
    init(contacts: Int, serverURL: String, webhooks: String = "") throws {
        let files = FileManager.default
        for folder in ["campaigns/lists", "data"] {
            try files.createDirectory(atPath: directory.file(folder), withIntermediateDirectories: true)
        }
        var csv = "Name,Phone\n"
        for index in 0..<contacts { csv += "Khách \(index),+8490\(String(1_000_000 + index).suffix(7))\n" }
        try write(csv, to: "campaigns/lists/contacts.csv")
        try write(Self.campaign, to: "campaigns/sms.campaign")
        try write("""
            database  "data/dialer.db"
            campaigns "campaigns"
            reports   "reports"
            log-level info
            telephony simulated {
              seed       3
              time-scale 600
              start      2026-03-02 08:30 Asia/Ho_Chi_Minh
            }
            sms {
              url     "\(serverURL)/sms"
              token   env TEST_SMS_TOKEN
              json    "{\\"to\\": \\"{{to}}\\", \\"text\\": \\"{{text}}\\", \\"ref\\": \\"{{key}}\\"}"
              success-field status "ok"
              deduplicates yes
              tries   4
              backoff 10s to 1m
            }
            \(webhooks.replacingOccurrences(of: "URL", with: serverURL))

            """, to: "dialerd.conf")
    }

    var config: String { directory.file("dialerd.conf") }
    var database: String { directory.file("data/dialer.db") }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory.file(name)))
    }

    /// The `dialerd` that `swift build` put beside the test binary.
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("dialerd")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/dialerd")
    }

    /// Starts `dialerd ARGUMENTS` in the fixture's folder with the secrets' variables; standard error is kept.
    func start(_ arguments: [String]) throws -> (process: Process, stderr: Pipe) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, fixture in fixture }
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        return (process, stderr)
    }

    /// Runs `dialerd ARGUMENTS` to its end; returns its exit status and standard error.
    func dialerd(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let (process, pipe) = try start(arguments)
        let stderr = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// The outbox as stored: key → (channel, route, state, tries, last status, last error).
    func outbox() throws -> [String: (channel: String, route: String, state: String, tries: Int, status: Int?, error: String?)] {
        let store = try CampaignStore(path: database, now: Date(timeIntervalSince1970: 0))
        var entries: [String: (String, String, String, Int, Int?, String?)] = [:]
        for row in try store.connection.rows(
            "SELECT idempotency_key, channel, route, state, tries, last_status, last_error FROM outbox", [], {
                ($0.string(0), $0.string(1), $0.string(2), $0.string(3), $0.int(4), $0.optionalInt64(5).map(Int.init),
                 $0.optionalString(6))
            }) {
            entries[row.0] = (row.1, row.2, row.3, row.4, row.5, row.6)
        }
        return entries
    }

    /// One number from the database.
    func count(_ sql: String) throws -> Int {
        let store = try CampaignStore(path: database, now: Date(timeIntervalSince1970: 0))
        return try store.connection.firstRow(sql) { $0.int(0) } ?? 0
    }

    /// Runs `dialerd run` (the campaign paused: delivery only) until nothing is queued, napping between
    /// runs so retry waits pass on the daemon's clock; at most `runs` runs. Returns whether the queue emptied.
    func deliverTheRest(runs: Int = 20) throws -> Bool {
        for _ in 0..<runs {
            guard try count("SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')") > 0 else { return true }
            Thread.sleep(forTimeInterval: 0.2)  // two minutes of the daemon's clock: past every wait of the config
            _ = try dialerd(["run", "--config", config])
        }
        return try count("SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')") == 0
    }
}

/// What a test server answered, by idempotency key.
final class AcceptedKeys: Sendable {
    private let accepted = Mutex<[String: Int]>([:])

    func accept(_ key: String) { accepted.withLock { $0[key, default: 0] += 1 } }

    var counts: [String: Int] { accepted.withLock { $0 } }
}
