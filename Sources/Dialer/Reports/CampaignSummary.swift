import Foundation

/// A campaign's totals and rates, computed from the store; written as `summary.json`.
public struct CampaignSummary: Sendable, Hashable, Codable {
    public var campaign: String
    public var timeZone: String
    /// Contacts read from the lists (rejected rows are not contacts).
    public var contacts: Int
    /// Calls placed and ended.
    public var attempts: Int
    /// Calls a person answered and an agent took.
    public var answered: Int
    public var noAnswer: Int
    public var busy: Int
    /// Calls the network could not complete (other than busy or an unknown number).
    public var failed: Int
    /// Calls a person answered that found no agent in time.
    public var abandoned: Int
    /// Calls whose end a stopped dialer could not learn.
    public var unknown: Int
    /// Contacts whose number is invalid (found when compiling or by the network).
    public var invalid: Int
    /// Contacts reached.
    public var completed: Int
    /// Contacts whose every allowed attempt was used.
    public var exhausted: Int
    /// Contacts with the same number as an earlier contact (not dialed).
    public var duplicate: Int
    /// Contacts whose number is on a Do-Not-Call list or opted out (not dialed).
    public var doNotCall: Int
    /// Contacts still waiting for a call.
    public var pending: Int
    /// Abandoned calls over calls answered by a person.
    public var abandonRate: Double
    /// Talk and wrap-up time over agents' logged-in time.
    public var occupancy: Double
    public var talkSeconds: Double
    public var wrapSeconds: Double
    public var loggedInSeconds: Double
    /// The first call placed and the last call's end, ISO 8601 in the campaign's zone; nil before any call.
    public var firstCall: String?
    public var lastCall: String?

    enum CodingKeys: String, CodingKey {
        case campaign, contacts, attempts, answered, busy, failed, abandoned, unknown, invalid
        case completed, exhausted, duplicate, pending, occupancy
        case timeZone = "time_zone"
        case noAnswer = "no_answer"
        case doNotCall = "dnc"
        case abandonRate = "abandon_rate"
        case talkSeconds = "talk_seconds"
        case wrapSeconds = "wrap_seconds"
        case loggedInSeconds = "logged_in_seconds"
        case firstCall = "first_call"
        case lastCall = "last_call"
    }

    /// Pretty, key-sorted JSON text ending in a newline.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

extension CampaignSummary {
    /// Reads the summary of one campaign from the store.
    init(store: CampaignStore, campaign: Int64, name: String, timeZone: TimeZone) throws {
        let db = store.connection
        func count(_ sql: String) throws -> Int {
            try db.firstRow(sql, [campaign]) { $0.int(0) } ?? 0
        }
        func sum(_ sql: String) throws -> Double {
            try db.firstRow(sql, [campaign]) { $0.double(0) } ?? 0
        }
        var outcomes: [String: Int] = [:]
        for (outcome, n) in try db.rows(
            "SELECT outcome, COUNT(*) FROM attempts WHERE campaign_id = ? AND state = 'ended' GROUP BY outcome",
            [campaign], { ($0.string(0), $0.int(1)) }) {
            outcomes[outcome] = n
        }
        var states: [String: Int] = [:]
        for (state, n) in try db.rows(
            "SELECT state, COUNT(*) FROM jobs WHERE campaign_id = ? GROUP BY state", [campaign], { ($0.string(0), $0.int(1)) }) {
            states[state] = n
        }
        let talk = try sum("SELECT TOTAL(talk_seconds) FROM attempts WHERE campaign_id = ? AND outcome = 'answered'")
        let wrap = try sum("SELECT TOTAL(wrap_seconds) FROM attempts WHERE campaign_id = ?")
        let loggedIn = try sum("SELECT TOTAL(ended_at - started_at) FROM agent_sessions WHERE campaign_id = ?")
        let span = try db.firstRow(
            "SELECT MIN(placed_at), MAX(ended_at) FROM attempts WHERE campaign_id = ?", [campaign]
        ) { ($0.optionalDate(0), $0.optionalDate(1)) }

        let answered = outcomes[CallOutcome.answered.rawValue, default: 0]
        let abandoned = outcomes[CallOutcome.abandoned.rawValue, default: 0]
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        self.init(
            campaign: name,
            timeZone: timeZone.identifier,
            contacts: try count("SELECT COUNT(*) FROM contacts WHERE campaign_id = ?"),
            attempts: outcomes.values.reduce(0, +),
            answered: answered,
            noAnswer: outcomes[CallOutcome.noAnswer.rawValue, default: 0],
            busy: outcomes[CallOutcome.busy.rawValue, default: 0],
            failed: outcomes[CallOutcome.failed.rawValue, default: 0],
            abandoned: abandoned,
            unknown: outcomes[CallOutcome.unknown.rawValue, default: 0],
            invalid: states[JobState.invalid.rawValue, default: 0],
            completed: states[JobState.completed.rawValue, default: 0],
            exhausted: states[JobState.exhausted.rawValue, default: 0],
            duplicate: states[JobState.duplicate.rawValue, default: 0],
            doNotCall: states[JobState.dnc.rawValue, default: 0],
            pending: states[JobState.pending.rawValue, default: 0] + states[JobState.dialing.rawValue, default: 0],
            abandonRate: Self.ratio(Double(abandoned), Double(answered + abandoned)),
            occupancy: Self.ratio(talk + wrap, loggedIn),
            talkSeconds: talk.rounded(),
            wrapSeconds: wrap.rounded(),
            loggedInSeconds: loggedIn.rounded(),
            firstCall: span?.0.map { formatter.string(from: $0) },
            lastCall: span?.1.map { formatter.string(from: $0) })
    }

    /// `part / whole` rounded to 4 decimals; 0 when `whole` is 0.
    private static func ratio(_ part: Double, _ whole: Double) -> Double {
        whole > 0 ? (part / whole * 10_000).rounded() / 10_000 : 0
    }
}
