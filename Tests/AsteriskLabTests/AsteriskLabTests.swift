import Dialer
import Foundation
import Testing

/// `dialerd` against a real Asterisk 22: a pbx with AMD, the agents' queue and the safe-harbour
/// message, reached over AMI, dialing a carrier over a PJSIP trunk (or Local channels) on loopback.
/// Skipped, saying why, when no Asterisk is found (`Tests/AsteriskLab/lab.sh find`).
@Suite(.serialized, .enabled(if: Lab.isAvailable, "no Asterisk found: see Tests/AsteriskLab/README.md"))
struct AsteriskLabTests {
    typealias Customer = LabCampaign.Customer

    /// An attempt as the database holds it.
    struct Attempt {
        let number: String
        let outcome: String
        let cause: Int?
        let placedAt: Double
        let answeredAt: Double?
        let connectedAt: Double?
        let endedAt: Double
        let ringSeconds: Double?
        let amdSeconds: Double?
        let talkSeconds: Double?
        let agent: String?
        let amd: String?
    }

    static func attempts(_ campaign: LabCampaign) -> [Attempt] {
        campaign.query("""
            SELECT number, outcome, cause, placed_at, answered_at, connected_at, ended_at, ring_seconds, amd_seconds,
                   talk_seconds, agent, amd_result FROM attempts WHERE state = 'ended' ORDER BY id
            """).map { row in
            Attempt(number: row[0], outcome: row[1], cause: Int(row[2]), placedAt: Double(row[3]) ?? 0,
                    answeredAt: Double(row[4]), connectedAt: Double(row[5]), endedAt: Double(row[6]) ?? 0,
                    ringSeconds: Double(row[7]), amdSeconds: Double(row[8]), talkSeconds: Double(row[9]),
                    agent: row[10].isEmpty ? nil : row[10], amd: row[11].isEmpty ? nil : row[11])
        }
    }

    /// The most calls that were in the air at once that might still need an agent: placed, and not yet
    /// connected, ended, or found to be a machine (the dialplan hangs up on it).
    static func mostUnconnectedAtOnce(_ attempts: [Attempt]) -> Int {
        var edges: [(time: Double, change: Int)] = []
        for attempt in attempts {
            edges.append((attempt.placedAt, 1))
            let machine = attempt.outcome == "machine" ? attempt.answeredAt : nil
            edges.append((attempt.connectedAt ?? machine ?? attempt.endedAt, -1))
        }
        edges.sort { $0.time != $1.time ? $0.time < $1.time : $0.change < $1.change }
        var now = 0
        var most = 0
        for edge in edges {
            now += edge.change
            most = max(most, now)
        }
        return most
    }

