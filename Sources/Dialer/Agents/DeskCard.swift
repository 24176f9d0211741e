import CampaignDSL
import Foundation

/// What the agent desk shows of one contact when its call is put through (the screen pop) or
/// previewed: who it is, where and when they are, what happened before, and how to record the call.
struct DeskCard {
    /// A callback time the laws allow, offered in the callee's own zone.
    struct CallbackChoice: Hashable {
        /// The instant, as `LocalTimeText` in the callee's zone (`2026-03-09 14:30`): what the form sends back.
        let value: String
        /// The callee's local day (`2026-03-09`), for grouping.
        let day: String
        /// The callee's local time (`14:30`).
        let time: String
    }

    let campaign: String
    let title: String?
    /// The campaign's description: the agent's script.
    let script: String?
    let contact: Int64
    let job: Int64
    let name: String
    /// The number dialed first, then the list's other phone numbers.
    let numbers: [String]
    let zone: String
    /// The callee's local time now (`2026-03-09 10:04`).
    let localTime: String
    /// The callee's legal hours and the campaign's windows on the callee's day.
    let window: String
    /// Earlier calls: `2026-03-09 10:00 no-answer (amelia)`.
    let history: [String]
    /// The list's columns as written.
    let fields: [(column: String, value: String)]
    let questions: [Question]
    let dispositions: [Disposition]
    /// Callback times the laws allow in the next days, every half hour.
    let callbackChoices: [CallbackChoice]
}

extension CallSheetBuilder {
    /// How many days ahead the callback picker offers, and its step.
    static let callbackDays = 7
    static let callbackStep: TimeInterval = 30 * 60

    /// The card of `contact` as of `now`, or nil when the campaign has no such contact.
    func deskCard(contact id: Int64, at now: Date) throws -> DeskCard? {
        guard let contact = try store.contact(id, campaign: campaign.id) else { return nil }
        let spec = campaign.spec
        let row = try row(contact, order: 1, at: now)
        let zone = row.timeZone
        let words = Localizer(language: spec.language ?? .english, timeZone: zone)
        let history = row.history.map { call in
            words.dateTime(call.placedAt) + " " + words.outcome(call.outcome) + (call.agent.map { " (\($0))" } ?? "")
        }
        return DeskCard(
            campaign: spec.id, title: spec.title, script: spec.description, contact: id, job: contact.job,
            name: row.name, numbers: row.numbers, zone: CalleeZones.readable(row.zone), localTime: LocalTimeText.format(now, zone: zone),
            window: row.window, history: history, fields: row.fields,
            questions: OutcomeValidator(spec: spec).questions, dispositions: spec.dispositions,
            callbackChoices: try callbackChoices(job: contact.job, zone: row.zone, after: now))
    }

    /// The half hours of the next ``callbackDays`` days at which the laws allow a call to this number.
    func callbackChoices(job: Int64, zone zoneName: String, after now: Date) throws -> [DeskCard.CallbackChoice] {
        let zone = CalleeZones.primary(zoneName) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let history = try store.history(job: job)
        let step = Self.callbackStep
        var time = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / step).rounded(.up) * step)
        let end = now.addingTimeInterval(TimeInterval(Self.callbackDays) * 86_400)
        var choices: [DeskCard.CallbackChoice] = []
        while time < end {
            switch permit.earliestTime(zone: zoneName, history: history, atOrAfter: time) {
            case .allowed:
                let text = LocalTimeText.format(time, zone: zone)
                choices.append(DeskCard.CallbackChoice(value: text, day: String(text.prefix(10)), time: String(text.suffix(5))))
                time.addTimeInterval(step)
            case .notBefore(let next, _) where next != .distantFuture && next > time:
                time = Date(timeIntervalSince1970: (next.timeIntervalSince1970 / step).rounded(.up) * step)
            default:
                return choices
            }
        }
        return choices
    }
}
