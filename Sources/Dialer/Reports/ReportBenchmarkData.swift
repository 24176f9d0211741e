public import CampaignDSL
import Foundation

/// A seeded synthetic campaign written straight into a database with SQL (no engine run):
/// contacts, jobs, calls spread over office hours on `days` days (answered calls with an AMD
/// verdict and a recording link), agents' sessions and text messages, for `dialer-bench report`
/// and the reports' reconciliation tests.
///
/// Calls are stored in the order placed, as the engine stores them.
/// Values come from an integer hash of the row number and the seed, computed by SQLite
/// itself, so a million contacts take seconds and one seed always gives the same rows.
public struct ReportBenchmarkData: Sendable {
    public var contacts: Int
    public var attempts: Int
    public var agents: Int
    public var days: Int
    public var seed: UInt64
    /// The campaign's compliance profile (windows and cap).
    public var compliance: ComplianceProfile

    /// The campaign's name in the database.
    public static let campaignName = "bench"
    /// Its time zone.
    public static let timeZone = "America/New_York"
    /// Its first day of calls.
    public static let firstDay = LocalDate(year: 2026, month: 3, day: 2)

    public init(contacts: Int, attempts: Int, agents: Int = 40, days: Int = 45, seed: UInt64 = 1,
                compliance: ComplianceProfile = .usTSR) {
        self.contacts = contacts
        self.attempts = attempts
        self.agents = agents
        self.days = days
        self.seed = seed
        self.compliance = compliance
    }

