import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Report call details: AMD verdicts, recordings, Ofcom's estimated false positives")
struct ReportCallDetailTests {
    /// Monday 2026-03-02 00:00 in Ho Chi Minh City (UTC+7).
    static let monday = Date(timeIntervalSince1970: 1_772_384_400)

    @Test(arguments: [UInt64(21), 22])
    func amdVerdictsAndRecordingsFromTheSimulatedNetworkLandInAttemptsCSVAndTheSummary(seed: UInt64) throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(agents: 3), contacts: 250, start: Self.monday)
        var parameters = SimulationParameters(seed: seed, personAnswerShare: 0.4, machineShare: 0.2, amd: true)
        parameters.amdFalsePositiveShare = 0.05
        parameters.recordings = true
        try fixture.run(parameters: parameters)
        let folder = fixture.directory.file("reports")
        let summary = try CampaignReports.write(store: fixture.store, campaign: fixture.campaign, range: .all, to: folder,
                                                formats: ReportSpec.Format.allCases).summary

        let stored = Dictionary(uniqueKeysWithValues: try fixture.store.connection.rows(
            "SELECT id, outcome, answered_at IS NOT NULL, amd_result, recording FROM attempts WHERE state = 'ended'"
        ) { (String($0.int64(0)), ($0.string(1), $0.int(2) == 1, $0.optionalString(3), $0.optionalString(4))) })
        let columns = AttemptsReport.columns
        let (id, amd, recording) = (0, try #require(columns.firstIndex(of: "amd")), try #require(columns.firstIndex(of: "recording")))
        let rows = try ReportReconciliationTests.rows(folder + "/attempts.csv")
        #expect(rows.count == stored.count)
        var verdicts: [String: Int] = [:]
        for row in rows {
            let call = try #require(stored[row[id]], "call \(row[id]) is in the store")
            #expect(row[amd] == call.2 ?? "", "the store's verdict, as written")
            #expect(row[recording] == call.3 ?? "")
            #expect(call.1 == (call.2 != nil), "AMD ran on every answered call, and on no other")
            if call.0 == "answered" { #expect(row[recording] == "simulated://recordings/\(row[id])") }
            if !call.1 { #expect(row[recording].isEmpty, "an unanswered call has no recording") }
            if !row[amd].isEmpty { verdicts[row[amd], default: 0] += 1 }
        }
        #expect(Set(verdicts.keys) == ["human", "machine"])
        #expect(summary.amd == verdicts)
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("Answering-machine detection ran on \(verdicts.values.reduce(0, +)) calls"))
        let machineVerdicts = try fixture.store.connection.firstRow(
            "SELECT COUNT(*) FROM attempts WHERE amd_result = 'machine' AND outcome <> 'machine'") { $0.int(0) }
        #expect(machineVerdicts == 0, "what AMD takes for a machine ends as a machine")
        let shares = try fixture.store.falsePositiveShares(campaign: fixture.campaign)
        #expect(shares.map(\.share) == [0.05], "the driver's false-positive share is noted once")
    }

    @Test func withoutAMDOrRecordingsTheColumnsStayEmpty() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(agents: 2), contacts: 60, start: Self.monday)
        try fixture.run(parameters: SimulationParameters(seed: 3, machineShare: 0.2))
        let folder = fixture.directory.file("reports")
        let summary = try CampaignReports.write(store: fixture.store, campaign: fixture.campaign, range: .all, to: folder,
                                                formats: [.csv, .json]).summary
        let rows = try ReportReconciliationTests.rows(folder + "/attempts.csv")
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.suffix(2) == ["", ""] })
        #expect(summary.amd.isEmpty)
    }

    /// Random histories of answers over days, with the driver's AMD false-positive share changing
    /// between runs: every daily Ofcom window of the report counts abandoned and answered persons
    /// exactly as the engine's abandon ledger counted them live, and as a ledger resumed from the store does.
    @Test func ofcomWindowsEqualTheAbandonLedgersCounts() throws {
        var random = SeededRandom(seed: 0x0FC0)
        for history in 0..<12 {
            var spec = EngineFixture.spec(timeZone: "Europe/London")
            spec.compliance = .ukOfcom
            let zone = try #require(TimeZone(identifier: "Europe/London"))
            let start = Date(timeIntervalSince1970: 1_772_409_600)  // Monday 2026-03-02 00:00 in London
            let fixture = try EngineFixture(spec: spec, contacts: 5, start: start)
            let jobs = try fixture.store.connection.rows("SELECT id, contact_id FROM jobs") { ($0.int64(0), $0.int64(1)) }
            let shares = [0, 0.01, 0.03, 0.08, 0.2]
            var ledger = AbandonLedger(windowDays: 1, falsePositiveShare: 0, timeZone: zone)
            var live: [String: (abandoned: Double, answered: Double)] = [:]
            var clock = ReportClock(zone: zone)
            let days = 2 + random.below(6)
            for day in 0..<days {
                let midnight = start.addingTimeInterval(Double(day) * 86_400)
                ledger.roll(to: midnight)
                if day == 0 || random.below(3) == 0 {
                    // A new run, maybe with another driver: it notes its share and resumes from the store.
                    let share = shares[random.below(shares.count)]
                    try fixture.store.noteFalsePositiveShare(campaign: fixture.campaign, share: share, at: midnight)
                    ledger = AbandonLedger(windowDays: 1, falsePositiveShare: share, timeZone: zone)
                    try ledger.resume(at: midnight, firstCall: try fixture.store.firstCallTime(campaign: fixture.campaign)) {
                        try fixture.store.answerCounts(campaign: fixture.campaign, since: $0)
                    }
                }
                var time = midnight.addingTimeInterval(9 * 3_600)
                for _ in 0..<random.below(120) {
                    time.addTimeInterval(Double(1 + random.below(200)))
                    let job = jobs[random.below(jobs.count)]
                    let draw = random.below(100)
                    let (outcome, agent): (String, String?) =
                        draw < 55 ? ("answered", "agent-1") : draw < 60 + history % 5 ? ("abandoned", nil)
                        : draw < 70 ? ("machine", "agent-2") : draw < 80 ? ("machine", nil) : ("no-answer", nil)
                    let answered: Date? = outcome == "no-answer" ? nil : time.addingTimeInterval(4)
                    try fixture.store.connection.run(
                        """
                        INSERT INTO attempts (campaign_id, job_id, number, state, placed_at, answered_at, ended_at, outcome, agent)
                        VALUES (?, ?, '+84911000000', 'ended', ?, ?, ?, ?, ?)
                        """,
                        [fixture.campaign, job.0, time, answered, time.addingTimeInterval(30), outcome, agent])
                    guard let answered else { continue }
                    switch (outcome, agent) {
                    case ("answered", _): ledger.recordConnected(at: answered)
                    case ("abandoned", _): ledger.recordAbandoned(at: answered)
                    case (_, _?):
                        ledger.recordConnected(at: answered)
                        ledger.recordMachineFound()
                    default: break
                    }
                }
                live[ReportClock.dayText(clock.localDayAndHour(midnight.timeIntervalSince1970).day)] = ledger.totals
            }
            var resumed = AbandonLedger(windowDays: 1, falsePositiveShare: ledger.falsePositiveShare, timeZone: zone)
            let lastEvening = start.addingTimeInterval(Double(days - 1) * 86_400 + 23 * 3_600)
            try resumed.resume(at: lastEvening, firstCall: try fixture.store.firstCallTime(campaign: fixture.campaign)) {
                try fixture.store.answerCounts(campaign: fixture.campaign, since: $0)
            }
            #expect(resumed.totals == ledger.totals, "the store holds what the ledger counted live")

            let abandon = try CampaignSummary(store: fixture.store, campaign: fixture.campaign).abandon
            for window in abandon.windows {
                #expect(window.first == window.last, "Ofcom's windows are days")
                let counted = try #require(live[window.first], "history \(history): a window on a day of calls")
                #expect(window.estimatedAbandoned == counted.abandoned, "history \(history), \(window.first)")
                #expect(window.estimatedPersons == counted.answered)
                #expect(window.rate == Ratio.of(counted.abandoned, counted.answered))
                #expect(window.overCap == (counted.abandoned * 100 > 3 * counted.answered))
            }
            let windowDays = Set(abandon.windows.map(\.first))
            #expect(live.filter { !windowDays.contains($0.key) }.allSatisfy { $0.value.answered == 0 },
                    "every day the ledger counted a person is a window")
        }
    }
}
