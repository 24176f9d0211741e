import CampaignDSL
import Foundation
import Testing
@testable import Dialer

/// A preview campaign compiled from files: two agents, dispositions with every flag, a survey, an SMS on
/// `done`; contacts in London and New York. Mondays 2026-03-09 (UK on GMT, New York already on EDT).
struct AgentCampaign {
    static let source = """
        campaign renewals {
          timezone Europe/London
          dates    2026-03-02 to 2026-03-31
          list "list.csv" {
            phone    column "Phone"
            name     column "Name"
            agent    column "Owner"
            timezone column "TZ"
            country  GB
          }
          hours { mon-fri 08:00-24:00 }
          callee-hours 08:00-21:00
          dial preview {
            team    care
            assigned
            preview 10s
          }
          retry { no-answer 3 times, wait 2h }
          dispositions {
            done     "Done"        success final
            callback "Call back"   callback
            refused  "Refused"     final
            remove   "Never again" do-not-call final
            chat     "Chatted"
          }
          survey s {
            ask rating "Rate us" scale 1-5
            ask renew  "Renew?"  yes/no
            ask why    "Why not?" text when renew = no optional
          }
          sms { on disposition done "Thanks {name}" }
        }

        team care {
          agent amelia "Amelia Hughes"
          agent george "George Walker"
        }
        """
    /// Monday 2026-03-09 12:00 UTC.
    static let monday = Date(timeIntervalSince1970: 1_773_057_600)

    let directory = TemporaryDirectory()
    let store: CampaignStore
    let campaign: CompiledCampaign

    /// `rows`: (name, phone, owner, zone) for the list.
    init(name: String = "renewals", rows: [(String, String, String, String)], source: String = AgentCampaign.source) throws {
        var csv = "Name,Phone,Owner,TZ\n"
        for row in rows { csv += "\"\(row.0)\",\(row.1),\(row.2),\(row.3)\n" }
        try csv.write(toFile: directory.file("list.csv"), atomically: true, encoding: .utf8)
        try source.replacingOccurrences(of: "campaign renewals", with: "campaign \(name)")
            .write(toFile: directory.file("c.campaign"), atomically: true, encoding: .utf8)
        _ = try CampaignCompilation.compile(file: directory.file("c.campaign"), databasePath: directory.file("test.db"),
                                            cacheDirectory: nil, at: Self.monday)
        store = try CampaignStore(path: directory.file("test.db"), now: Self.monday)
        campaign = try #require(try store.compiledCampaign(named: name))
    }

    var databasePath: String { directory.file("test.db") }

    /// The contact ids in list order.
    func contacts() throws -> [Int64] {
        try store.connection.rows("SELECT id FROM contacts WHERE campaign_id = ? ORDER BY line", [campaign.id]) { $0.int64(0) }
    }

    func jobState(contact: Int64) throws -> String? {
        try store.connection.firstRow("SELECT state FROM jobs WHERE contact_id = ?", [contact]) { $0.string(0) }
    }

    /// Counts of rows in the tables an import writes, to see that a second import changes nothing.
    func tableCounts() throws -> [Int] {
        try ["outcomes", "survey_answers", "attempts", "dnc_internal", "outbox"].map { table in
            try store.connection.firstRow("SELECT COUNT(*) FROM \(table)") { $0.int(0) } ?? -1
        }
    }

    /// Writes an import file with the columns given and these rows; returns its path.
    func sheet(_ header: [String], _ rows: [[String]]) throws -> String {
        let path = directory.file("sheet-\(UUID().uuidString).csv")
        var writer = try CSVWriter(path: path)
        try writer.writeRow(header)
        for row in rows { try writer.writeRow(row) }
        try writer.close()
        return path
    }

    static let londonRows: [(String, String, String, String)] = [
        ("Ann", "020 7391 8785", "amelia", "Europe/London"),
        ("Ben", "07983 982258", "george", "Europe/London"),
        ("Cat", "07861 825128", "amelia", "Europe/London"),
        ("Dan", "07777 358662", "george", "Europe/London"),
        ("Eve", "020 7062 3120", "amelia", "America/New_York"),
        ("Fay", "07983 735403", "george", "America/New_York"),
    ]
}

@Suite("Agents: importing call sheets")
struct AgentImportTests {
    static let header = ["campaign", "row_key", "agent", "disposition", "answer:rating", "answer:renew", "answer:why",
                         "callback", "callback_by", "opt_out"]