    /// The campaign as compiled: a predictive campaign with a team and a survey.
    public var spec: CampaignSpec {
        let office = [TimeRange(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 17, minute: 0))]
        let team = Team(name: "sales", agents: (0..<agents).map { Agent(id: "agent-\($0)", name: "Agent \($0)") })
        var dial = DialPlan(mode: .predictive, agents: agents)
        dial.team = team.name
        return CampaignSpec(
            id: Self.campaignName, title: "Synthetic campaign", timeZone: Self.timeZone, lists: [],
            hours: CallingHours(weekly: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, office) })),
            dial: dial, retry: RetryPolicy(), compliance: compliance,
            surveys: [Survey(name: "renewal", questions: [Question(id: "renew", prompt: "Will you renew?", kind: .yesNo)])],
            teams: [team])
    }

    /// Creates the database at `path` (which must not exist) and fills it.
    public func write(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw EnvironmentError("\(path) already exists") }
        guard let zone = TimeZone(identifier: Self.timeZone) else {
            throw EnvironmentError("this system does not know the time zone \(Self.timeZone); install tzdata")
        }
        let store = try CampaignStore(path: path, now: Date(timeIntervalSince1970: 0))
        try fill(store, zone: zone)
        // Into the database file, as a live database mostly is, rather than all in the write-ahead log.
        try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Fills `store` (a fresh one) and returns the campaign's id.
    @discardableResult
    func fill(_ store: CampaignStore, zone: TimeZone) throws -> Int64 {
        let db = store.connection
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let day = Self.firstDay
        guard let first = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else {
            throw EnvironmentError("no first day in \(zone.identifier)")
        }
        // Midnight of every day, honouring DST.
        let midnights = (0..<max(days, 1)).compactMap { calendar.date(byAdding: .day, value: $0, to: first) }
            .map(\.timeIntervalSince1970)
        let salt = Int64(seed % 1_000_003)
        // h(x, k): a hash of row x and stream k in 0..<1000003, from the seed.
        func hash(_ x: String, _ k: Int) -> String { "((((\(x)) * 7919 + \(salt) + \(k) * 131) % 1000003) * 104729 % 1000003)" }
        let specJSON = String(decoding: try JSONEncoder().encode(spec), as: UTF8.self)
        return try db.writeTransaction {
            let campaign = try store.insertCampaign(
                name: Self.campaignName, specJSON: specJSON, sourcePath: "bench.campaign", sourceHash: "", at: Date(timeIntervalSince1970: 0))
            let list = try store.insertList(campaign: campaign, position: 0, path: "bench.csv",
                                            header: ["Customer ID", "Full name", "Phone", "City"])
            try db.execute("CREATE TEMP TABLE bench_midnights (day INTEGER PRIMARY KEY, at REAL NOT NULL)")
            for (index, midnight) in midnights.enumerated() {
                try db.run("INSERT INTO bench_midnights (day, at) VALUES (?, ?)", [index, midnight])
            }
            try db.run(
                """
                WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?)
                INSERT INTO contacts (campaign_id, list_id, line, name, fields_json, phone_e164, phone_kind, time_zone)
                SELECT ?, ?, x + 1, 'Customer ' || x,
                    json_array('C' || x, 'Customer ' || x, '+1212' || printf('%07d', x),
                               CASE \(hash("x", 1)) % 4 WHEN 0 THEN 'New York' WHEN 1 THEN 'Boston, MA'
                                    WHEN 2 THEN '=HYPERLINK("x")' ELSE 'Albany' END),
                    '+1212' || printf('%07d', x), 'mobile', ?
                FROM n
                """,
                [contacts, campaign, list, Self.timeZone])
            try db.run(
                """
                INSERT INTO jobs (campaign_id, contact_id, state, updated_at)
                SELECT campaign_id, id, CASE \(hash("id", 2)) % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'exhausted'
                    WHEN 2 THEN 'invalid' ELSE 'completed' END, 0
                FROM contacts WHERE campaign_id = ? ORDER BY id
                """,
                [campaign])
            let firstJob = try db.firstRow("SELECT MIN(id) FROM jobs WHERE campaign_id = ?", [campaign]) { $0.int64(0) } ?? 1
            // Outcome buckets per 1000: answered 300, abandoned 12, machine 120, busy 50, invalid 30, failed 8, rest no-answer.
            try db.run(
                """
                WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x + 1 < ?),
                drawn AS (
                    SELECT x, \(hash("x", 3)) % 1000 AS fate, \(hash("x", 4)) % ? AS day,
                        28800 + \(hash("x", 5)) % 32400 AS second, \(hash("x", 6)) % ? AS agent,
                        5 + \(hash("x", 7)) % 20 AS ring, 30 + \(hash("x", 8)) % 400 AS talk, 10 + \(hash("x", 9)) % 60 AS wrap
                    FROM n)
                INSERT INTO attempts (campaign_id, job_id, number, state, placed_at, answered_at, connected_at, ended_at,
                    outcome, cause, ring_seconds, talk_seconds, wrap_seconds, agent, amd_result, recording)
                SELECT ?, ? + x % ?, '+1212' || printf('%07d', x % ? + 1), 'ended', m.at + second,
                    CASE WHEN fate < 432 THEN m.at + second + ring END,
                    CASE WHEN fate < 300 THEN m.at + second + ring END,
                    m.at + second + ring + CASE WHEN fate < 300 THEN talk ELSE 0 END,
                    CASE WHEN fate < 300 THEN 'answered' WHEN fate < 312 THEN 'abandoned' WHEN fate < 432 THEN 'machine'
                         WHEN fate < 482 THEN 'busy' WHEN fate < 512 THEN 'invalid' WHEN fate < 520 THEN 'failed'
                         ELSE 'no-answer' END,
                    CASE WHEN fate < 432 THEN 16 WHEN fate < 482 THEN 17 WHEN fate < 512 THEN 1 WHEN fate < 520 THEN 41
                         ELSE 19 END,
                    ring, CASE WHEN fate < 300 THEN talk END, CASE WHEN fate < 300 THEN wrap END,
                    CASE WHEN fate < 300 THEN 'agent-' || agent END,
                    CASE WHEN fate < 290 OR fate BETWEEN 300 AND 311 THEN 'human' WHEN fate < 300 THEN 'notsure'
                         WHEN fate < 432 THEN 'machine' END,
                    CASE WHEN fate < 300 THEN 'https://recordings.example/bench/' || x || '.wav' END
                FROM drawn JOIN bench_midnights m ON m.day = drawn.day
                ORDER BY m.at + second, x
                """,
                [attempts, midnights.count, max(agents, 1), campaign, firstJob, max(contacts, 1), max(contacts, 1)])
            try db.run(
                """
                INSERT INTO agent_sessions (campaign_id, agent, started_at, ended_at)
                SELECT ?, 'agent-' || a.value, m.at + 28800, m.at + 61200
                FROM bench_midnights m, json_each(?) a
                """,
                [campaign, "[" + (0..<agents).map(String.init).joined(separator: ",") + "]"])
            try db.run(
                """
                INSERT INTO outbox (idempotency_key, campaign_id, contact_id, channel, route, trigger, recipient, body,
                    state, next_at, created_at, updated_at)
                SELECT 'bench-' || c.id, c.campaign_id, c.id, 'sms', 'sms', 'no-answer final', c.phone_e164, 'Hello',
                    CASE \(hash("c.id", 10)) % 10 WHEN 0 THEN 'failed' WHEN 1 THEN 'queued' ELSE 'sent' END, 0, 0, 0
                FROM contacts c WHERE c.campaign_id = ? AND \(hash("c.id", 11)) % 5 = 0
                """,
                [campaign])
            try db.run(
                """
                UPDATE jobs SET attempts = (SELECT COUNT(*) FROM attempts a WHERE a.job_id = jobs.id),
                    last_outcome = (SELECT a.outcome FROM attempts a WHERE a.job_id = jobs.id ORDER BY a.id DESC LIMIT 1)
                WHERE campaign_id = ?
                """,
                [campaign])
            try db.execute("DROP TABLE bench_midnights")
            return campaign
        }
    }
}
