public import CampaignDSL
import Foundation

/// A campaign's totals and rates, computed from the store; written as `summary.json`.
///
/// Call counts cover the report's range (calls placed on its days); contact counts are
/// every contact as it stands when the report is written.
public struct CampaignSummary: Sendable, Hashable, Codable {
    public var campaign: String
    /// The language the campaign's reports are written in (`language`; English when not named).
    public var language: CampaignLanguage?
    public var timeZone: String
    /// The range's first and last day (YYYY-MM-DD), nil when open.
    public var from: String?
    public var to: String?
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
    /// Calls an answering machine took.
    public var machine: Int
    /// Calls whose end a stopped dialer could not learn.
    public var unknown: Int
    /// Every ended call by outcome (`answered`, `no-answer`, …); the counts add up to `attempts`.
    public var callsByOutcome: [String: Int]
    /// Calls answering-machine detection ran on, by the driver's verdict (`human`, `machine`, `notsure`, …).
    public var amd: [String: Int]
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
    /// Abandoned calls over calls answered by a person, over the whole range.
    public var abandonRate: Double
    /// The abandon rate per compliance window against the cap.
    public var abandon: AbandonCompliance
    /// Talk and wrap-up time over agents' logged-in time.
    public var occupancy: Double
    public var talkSeconds: Double
    public var wrapSeconds: Double
    public var loggedInSeconds: Double
    /// The first call placed and the last call's end, ISO 8601 in the campaign's zone; nil before any call.
    public var firstCall: String?
    public var lastCall: String?
    /// Per agent, by agent id.
    public var agents: [AgentFigures]
    /// Per hour of the day (0–23), in the campaign's zone.
    public var hours: [PeriodFigures]
    /// Per day with calls, in the campaign's zone.
    public var days: [PeriodFigures]
    /// Outcomes recorded in the range (by agents, the keypad or imported sheets), by disposition.
    public var dispositions: [String: Int]
    public var surveys: [SurveyFigures]
    public var sms: DeliveryFigures
    public var webhooks: DeliveryFigures
    /// The headline: on track, over the cap, nothing dialed…
    public var verdict: ReportVerdict?

    enum CodingKeys: String, CodingKey {
        case campaign, from, to, contacts, attempts, answered, busy, failed, abandoned, machine, unknown, invalid, amd
        case completed, exhausted, duplicate, pending, occupancy, abandon, agents, hours, days, dispositions, surveys, sms, webhooks
        case verdict, language
        case timeZone = "time_zone"
        case noAnswer = "no_answer"
        case callsByOutcome = "calls_by_outcome"
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