    @Test func mixedRowsApplyTheGoodOnesAndReportEachBadOneWithItsLine() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        let ids = try fixture.contacts()
        func key(_ index: Int) -> String { "renewals/\(ids[index])/0" }
        let path = try fixture.sheet(Self.header, [
            ["renewals", key(0), "amelia", "done", "5", "yes", "", "", "", ""],                       // line 2: good
            ["renewals", key(1), "george", "sold", "", "", "", "", "", ""],                           // line 3: unknown disposition
            ["renewals", key(2), "amelia", "done", "7", "", "", "", "", ""],                          // line 4: out of range
            ["renewals", key(3), "george", "refused", "3", "yes", "too dear", "", "", ""],            // line 5: condition
            ["renewals", key(3), "george", "callback", "", "", "", "2026-03-09 21:30", "", ""],       // line 6: callee's night
            ["renewals", key(5), "george", "callback", "", "", "", "2026-03-09 18:00", "anyone", ""], // line 7: good
            ["renewals", key(2), "amelia", "", "", "", "", "", "", ""],                               // line 8: blank
        ])
        let report = try OutcomeImport.importFile(path, databasePath: fixture.databasePath,
                                                  messaging: .offline(outboxPath: "unused"), at: AgentCampaign.monday)
        #expect(report.applied == 2)
        #expect(report.blank == 1)
        #expect(report.errors.map(\.line) == [3, 4, 5, 6])
        #expect(report.errors[0].description.hasPrefix(path + ":3: unknown disposition 'sold'"))
        #expect(report.errors[1].message.contains("'7' is not an answer to rating (1 to 5)"))
        #expect(report.errors[2].message.contains("why is asked only when renew = no"))
        #expect(report.errors[3].message.contains("outside-callee-window"))
        #expect(report.errors[3].message.contains("the next allowed time is 2026-03-10 08:00"))
        #expect(try fixture.jobState(contact: ids[0]) == "completed")
        #expect(try fixture.jobState(contact: ids[1]) == "pending")
        #expect(try fixture.jobState(contact: ids[4]) == "pending")
        // The good callback: pending at 18:00 New York time (22:00 UTC), for anyone.
        let callback = try fixture.store.connection.firstRow(
            "SELECT next_at, callback_agent FROM jobs WHERE contact_id = ?", [ids[5]]) { ($0.date(0), $0.optionalString(1)) }
        #expect(callback?.0 == Date(timeIntervalSince1970: 1_773_093_600))
        #expect(callback?.1 == nil)
        // The SMS on `done` was enqueued with the outcome.
        #expect(try fixture.store.connection.firstRow("SELECT trigger FROM outbox") { $0.string(0) } == "sms:disposition:done")
    }

    @Test func importingTheSameSheetTwiceChangesNothing() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        let ids = try fixture.contacts()
        let path = try fixture.sheet(Self.header, [
            ["renewals", "renewals/\(ids[0])/0", "amelia", "done", "4", "no", "price", "", "", ""],
            ["renewals", "renewals/\(ids[1])/0", "george", "chat", "", "", "", "", "", "yes"],
            ["renewals", "renewals/\(ids[2])/0", "amelia", "callback", "", "", "", "2026-03-10 10:00", "", ""],
        ])
        let first = try OutcomeImport.importFile(path, databasePath: fixture.databasePath,
                                                 messaging: .offline(outboxPath: "unused"), at: AgentCampaign.monday)
        #expect(first.applied == 3 && !first.hasErrors)
        let counts = try fixture.tableCounts()
        let states = try ids.map { try fixture.jobState(contact: $0) }
        let second = try OutcomeImport.importFile(path, databasePath: fixture.databasePath,
                                                  messaging: .offline(outboxPath: "unused"), at: AgentCampaign.monday.addingTimeInterval(60))
        #expect(second.applied == 0)
        #expect(second.alreadyImported == 3)
        #expect(try fixture.tableCounts() == counts)
        #expect(try ids.map { try fixture.jobState(contact: $0) } == states)
    }

    @Test func aSheetOfAnotherShapeIsOneErrorOnItsHeader() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        let path = try fixture.sheet(["Name", "Phone"], [["Ann", "020 7391 8785"]])
        let report = try OutcomeImport.importFile(path, databasePath: fixture.databasePath,
                                                  messaging: .offline(outboxPath: "unused"), at: AgentCampaign.monday)
        #expect(report.errors.map(\.line) == [1])
        #expect(report.applied == 0)
    }

    @Test func rowsNamingAnotherCampaignOrAStrangeKeyAreRefused() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        let ids = try fixture.contacts()
        let path = try fixture.sheet(Self.header, [
            ["elsewhere", "elsewhere/\(ids[0])/0", "amelia", "done", "", "", "", "", "", ""],
            ["renewals", "renewals/999999/0", "amelia", "done", "", "", "", "", "", ""],
            ["renewals", "renewals/x", "amelia", "done", "", "", "", "", "", ""],
            ["renewals", "renewals/\(ids[0])/0", "amelia", "done", "", "", "", "soon", "", "maybe"],
            ["renewals", "renewals/\(ids[1])/0", "zoe", "done", "", "", "", "", "", ""],
        ])
        let report = try OutcomeImport.importFile(path, databasePath: fixture.databasePath,
                                                  messaging: .offline(outboxPath: "unused"), at: AgentCampaign.monday)
        #expect(report.applied == 0)
        #expect(report.errors.map(\.line) == [2, 3, 4, 5, 5, 6])
        #expect(report.errors[0].message == "no campaign 'elsewhere' in this database")
        #expect(report.errors[5].message == "agent 'zoe' is not an agent of renewals")
    }
}
