import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Reports reconcile with the store")
struct ReportReconciliationTests {
    /// A synthetic campaign in a fresh database, with calls still in progress that no report may count.
    struct Fixture {
        let directory = TemporaryDirectory()
        let store: CampaignStore
        let campaign: Int64
        let zone: TimeZone

        init(seed: UInt64, compliance: ComplianceProfile = .usTSR) throws {
            zone = try #require(TimeZone(identifier: ReportBenchmarkData.timeZone))
            store = try CampaignStore(path: directory.file("r.db"), now: Date(timeIntervalSince1970: 0))
            let data = ReportBenchmarkData(contacts: 1_500 + Int(seed % 7) * 100, attempts: 4_000 + Int(seed % 5) * 500,
                                           agents: 6, days: 40, seed: seed, compliance: compliance)
            campaign = try data.fill(store, zone: zone)
            try store.connection.run(
                "INSERT INTO attempts (campaign_id, job_id, number, state, placed_at) SELECT ?, MIN(id), '+12125550100', 'dialing', ? FROM jobs",
                [campaign, 1_773_000_000.0])
        }

        func count(_ sql: String, _ values: [any SQLiteBindable] = []) throws -> Int {
            try store.connection.firstRow(sql, values) { $0.int(0) } ?? -1
        }

        func write(_ range: ReportRange = .all, to name: String = "out") throws -> (CampaignReports.Written, String) {
            let folder = directory.file(name)
            return (try CampaignReports.write(store: store, campaign: campaign, range: range, to: folder,
                                              formats: ReportSpec.Format.allCases), folder)
        }
    }

    /// The data rows of a CSV file the reports wrote (BOM and header dropped).
    static func rows(_ path: String) throws -> [[String]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(data.prefix(3)) == CSVWriter.byteOrderMark)
        return Array(try #require(StrictCSV.parse(Array(data.dropFirst(3)))).dropFirst())
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func summaryCountsEqualAttemptRowsEqualSQLCounts(seed: UInt64) throws {
        let fixture = try Fixture(seed: seed)
        let (written, folder) = try fixture.write()
        let summary = written.summary
        let ended = try fixture.count("SELECT COUNT(*) FROM attempts WHERE state = 'ended'")
        let calls = try Self.rows(folder + "/attempts.csv")
        #expect(summary.attempts == ended)
        #expect(calls.count == ended)
        #expect(Set(calls.map { $0[0] }).count == ended, "one row per call")

        let columns = AttemptsReport.columns
        let outcomeColumn = try #require(columns.firstIndex(of: "outcome"))
        var csvOutcomes: [String: Int] = [:]
        for row in calls { csvOutcomes[row[outcomeColumn], default: 0] += 1 }
        var sqlOutcomes: [String: Int] = [:]
        for (outcome, n) in try fixture.store.connection.rows(
            "SELECT outcome, COUNT(*) FROM attempts WHERE state = 'ended' GROUP BY outcome", [], { ($0.string(0), $0.int(1)) }) {
            sqlOutcomes[outcome] = n
        }
        #expect(summary.callsByOutcome == sqlOutcomes)
        #expect(csvOutcomes == sqlOutcomes)
        #expect(summary.answered == sqlOutcomes["answered"] ?? 0)
        #expect(summary.abandoned == sqlOutcomes["abandoned"] ?? 0)
        #expect(summary.machine == sqlOutcomes["machine"] ?? 0)

        #expect(summary.hours.map(\.calls).reduce(0, +) == ended)
        #expect(summary.days.map(\.calls).reduce(0, +) == ended)
        #expect(summary.agents.map(\.calls).reduce(0, +)
                == (try fixture.count("SELECT COUNT(*) FROM attempts WHERE state = 'ended' AND agent IS NOT NULL")))
        #expect(summary.abandon.windows.map(\.persons).reduce(0, +) == summary.answered + summary.abandoned)
        let talk = try fixture.store.connection.firstRow(
            "SELECT TOTAL(talk_seconds) FROM attempts WHERE outcome = 'answered'", []) { $0.double(0) } ?? -1
        #expect(summary.talkSeconds == talk.rounded())

        let contacts = try fixture.count("SELECT COUNT(*) FROM contacts")
        let results = try Self.rows(folder + "/results.csv")
        #expect(summary.contacts == contacts)
        #expect(results.count == contacts)
        let header = ["Customer ID", "Full name", "Phone", "City"] + ResultsReport.dialerColumns + ["disposition", "answer:renew", "sms"]
        #expect(results.allSatisfy { $0.count == header.count })
        let attemptsColumn = 4 + (try #require(ResultsReport.dialerColumns.firstIndex(of: "attempts")))
        #expect(results.map { Int($0[attemptsColumn]) ?? 0 }.reduce(0, +) == ended, "the attempts column adds up to every call")
        let smsSent = results.filter { $0.last == "sent" }.count
        #expect(smsSent == (try fixture.count("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND state = 'sent'")))
        #expect(summary.sms.sent == smsSent)
        #expect(summary.sms.total == (try fixture.count("SELECT COUNT(*) FROM outbox WHERE channel = 'sms'")))
        #expect(summary.completed + summary.exhausted + summary.invalid + summary.pending == contacts)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json")))
        let object = try #require(json as? [String: Any])
        #expect(object["attempts"] as? Int == ended)
        #expect(object["contacts"] as? Int == contacts)
    }

    @Test func aRangeCountsTheCallsPlacedOnItsDaysInTheCampaignsZone() throws {
        let fixture = try Fixture(seed: 9)
        var random = SeededRandom(seed: 9)
        for round in 0..<6 {
            let first = ReportClock.days(year: 2026, month: 3, day: 2) + random.below(38)
            func date(_ day: Int) -> LocalDate {
                let (year, month, dayOfMonth) = ReportClock.civil(fromDays: day)
                return LocalDate(year: year, month: month, day: dayOfMonth)
            }
            let range = ReportRange(from: date(first), to: date(first + random.below(10)))
            let (written, folder) = try fixture.write(range, to: "range\(round)")
            let (start, end) = range.interval(in: fixture.zone)
            let expected = try fixture.count(
                "SELECT COUNT(*) FROM attempts WHERE state = 'ended' AND placed_at >= ? AND placed_at < ?", [start, end])
            #expect(written.summary.attempts == expected)
            let calls = try Self.rows(folder + "/attempts.csv")
            #expect(calls.count == expected)
            let placed = try #require(AttemptsReport.columns.firstIndex(of: "placed_at"))
            let days = Set(calls.map { String($0[placed].prefix(10)) })
            #expect(days.allSatisfy { $0 >= range.from?.description ?? "" && $0 <= range.to?.description ?? "" },
                    "every call's local day is in the range")
            #expect(written.summary.days.allSatisfy { days.contains($0.day ?? "") })
            #expect(written.summary.from == range.from?.description)
        }
    }

