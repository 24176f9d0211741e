import Foundation
import Testing

@Suite struct SimulateCommandTests {
    /// A seeded run repeats call by call, the predictive pacer's decisions included.
    @Test(arguments: ["demo", "us-predictive"])
    func theSameSeedGivesByteIdenticalResults(campaign: String) throws {
        let directory = TemporaryDirectory()
        let file = "campaigns/\(campaign).campaign"
        let first = try Dialerd.run(["simulate", file, "--out", directory.path("A"), "--seed", "7"])
        let second = try Dialerd.run(["simulate", file, "--out", directory.path("B"), "--seed", "7"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        for report in ["results.csv", "attempts.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: directory.path("A/\(report)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: directory.path("B/\(report)")))
            #expect(!a.isEmpty)
            #expect(a == b, "\(report)")
        }
    }

    /// A large team repeats too: the pacer must see the calls and agents in an order of their own, not in
    /// the order of the engine's dictionaries, which changes from process to process (150 agents for an
    /// hour made 4 different attempts.csv in 5 runs when it did).
    @Test func aLargeTeamsSeededRunRepeats() throws {
        let directory = TemporaryDirectory()
        var list = "Name,Phone\n"
        for index in 0..<6_000 { list += "Customer \(index),0\(900_000_000 + index * 7_919 % 100_000_000)\n" }
        try list.write(toFile: directory.path("list.csv"), atomically: true, encoding: .utf8)
        let campaign = """
            campaign large-team {
              timezone Asia/Ho_Chi_Minh
              dates    2026-03-02 to 2026-03-02
              profile  us-tsr
              list "list.csv" {
                phone   column "Phone"
                name    column "Name"
                country VN
              }
              hours {
                mon 08:00-09:00
              }
              dial predictive {
                agents 150
              }
            }
            """
        try campaign.write(toFile: directory.path("large.campaign"), atomically: true, encoding: .utf8)
        var attempts: [Data] = []
        for run in ["A", "B"] {
            let output = try Dialerd.run(["simulate", directory.path("large.campaign"), "--out", directory.path(run),
                                          "--seed", "7", "--start", "2026-03-02"])
            #expect(output.status == 0, "\(output.stderr)")
            attempts.append(try Data(contentsOf: URL(fileURLWithPath: directory.path("\(run)/attempts.csv"))))
        }
        #expect(attempts[0].count > 100_000, "an hour of 150 agents' calls")
        #expect(attempts[0] == attempts[1], "attempts.csv differs between two runs of the same seed")
    }

    @Test func theDemoWritesResultsAndASummaryThatAgree() throws {
        let directory = TemporaryDirectory()
        let output = try Dialerd.run(["simulate", "campaigns/demo.campaign", "--out", directory.path("out"),
                                      "--seed", "3", "--start", "2026-03-02"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("results.csv"))
        #expect(output.stdout.contains("calls ended as machines;"), "the printout counts machines and AMD's mistakes")

        let summaryData = try Data(contentsOf: URL(fileURLWithPath: directory.path("out/summary.json")))
        let summary = try #require(try JSONSerialization.jsonObject(with: summaryData) as? [String: Any])
        for key in ["contacts", "attempts", "answered", "no_answer", "busy", "invalid", "abandoned", "abandon_rate",
                    "occupancy", "completed", "exhausted", "first_call", "last_call", "machine", "calls_by_outcome",
                    "abandon", "agents", "hours", "days", "surveys", "sms", "webhooks", "verdict"] {
            #expect(summary[key] != nil, "summary.json lacks \(key)")
        }
        let firstCall = try #require(summary["first_call"] as? String)
        #expect(firstCall.hasPrefix("2026-03-02T08:30:00+07:00"), "calls start when the hours open on the first day")

        let resultsData = try Data(contentsOf: URL(fileURLWithPath: directory.path("out/results.csv")))
        #expect(Array(resultsData.prefix(3)) == [0xEF, 0xBB, 0xBF], "results.csv starts with the UTF-8 byte-order mark for Excel")
        let results = String(decoding: resultsData.dropFirst(3), as: UTF8.self)
        let rows = results.split(separator: "\r\n")
        let header = "Customer ID,Full name,Mobile,Home,City,number_e164,status,attempts,last_outcome,note,"
            + "contact_id,agent,last_call,disposition,sms"
        #expect(rows.first.map(String.init) == header)
        #expect(rows.count - 1 == summary["contacts"] as? Int)
        let contacts = try #require(summary["contacts"] as? Int)
        let completed = try #require(summary["completed"] as? Int)
        let exhausted = try #require(summary["exhausted"] as? Int)
        let invalid = try #require(summary["invalid"] as? Int)
        let duplicate = try #require(summary["duplicate"] as? Int)
        #expect(completed + exhausted + invalid + duplicate == contacts, "every contact ends final")
        #expect(invalid >= 4, "the demo list holds invalid numbers")
        #expect(duplicate == 1)

        let attempts = try String(contentsOfFile: directory.path("out/attempts.csv"), encoding: .utf8)
        #expect(attempts.split(separator: "\r\n").count - 1 == summary["attempts"] as? Int)
        let html = try String(contentsOfFile: directory.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))

        let rejects = try String(contentsOfFile: directory.path("out/rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("252"), "the row without a phone number is rejected with its line")
    }

    @Test func theVietnameseCampaignsTextMessagesAreWrittenToTheOutboxFileAndCountedAsSent() throws {
        let directory = TemporaryDirectory()
        for run in 0..<2 {
            let output = try Dialerd.run(["simulate", "campaigns/vn-sms.campaign", "--out", directory.path("out"),
                                          "--seed", "4", "--start", "2026-03-02"])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains(directory.path("out/outbox.jsonl")))
            let lines = try String(contentsOfFile: directory.path("out/outbox.jsonl"), encoding: .utf8).split(separator: "\n")
            let keys = try lines.map { line in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["sender"] as? String == "ACME")
                #expect(object["encoding"] as? String == "UCS-2", "Vietnamese diacritics need UCS-2")
                return try #require(object["key"] as? String)
            }
            #expect(!keys.isEmpty)
            #expect(Set(keys).count == keys.count, "run \(run): each message once; a new run replaces the file")
            let summaryData = try Data(contentsOf: URL(fileURLWithPath: directory.path("out/summary.json")))
            let summary = try #require(try JSONSerialization.jsonObject(with: summaryData) as? [String: Any])
            let sms = try #require(summary["sms"] as? [String: Int])
            #expect(sms["sent"] == keys.count)
            #expect(sms["queued"] == 0 && sms["failed"] == 0)
            // vn-sms is written `language vi`: its summary is in Vietnamese.
            #expect(output.stdout.contains("tin nhắn:  đã gửi \(keys.count), lỗi 0"), "\(output.stdout)")
        }
    }

