import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder laid out as an operator would: a config, a campaigns folder with one
/// campaign, its list and a do-not-call file, and a data folder for the database.
struct OperationsFixture {
    let directory = TemporaryDirectory()
    /// The list's numbers (E.164), and those of them on the do-not-call file.
    let numbers: [String]
    let doNotCall: Set<String>

    static let campaign = """
        campaign torture {
          timezone Asia/Ho_Chi_Minh
          list "lists/contacts.csv" {
            phone column "Phone"
            name  column "Name"
            country VN
          }
          dnc "dnc/opt-outs.txt"
          hours {
            mon-fri 08:30-12:00, 12:30-17:00
          }
          callee-hours 08:00-17:00
          dial progressive {
            agents 10
          }
          retry {
            no-answer 3 times, wait 20m
            busy      2 times, wait 10m
            at-most   2 attempts per day
            at-most   4 attempts in total
          }
        }

        """

    /// Writes the files: `contacts` numbers, one in ten of them on the DNC file; time runs `timeScale` times faster.
    init(contacts: Int, seed: UInt64, timeScale: Int = 600, logLevel: String = "warning") throws {
        var random = SplitMix64(seed: seed)
        var numbers: [String] = []
        var seen = Set<String>()
        while numbers.count < contacts {
            let number = "+8490" + String(format: "%07d", Int(random.next() % 10_000_000))
            if seen.insert(number).inserted { numbers.append(number) }
        }
        self.numbers = numbers
        doNotCall = Set(numbers.enumerated().filter { $0.offset % 10 == 3 }.map(\.element))
        let files = FileManager.default
        for folder in ["campaigns/lists", "campaigns/dnc", "data"] {
            try files.createDirectory(atPath: directory.path(folder), withIntermediateDirectories: true)
        }
        var csv = "Name,Phone\n"
        for (index, number) in numbers.enumerated() { csv += "Contact \(index),\(number)\n" }
        try write(csv, to: "campaigns/lists/contacts.csv")
        try write(doNotCall.sorted().joined(separator: "\n") + "\n", to: "campaigns/dnc/opt-outs.txt")
        try write(Self.campaign, to: "campaigns/torture.campaign")
        try write("""
            database  "data/dialer.db"
            campaigns "campaigns"
            reports   "reports"
            log-level \(logLevel)
            telephony simulated {
              seed       \(seed)
              time-scale \(timeScale)
              start      2026-03-02 08:20 Asia/Ho_Chi_Minh
            }

            """, to: "dialerd.conf")
    }

    var config: String { directory.path("dialerd.conf") }
    var database: String { directory.path("data/dialer.db") }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory.path(name)))
    }

    /// Runs dialerd in the fixture's folder.
    func dialerd(_ arguments: [String]) throws -> Dialerd.Output {
        try Dialerd.run(arguments, in: directory.url)
    }

    /// Starts `dialerd ARGUMENTS` in the fixture's folder, output discarded, and returns the running process.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Dialerd.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// One query's rows through the sqlite3 shell (read-only), fields split on `|`.
    func query(_ sql: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", database, sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError("sqlite3 failed on: \(sql)") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Changes the database through the sqlite3 shell, as an agent's tool or an operator might.
    func write(_ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", database, sql]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError("sqlite3 failed on: \(sql)") }
    }

    /// A single number from a query.
    func count(_ sql: String) throws -> Int {
        guard let text = try query(sql).first?.first, let value = Int(text) else { throw FixtureError("no number from: \(sql)") }
        return value
    }

    /// Whether the sqlite3 shell is installed (the checks read the database with it, independently of dialerd).
    static var hasSQLiteShell: Bool {
        ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
