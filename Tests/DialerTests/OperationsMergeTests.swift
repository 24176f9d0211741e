@testable import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// Recompiling a changed campaign merges it into the stored one.
@Suite struct OperationsMergeTests {
    let directory = TemporaryDirectory()
    let start = Date(timeIntervalSince1970: 1_772_000_000)

    static let campaign = """
        campaign merging {
          timezone Asia/Ho_Chi_Minh
          list "contacts.csv" {
            phone column "Phone"
            name  column "Name"
            country VN
          }
          dnc "opt-outs.txt"
          hours {
            mon-fri 08:00-17:00
          }
          dial progressive {
            agents 2
          }
        }

        """

    private func number(_ index: Int) -> String { "+8490\(String(1_000_000 + index).suffix(7))" }

    private func write(contacts: [Int], doNotCall: [Int] = []) throws {
        let csv = "Name,Phone\n" + contacts.map { "Contact \($0),\(number($0))\n" }.joined()
        try Data(csv.utf8).write(to: URL(fileURLWithPath: directory.file("contacts.csv")))
        let dnc = doNotCall.map { number($0) + "\n" }.joined()
        try Data(dnc.utf8).write(to: URL(fileURLWithPath: directory.file("opt-outs.txt")))
        try Data(Self.campaign.utf8).write(to: URL(fileURLWithPath: directory.file("merging.campaign")))
    }

    private func install(_ store: CampaignStore) throws -> InstallOutcome {
        try CampaignInstaller(store: store, cacheDirectory: nil, logger: .silent)
            .install(CampaignSource.load(path: directory.file("merging.campaign")), at: start).outcome
    }

    private func jobStates(_ store: CampaignStore) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try store.connection.rows(
            "SELECT c.phone_e164, j.state FROM contacts c JOIN jobs j ON j.contact_id = c.id", []) { ($0.string(0), $0.string(1)) })
    }

    @Test func aChangedListAddsCancelsBlocksAndKeepsHistory() throws {
        try write(contacts: Array(0..<10))
        let store = try CampaignStore(path: directory.file("merge.db"), now: start)
        guard case .compiled(let first) = try install(store) else { Issue.record("not compiled"); return }
        #expect(first.contacts == 10)
        let campaign = try #require(try store.campaignID(named: "merging"))
        // Contact 0 was called once and did not answer: that history must survive the merge.
        let job = try #require(try store.dueJobs(campaign: campaign, at: start, limit: 100).first { $0.number == number(0) })
        let call = try store.beginAttempt(campaign: campaign, job: job, agent: nil, at: start)
        try store.finishAttempt(
            AttemptResult(call: call, job: job.job, outcome: .noAnswer, cause: .noAnswer, answeredAt: nil, connectedAt: nil,
                          endedAt: start.addingTimeInterval(30), ringSeconds: 30, talkSeconds: nil, agent: nil),
            jobState: .pending, nextAt: start.addingTimeInterval(3600))
        #expect(try install(store).isUnchanged, "an unchanged file is left alone")

        // 2 and 3 leave the list, 10 and 11 join, 4 goes on the do-not-call list.
        try write(contacts: [0, 1] + Array(4..<12), doNotCall: [4])
        guard case .merged(let merge) = try install(store) else { Issue.record("not merged"); return }
        #expect(merge.added == 2)
        #expect(merge.cancelled == 2)
        #expect(merge.blocked == 1)
        #expect(merge.kept == 8)
        let states = try jobStates(store)
        #expect(states[number(2)] == "cancelled" && states[number(3)] == "cancelled")
        #expect(states[number(4)] == "dnc")
        #expect(states[number(10)] == "pending" && states[number(11)] == "pending")
        #expect(try store.history(job: job.job).map(\.outcome) == [.noAnswer], "history kept")
        #expect(try store.connection.firstRow("SELECT attempts FROM jobs WHERE id = ?", [job.job]) { $0.int(0) } == 1)
        #expect(try store.connection.firstRow("SELECT COUNT(*) FROM contacts", []) { $0.int(0) } == 12)

        // 2 comes back: pending again, not a second contact.
        try write(contacts: [0, 1, 2] + Array(4..<12), doNotCall: [4])
        guard case .merged(let again) = try install(store) else { Issue.record("not merged"); return }
        #expect(again.restored == 1 && again.added == 0)
        #expect(try jobStates(store)[number(2)] == "pending")
        #expect(try store.connection.firstRow("SELECT COUNT(*) FROM contacts", []) { $0.int(0) } == 12)
    }

    @Test func aContactAddedOverTheAPIIsNotCancelledByAMerge() throws {
        try write(contacts: [1, 2])
        let store = try CampaignStore(path: directory.file("test.db"), now: start)
        _ = try install(store)
        let stored = try #require(try store.storedCampaign(named: "merging"))
        let spec = try JSONDecoder().decode(CampaignSpec.self, from: Data(stored.specJSON.utf8))
        let compiler = CampaignCompiler(spec: spec, store: store,
                                        doNotCall: try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil))
        let verdicts = try compiler.addAPIContacts([APIContactRow(externalID: "crm-1", fields: ["Phone": number(9)])],
                                                   campaign: stored.id, at: start)
        guard case .added = verdicts.first else { Issue.record("not added: \(verdicts)"); return }
        try write(contacts: [1, 3], doNotCall: [])
        guard case .merged(let report) = try install(store) else { Issue.record("not merged"); return }
        #expect(report.cancelled == 1, "contact 2 left the list")
        #expect(try jobStates(store)[number(9)] == "pending", "the API's contact is in no list, and stays")
        #expect(try store.apiContact(campaign: stored.id, externalID: "crm-1")?.state == .pending)
    }

    @Test func aFileWithErrorsIsNotInstalledAndTheStoredVersionStays() throws {
        try write(contacts: Array(0..<3))
        let store = try CampaignStore(path: directory.file("merge.db"), now: start)
        let first = try install(store)
        guard case .compiled = first else { Issue.record("not compiled: \(first)"); return }
        try Data("campaign merging {\n  timezone Mars/Olympus\n}\n".utf8)
            .write(to: URL(fileURLWithPath: directory.file("merging.campaign")))
        guard case .hasErrors(let check) = try install(store) else { Issue.record("installed a broken file"); return }
        #expect(check.hasErrors)
        #expect(try jobStates(store).count == 3)
    }
}