    @Test func anOfcomCampaignHasOneWindowPerCalendarDayAndReportsTheWorst() throws {
        let fixture = try Fixture(seed: 5, compliance: .ukOfcom)
        let (written, _) = try fixture.write()
        let abandon = written.summary.abandon
        #expect(abandon.windowDays == 1)
        #expect(abandon.windows.count == written.summary.days.count)
        #expect(abandon.windows.allSatisfy { $0.first == $0.last })
        let worst = try #require(abandon.worst)
        #expect(worst.rate == abandon.windows.map(\.rate).max())
        // The synthetic campaign abandons 12 of 312 persons (3.8 %): over the 3 % cap somewhere.
        #expect(abandon.overCap)
        #expect(written.summary.verdict?.status == .overCap)
        #expect(written.summary.verdict?.headline.contains("cap 3 %") == true)
    }

    @Test func aCampaignWithoutCallsSaysNothingWasDialed() throws {
        let fixture = try Fixture(seed: 4)
        let (written, folder) = try fixture.write(.day(LocalDate(year: 2027, month: 1, day: 1)))
        #expect(written.summary.attempts == 0)
        #expect(written.summary.verdict?.status == .nothingDialed)
        #expect(try Self.rows(folder + "/attempts.csv").isEmpty)
        #expect(written.summary.firstCall == nil)
    }

    @Test func dispositionsAndSurveyAnswersFromAgentsReachResultsAndSummary() throws {
        let fixture = try Fixture(seed: 12)
        var random = SeededRandom(seed: 12)
        let db = fixture.store.connection
        var latest: [Int64: (disposition: String, answer: String)] = [:]
        for round in 0..<600 {
            let contact = Int64(1 + random.below(300))
            let disposition = ["sale", "no-sale", "callback"][random.below(3)]
            let answer = ["yes", "no"][random.below(2)]
            try db.run(
                """
                INSERT INTO outcomes (campaign_id, contact_id, agent, disposition, source, recorded_at)
                VALUES (?, ?, 'agent-1', ?, 'agent', ?)
                """,
                [fixture.campaign, contact, disposition, 1_772_500_000.0 + Double(round)])
            try db.run("INSERT INTO survey_answers (outcome_id, contact_id, question, answer) VALUES (?, ?, 'renew', ?)",
                       [db.lastInsertRowID, contact, answer])
            latest[contact] = (disposition, answer)
        }
        let (written, folder) = try fixture.write()
        let results = try Self.rows(folder + "/results.csv")
        let header = ["Customer ID", "Full name", "Phone", "City"] + ResultsReport.dialerColumns
        let contactColumn = try #require(header.firstIndex(of: "contact_id"))
        for row in results {
            let contact = try #require(Int64(row[contactColumn]))
            #expect(row[header.count] == latest[contact]?.disposition ?? "", "disposition of contact \(contact)")
            #expect(row[header.count + 1] == latest[contact]?.answer ?? "", "answer of contact \(contact)")
        }
        var dispositions: [String: Int] = [:]
        for (name, n) in try db.rows("SELECT disposition, COUNT(*) FROM outcomes GROUP BY disposition", [], {
            ($0.string(0), $0.int(1))
        }) { dispositions[name] = n }
        #expect(written.summary.dispositions == dispositions)
        let renew = try #require(written.summary.surveys.first { $0.question == "renew" })
        #expect(renew.answered == 600)
        #expect(renew.answers.map(\.count).reduce(0, +) == 600)
        #expect(renew.answers.first { $0.answer == "yes" }?.count
                == (try fixture.count("SELECT COUNT(*) FROM survey_answers WHERE answer = 'yes'")))
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("Will you renew?"))
    }
}