    /// Law 4 on the PBX path: progressive never has more calls in the air than agents, counting
    /// answered calls not yet connected (AMD, the queue); nobody is abandoned; `status` agrees.
    @Test(arguments: [2, 5])
    func progressiveNeverOverDialsThroughTheQueue(agents count: Int) throws {
        let agents = Array(["an", "binh", "chi", "dung", "em"].prefix(count))
        let lab = try Lab(agents: agents)
        var customers: [(Customer, ring: Int, talk: Int)] = []
        for index in 0..<(count * 5) { customers.append((.person, ring: 1 + index % 3, talk: 1 + index % 3)) }
        customers += [(.machine, 1, 0), (.machine, 2, 0), (.busy, 0, 0), (.noAnswer, 0, 0)]
        let campaign = try LabCampaign(lab: lab, agents: agents, customers: customers, channel: lab.settings["TRUNK_TEMPLATE"] ?? "")
        let run = campaign.dialerd(["run", "--config", campaign.config, "--for", "4m"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr.suffix(3000))")

        let attempts = Self.attempts(campaign)
        #expect(attempts.count == customers.count, "every contact called once: \(attempts.count)")
        #expect(campaign.value("SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'dialing')") == "0")
        #expect(Self.mostUnconnectedAtOnce(attempts) <= count, "calls in the air without an agent")
        let persons = attempts.filter { campaign.customer(of: $0.number) == .person }
        let abandoned = persons.filter { $0.outcome == "abandoned" }
        #expect(abandoned.isEmpty, "abandoned: \(abandoned.map(\.number))")
        #expect(persons.allSatisfy { $0.outcome == "answered" && agents.contains($0.agent ?? "") })
        for person in persons {
            let talk = Double(String(person.number.last!))!
            // The lab's person says hello for 2 s then talks T s; the call is bridged at most a few seconds in.
            #expect((person.talkSeconds ?? -1) <= talk + 4, "talk time \(person.talkSeconds ?? -1) for T=\(talk)")
            #expect(person.amd == "human")
            #expect((1...4).contains(person.amdSeconds ?? 0), "AMD apart from ring: \(person.amdSeconds ?? -1)")
        }
        // Agents' logged-in time follows the queue: occupancy (talk and wrap-up over logged-in time) never above 1.
        let summaryPath = campaign.directory.appendingPathComponent("reports/lab/summary.json")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summaryPath)) as? [String: Any])
        let occupancies = (summary["agents"] as? [[String: Any]] ?? []).compactMap { $0["occupancy"] as? Double }
        #expect(occupancies.count == count && occupancies.allSatisfy { $0 > 0 && $0 <= 1 }, "occupancies \(occupancies)")
        let status = campaign.dialerd(["status", "--config", campaign.config, "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let first = try #require((json["campaigns"] as? [[String: Any]])?.first)
        #expect(first["attempts"] as? Int == attempts.count)
        #expect(first["answered"] as? Int == attempts.count { $0.outcome == "answered" })
        #expect(first["abandoned"] as? Int == abandoned.count)
    }

    /// Every outcome class over the SIP trunk and over Local channels: busy 17, congestion 34, no answer 19,
    /// unallocated 1 (the contact invalid, never dialed again), persons and machines by AMD.
    @Test(arguments: ["TRUNK_TEMPLATE", "LOCAL_TEMPLATE"])
    func everyOutcomeClassIsRecordedRight(channel: String) throws {
        let agents = ["an", "binh", "chi", "dung", "em"]
        let lab = try Lab(agents: agents)
        var customers: [(Customer, ring: Int, talk: Int)] = []
        for customer in Customer.allCases {
            for ring in 0..<3 { customers.append((customer, ring: customer == .person || customer == .machine ? 1 : ring, talk: 1)) }
        }
        let campaign = try LabCampaign(lab: lab, agents: agents, customers: customers, channel: lab.settings[channel] ?? "")
        let run = campaign.dialerd(["run", "--config", campaign.config, "--for", "3m"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr.suffix(3000))")
        Self.expectOutcomes(campaign, abandonedAllowed: false)
        for (number, customer) in campaign.contacts where customer == .unallocated {
            let state = campaign.value("SELECT j.state FROM jobs j JOIN contacts c ON c.id = j.contact_id WHERE c.phone_e164 = '\(number)'")
            #expect(state == "invalid")
        }
    }

    /// At least 100 calls of each class at once over the trunk: none misrecorded, none dialed twice.
    @Test func aBurstOfSixHundredCallsIsRecordedRight() throws {
        let agents = (0..<20).map { "ag" + String(UnicodeScalar(UInt8(97 + $0))) }
        let lab = try Lab(agents: agents)
        var customers: [(Customer, ring: Int, talk: Int)] = []
        for index in 0..<100 {
            for customer in Customer.allCases { customers.append((customer, ring: customer == .noAnswer ? 0 : index % 2, talk: 1)) }
        }
        let campaign = try LabCampaign(lab: lab, agents: agents, customers: customers,
                                       channel: lab.settings["TRUNK_TEMPLATE"] ?? "", lines: 60, callsPerSecond: 40)
        let run = campaign.dialerd(["run", "--config", campaign.config, "--for", "6m"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr.suffix(3000))")
        Self.expectOutcomes(campaign, abandonedAllowed: true)
    }

    /// Each contact called once, its outcome and cause as the lab's customer played it.
    static func expectOutcomes(_ campaign: LabCampaign, abandonedAllowed: Bool) {
        let attempts = attempts(campaign)
        #expect(attempts.count == campaign.contacts.count, "every contact called exactly once")
        #expect(Set(attempts.map(\.number)).count == attempts.count, "no number dialed twice")
        var wrong: [String] = []
        for attempt in attempts {
            guard let customer = campaign.customer(of: attempt.number) else { continue }
            let right: Bool = switch customer {
            case .person: attempt.outcome == "answered" || (abandonedAllowed && attempt.outcome == "abandoned")
            case .machine: attempt.outcome == "machine" && attempt.amd == "machine"
            case .busy: attempt.outcome == "busy" && attempt.cause == 17
            case .congestion: attempt.outcome == "failed" && attempt.cause == 34
            case .unallocated: attempt.outcome == "invalid" && attempt.cause == 1
            case .noAnswer: attempt.outcome == "no-answer" && attempt.cause == 19
            }
            if !right { wrong.append("\(customer) \(attempt.number): \(attempt.outcome)/\(attempt.cause.map(String.init) ?? "-")") }
        }
        #expect(wrong.isEmpty, "misrecorded: \(wrong.prefix(20))")
    }

    /// A refused login or a closed manager port: `run` records nothing, says why, logs errors, exits 2.
    @Test(arguments: [false, true])
    func anUnusablePBXDialsNothingAndRunExits2(closedPort: Bool) throws {
        let lab = try Lab(agents: ["an"])
        let port = closedPort ? String((Int(lab.amiPort) ?? 0) + 1) : lab.amiPort  // base+3: nothing listens
        let campaign = try LabCampaign(lab: lab, agents: ["an"], customers: [(.person, 1, 1), (.busy, 0, 0)],
                                       channel: lab.settings["TRUNK_TEMPLATE"] ?? "",
                                       secret: closedPort ? nil : "not-the-secret", amiPort: port)
        let run = campaign.dialerd(["run", "--config", campaign.config, "--for", "1m"])
        #expect(run.status == 2, "\(run.stdout)\n\(run.stderr.suffix(2000))")
        let why = closedPort ? "cannot connect to the Asterisk manager at 127.0.0.1:\(port)" : "Asterisk refused the login of manager user 'dialer'"
        #expect(run.stdout.contains("could not dial, the telephony is unavailable: \(why)"), "\(run.stdout)")
        #expect(run.stderr.contains("level=error"), "errors logged at error")
        #expect(campaign.value("SELECT COUNT(*) FROM attempts") == "0", "no attempt for a call never placed")
        #expect(campaign.value("SELECT COUNT(*) FROM jobs WHERE state = 'pending' AND attempts = 0") == "2")
    }

    /// `serve` killed while its calls ring or talk, and started again at once: it follows the calls its
    /// predecessor left (found again in Asterisk by their keys) and reads the queue's members before its
    /// first dial, so nobody answers into a queue without a free agent, and nobody is dialed twice.
    @Test func aRestartedServeWaitsForAgentsStillOnCalls() throws {
        let agents = ["an", "binh"]
        let lab = try Lab(agents: agents)
        var customers: [(Customer, ring: Int, talk: Int)] = [(.person, 1, 9), (.person, 1, 9)]
        for _ in 0..<6 { customers.append((.person, 1, 1)) }
        let campaign = try LabCampaign(lab: lab, agents: agents, customers: customers, channel: lab.settings["TRUNK_TEMPLATE"] ?? "")
        let first = try campaign.serve()
        #expect(Self.waitUntil(seconds: 60) { campaign.value("SELECT COUNT(*) FROM attempts WHERE connected_at IS NOT NULL") == "2" })
        first.stop(SIGKILL)
        let second = try campaign.serve()
        #expect(Self.waitUntil(seconds: 120) {
            campaign.value("SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'dialing')") == "0"
        }, "the campaign finishes after the restart")
        #expect(second.stop() == 0, "serve drains and exits 0 on SIGTERM")
        let attempts = Self.attempts(campaign)
        #expect(attempts.filter { $0.outcome == "abandoned" }.isEmpty,
                "abandoned: \(attempts.filter { $0.outcome == "abandoned" }.map(\.number))")
        #expect(attempts.count == customers.count, "nobody dialed twice")
        #expect(attempts.allSatisfy { $0.outcome == "answered" }, "the killed process's calls followed to their end: \(attempts.map(\.outcome))")
    }

    /// The pbx restarts under a running `serve`: `status` says the telephony is unavailable and why,
    /// the calls cut off are reconciled without counting the outage as talk, and dialing resumes by itself.
    @Test func serveRidesOutAPBXRestart() throws {
        let agents = ["an", "binh"]
        let lab = try Lab(agents: agents)
        var customers: [(Customer, ring: Int, talk: Int)] = [(.person, 1, 9), (.person, 1, 9)]
        for _ in 0..<4 { customers.append((.person, 1, 1)) }
        let campaign = try LabCampaign(lab: lab, agents: agents, customers: customers, channel: lab.settings["TRUNK_TEMPLATE"] ?? "")
        let serve = try campaign.serve()
        #expect(Self.waitUntil(seconds: 60) { campaign.value("SELECT COUNT(*) FROM attempts WHERE connected_at IS NOT NULL") == "2" })
        let restart = try lab.restart("pbx")
        var sawUnavailable = false
        #expect(Self.waitUntil(seconds: 30, every: 0.1) {
            let status = campaign.dialerd(["status", "--config", campaign.config])
            if status.stdout.contains("telephony-unavailable: ") { sawUnavailable = true }
            return sawUnavailable
        }, "status says the telephony is unavailable")
        #expect(restart.wait() == 0, "the pbx is back")
        #expect(Self.waitUntil(seconds: 120) {
            campaign.value("SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'dialing')") == "0"
        }, "dialing resumes and the campaign finishes")
        #expect(serve.stop() == 0, "serve drains and exits 0 on SIGTERM")
        let attempts = Self.attempts(campaign)
        for attempt in attempts where attempt.talkSeconds != nil {
            let talk = Double(String(attempt.number.last!))!
            #expect(attempt.talkSeconds! <= talk + 4, "talk \(attempt.talkSeconds!) s for a \(talk) s call: the outage is not talk")
        }
        #expect(attempts.count == customers.count, "nobody dialed twice")
    }

    /// Polls `condition` every `pause` seconds until it holds or `seconds` pass: a bound on a wait, not a measurement.
    static func waitUntil(seconds: TimeInterval, every pause: TimeInterval = 0.5, _ condition: () -> Bool) -> Bool {
        let limit = Date().addingTimeInterval(seconds)
        while Date() < limit {
            if condition() { return true }
            Thread.sleep(forTimeInterval: pause)
        }
        return condition()
    }
}