extension OperationsMergeTests {
    @Test func twoFilesNamingTheSameCampaignAreNotMergedIntoEachOther() throws {
        try write(contacts: Array(0..<3))
        let store = try CampaignStore(path: directory.file("merge.db"), now: start)
        _ = try install(store)
        try Data((Self.campaign + "# a copy\n").utf8).write(to: URL(fileURLWithPath: directory.file("copy.campaign")))
        let outcome = try CampaignInstaller(store: store, cacheDirectory: nil, logger: .silent)
            .install(CampaignSource.load(path: directory.file("copy.campaign")), at: start).outcome
        guard case .failed(let message) = outcome else { Issue.record("the copy was installed"); return }
        #expect(message.contains("campaign names must be unique"))
    }
}

extension OperationsMergeTests {
    @Test func aFullDiskStopsTheInstallNamingTheFolderAndLeavesNothingHalfWritten() throws {
        try write(contacts: Array(0..<2_000))
        let store = try CampaignStore(path: directory.file("merge.db"), now: start)
        let pages = try store.connection.firstRow("PRAGMA page_count") { $0.int(0) } ?? 0
        try store.connection.execute("PRAGMA max_page_count = \(pages + 4)")
        let error = #expect(throws: DatabaseProblem.self) { try install(store) }
        #expect(error?.kind == .diskFull)
        #expect(error?.description.contains("the disk holding \(directory.path) is full") == true)
        #expect(error?.description.contains("could not write the campaign merging") == true)
        #expect(try store.storedCampaigns().isEmpty, "the compile was rolled back whole")
        #expect(try store.connection.firstRow("SELECT COUNT(*) FROM contacts") { $0.int(0) } == 0)
    }
}

extension InstallOutcome {
    var isUnchanged: Bool { if case .unchanged = self { true } else { false } }
}
