import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `dialerd` binary dialing a simulated campaign in (scaled) real time,
/// killed with SIGKILL at random moments and restarted each time: afterwards the
/// database must show every call recorded once, no contact over its limits, no
/// call to a do-not-call number or outside the hours, and an intact file.
@Suite(.serialized) struct TortureTests {
    static let kills = 22

    @Test func killedAtRandomMomentsTheDialerNeverLosesNorRepeatsACall() throws {
        try #require(OperationsFixture.hasSQLiteShell, "the checks read the database with the sqlite3 shell (apt-get install sqlite3)")
        let fixture = try OperationsFixture(contacts: 1000, seed: 11)
        var random = SplitMix64(seed: 2026)
        var killed = 0
        var attemptsAtKills: [Int] = []
        for _ in 0..<(Self.kills * 3) where killed < Self.kills {
            let process = try fixture.start(["run", "--config", fixture.config, "--for", "2h"])
            let wait = 0.1 + Double(random.next() % 900) / 1000
            Thread.sleep(forTimeInterval: wait)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: fixture.database) {
                attemptsAtKills.append(try fixture.count("SELECT COUNT(*) FROM attempts"))
            }
        }
        #expect(killed >= 20, "the dialer was killed \(killed) times")

        let last = try fixture.dialerd(["run", "--config", fixture.config, "--for", "30m"])
        #expect(last.status == 0, "\(last.stderr)")
        let attempts = try fixture.count("SELECT COUNT(*) FROM attempts")
        let midway = attemptsAtKills[safe: attemptsAtKills.count / 2] ?? 0
        #expect(midway > 0 && attempts > midway, "the campaign went on dialing across the restarts")

        // The file is intact.
        #expect(try fixture.query("PRAGMA integrity_check") == [["ok"]])
        // Every attempt is recorded once and ended; none was left in flight.
        #expect(try fixture.count("SELECT COUNT(*) FROM attempts WHERE state <> 'ended' OR outcome IS NULL") == 0)
        #expect(try fixture.count("""
            SELECT COUNT(*) FROM jobs j WHERE attempts <> (SELECT COUNT(*) FROM attempts a WHERE a.job_id = j.id)
            """) == 0, "each job's attempt counter equals its attempt rows")
        #expect(try fixture.count("""
            SELECT COUNT(*) FROM attempts a JOIN attempts b ON a.job_id = b.job_id AND a.id < b.id AND b.placed_at < a.ended_at
            """) == 0, "no contact was dialed again while an earlier call to it was in flight")
        #expect(try fixture.count("SELECT COUNT(*) FROM jobs WHERE state = 'dialing'") == 0)
        let unknown = try fixture.count("SELECT COUNT(*) FROM attempts WHERE outcome = 'unknown'")
        #expect(unknown > 0, "some kills landed while calls were in flight (they end as unknown)")
        // No contact over its limits.
        #expect(try fixture.count("SELECT COUNT(*) FROM (SELECT job_id FROM attempts GROUP BY job_id HAVING COUNT(*) > 4)") == 0)
        #expect(try fixture.count("""
            SELECT COUNT(*) FROM (SELECT job_id FROM attempts WHERE outcome IN ('no-answer', 'unknown')
                                  GROUP BY job_id HAVING COUNT(*) > 3)
            """) == 0)
        #expect(try fixture.count("""
            SELECT COUNT(*) FROM (SELECT job_id FROM attempts WHERE outcome = 'busy' GROUP BY job_id HAVING COUNT(*) > 2)
            """) == 0)
        #expect(try fixture.count("""
            SELECT COUNT(*) FROM (SELECT job_id, date(placed_at + 7 * 3600, 'unixepoch') AS day FROM attempts
                                  GROUP BY job_id, day HAVING COUNT(*) > 2)
            """) == 0, "at most 2 calls per contact per day in Vietnam")
        // No call to a do-not-call number, none outside the hours or the callee's window.
        let called = Set(try fixture.query("SELECT DISTINCT number FROM attempts").compactMap(\.first))
        #expect(called.isDisjoint(with: fixture.doNotCall))
        #expect(try fixture.count("SELECT COUNT(*) FROM jobs WHERE state = 'dnc'") == fixture.doNotCall.count)
        let placed = try fixture.query("SELECT placed_at FROM attempts").compactMap { $0.first.flatMap(Double.init) }
        let outside = placed.filter { !Self.isInHours(Date(timeIntervalSince1970: $0)) }
        #expect(outside.isEmpty, "\(outside.count) calls placed outside mon-fri 08:30-12:00, 12:30-17:00")

        // The totals dialerd reports equal the database's.
        let summaryData = try Data(contentsOf: URL(fileURLWithPath: fixture.directory.path("reports/torture/summary.json")))
        let summary = try #require(try JSONSerialization.jsonObject(with: summaryData) as? [String: Any])
        #expect(summary["attempts"] as? Int == attempts)
        for (key, outcome) in [("answered", "answered"), ("no_answer", "no-answer"), ("busy", "busy"), ("unknown", "unknown"),
                               ("abandoned", "abandoned"), ("failed", "failed")] {
            #expect(summary[key] as? Int == (try fixture.count("SELECT COUNT(*) FROM attempts WHERE outcome = '\(outcome)'")),
                    "\(key)")
        }
        #expect(summary["pending"] as? Int == (try fixture.count("SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'dialing')")))
        let status = try fixture.dialerd(["status", "--config", fixture.config, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let statusJSON = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let campaign = try #require((statusJSON["campaigns"] as? [[String: Any]])?.first)
        #expect(campaign["attempts"] as? Int == attempts)
        #expect(campaign["calls_in_flight"] as? Int == 0)
    }

    /// Whether an instant is in the campaign's hours, Vietnam time (UTC+7, no DST).
    static func isInHours(_ instant: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .gmt
        let parts = calendar.dateComponents([.weekday, .hour, .minute, .second], from: instant)
        guard let weekday = parts.weekday, (2...6).contains(weekday), let hour = parts.hour, let minute = parts.minute,
              let second = parts.second else { return false }
        let seconds = hour * 3600 + minute * 60 + second
        return (8 * 3600 + 1800 ..< 12 * 3600).contains(seconds) || (12 * 3600 + 1800 ..< 17 * 3600).contains(seconds)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
