import Dialer
import Foundation

/// A Dialer installation next to a lab: a config naming the lab's pbx, one campaign whose
/// contacts are the lab's customers, a data folder; runs the built `dialerd` on it. Removed when released.
final class LabCampaign {
    /// One of the lab's customers: the number's last three digits are class, ring and talk seconds.
    enum Customer: Character, CaseIterable {
        case person = "1", machine = "2", busy = "3", congestion = "4", unallocated = "5", noAnswer = "6"
    }

    let directory: URL
    let lab: Lab
    /// The numbers of the list, in order, with the customer each plays.
    let contacts: [(number: String, customer: Customer)]

    /// `customers` as (class, ring seconds, talk seconds); `agents` the team (the lab's queue members);
    /// `channel` the lab's `TRUNK_TEMPLATE` or `LOCAL_TEMPLATE`.
    init(lab: Lab, agents: [String], customers: [(Customer, ring: Int, talk: Int)], channel: String,
         secret: String? = nil, amiPort: String? = nil, lines: Int = 30, callsPerSecond: Int = 20,
         extraTelephony: String = "") throws {
        self.lab = lab
        environment = ["DIALER_AMI_SECRET": secret ?? lab.secret]
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dialer-lab-" + UUID().uuidString)
        for folder in ["campaigns/lists", "data"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        var contacts: [(String, Customer)] = []
        var csv = "Name,Phone\n"
        for (index, customer) in customers.enumerated() {
            // +1 212 NXX kCRT: a valid New York number whose last three digits are the lab's class, ring and
            // talk (exchanges from 220 on: 211 is a service code, not a number).
            let number = "+1212\(220 + index / 10)\(index % 10)\(customer.0.rawValue)\(customer.ring)\(customer.talk)"
            contacts.append((number, customer.0))
            csv += "Contact \(index),\(number)\n"
        }
        self.contacts = contacts
        try Self.write(csv, to: "campaigns/lists/lab.csv", in: directory)
        let team = agents.map { "  agent \($0) \"\($0)\"" }.joined(separator: "\n")
        try Self.write("""
            team lab {
            \(team)
            }

            campaign lab {
              timezone UTC
              list "lists/lab.csv" {
                phone column "Phone"
                name  column "Name"
              }
              hours {
                mon-sun 00:00-24:00
              }
              dial progressive {
                team   lab
                ring   6s
              }
              retry {
                no-answer 1 times, wait 1m
                busy      1 times, wait 1m
                failed    1 times, wait 1m
                machine   1 times, wait 1m
                abandoned 1 times, wait 1m
              }
            }

            """, to: "campaigns/lab.campaign", in: directory)
        try Self.write("""
            database  "data/dialer.db"
            campaigns "campaigns"
            reports   "reports"
            log-level debug
            telephony asterisk {
              host     "127.0.0.1"
              port     \(amiPort ?? lab.amiPort)
              username "dialer"
              secret   env DIALER_AMI_SECRET
              channel  "\(channel)"
              queue    "campaign"
              lines    \(lines)
              calls-per-second \(callsPerSecond)
              max-queue-delay  5s
              reconnect-delay  1s
              max-reconnect-delay 2s
            \(extraTelephony)
            }

            """, to: "dialerd.conf", in: directory)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    let environment: [String: String]
    var config: String { directory.appendingPathComponent("dialerd.conf").path }
    var database: String { directory.appendingPathComponent("data/dialer.db").path }

    static func write(_ text: String, to name: String, in directory: URL) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    /// `dialerd ARGUMENTS` in the installation's folder, waited for.
    func dialerd(_ arguments: [String]) -> ChildProcess.Output {
        ChildProcess.run([Self.executable] + arguments, in: directory, environment: environment)
    }

    /// `dialerd serve`, running until stopped.
    func serve() throws -> ChildProcess.Running {
        try ChildProcess.start([Self.executable, "serve", "--config", config], in: directory, environment: environment)
    }

    /// Rows of a query on the campaign's database, each a list of columns (`sqlite3 -separator '|'`);
    /// read-only, so a query before `dialerd` made the database never leaves an empty file in its way.
    func query(_ sql: String) -> [[String]] {
        let result = ChildProcess.run(["sqlite3", "-readonly", "-separator", "|", database, sql])
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The one value of a query.
    func value(_ sql: String) -> String? { query(sql).first?.first }

    /// The customer a number plays.
    func customer(of number: String) -> Customer? {
        contacts.first { $0.number == number }?.customer
    }

    /// The `dialerd` that `swift build` made.
    static var executable: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = directory.appendingPathComponent("dialerd")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return Lab.repositoryRoot.appendingPathComponent(".build/debug/dialerd").path
    }
}