    @Test func aConfigNamesTheGatewayAndWebhooksWhoseFailuresAreCountedAndItsMistakesShown() throws {
        let directory = TemporaryDirectory()
        // Nothing listens on the webhook's port: every try is refused, and each result ends failed.
        try Data("""
            sms {
              outbox "sms.jsonl"
            }
            webhook crm "http://127.0.0.1:9/hooks" {
              secret  env TEST_SIM_SECRET
              deduplicates yes
              events  final
              tries   2
              backoff 1s to 1s
            }

            """.utf8).write(to: URL(fileURLWithPath: directory.path("sim.conf")))
        let output = try Dialerd.run(["simulate", "campaigns/vn-sms.campaign", "--out", directory.path("out"),
                                      "--seed", "4", "--start", "2026-03-02", "--config", directory.path("sim.conf")],
                                     environment: ["TEST_SIM_SECRET": "s"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = try String(contentsOfFile: directory.path("sms.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty, "the config's outbox file took the messages")
        let summaryData = try Data(contentsOf: URL(fileURLWithPath: directory.path("out/summary.json")))
        let summary = try #require(try JSONSerialization.jsonObject(with: summaryData) as? [String: Any])
        let webhooks = try #require(summary["webhooks"] as? [String: Int])
        #expect(webhooks["sent"] == 0 && (webhooks["failed"] ?? 0) > 0 && webhooks["queued"] == 0)
        #expect((summary["sms"] as? [String: Int])?["sent"] == lines.count)

        let unset = try Dialerd.run(["simulate", "campaigns/vn-sms.campaign", "--out", directory.path("out2"),
                                     "--config", directory.path("sim.conf")])
        #expect(unset.status == 2)
        #expect(unset.stderr.contains("not set: TEST_SIM_SECRET"))

        try Data("webhook crm \"http://127.0.0.1:9/hooks\" {\n  events finale\n}\n".utf8)
            .write(to: URL(fileURLWithPath: directory.path("bad.conf")))
        let bad = try Dialerd.run(["simulate", "campaigns/vn-sms.campaign", "--out", directory.path("out3"),
                                   "--config", directory.path("bad.conf")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.conf:2:10: error: unknown webhook event 'finale' [unknown-event]"), "\(bad.stderr)")
        #expect(bad.stderr.contains("did you mean `final`?"))
    }

    @Test func anExistingDatabaseIsNeverOverwritten() throws {
        let directory = TemporaryDirectory()
        let database = directory.path("live.db")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: database))
        let output = try Dialerd.run(["simulate", "campaigns/demo.campaign", "--out", directory.path("out"), "--db", database])
        #expect(output.status == 2)
        #expect(try String(contentsOfFile: database, encoding: .utf8) == "precious")
    }

    @Test func aCampaignWithErrorsExitsOneWithDiagnostics() throws {
        let directory = TemporaryDirectory()
        let file = directory.path("bad.campaign")
        try "campaign bad {\n  timezone Mars/Olympus\n}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let output = try Dialerd.run(["simulate", file, "--out", directory.path("out")])
        #expect(output.status == 1)
        #expect(output.stderr.contains("bad.campaign:2:"))
    }
}
