import CampaignDSL
import Foundation

/// Builds agents' call sheets from the store: each open contact with its numbers (best first), the
/// callee's window in their own zone, the first minute the laws allow, earlier calls, the survey and
/// the dispositions. The window of a (zone, day) is worked out once.
final class CallSheetBuilder {
    let store: CampaignStore
    let campaign: CompiledCampaign
    private let campaignCalendar: CallingCalendar
    let permit: DialPermit
    private let words: Localizer
    private var windows: [String: String] = [:]

    init(store: CampaignStore, campaign: CompiledCampaign) throws {
        self.store = store
        self.campaign = campaign
        let zone = TimeZone(identifier: campaign.spec.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        campaignCalendar = CallingCalendar(hours: campaign.spec.hours, timeZone: zone, dates: campaign.spec.dates)
        permit = try DialPermit.timeLaws(of: campaign.spec, store: store)
        words = Localizer(spec: campaign.spec)
    }

    /// The sheet of `agent`, as of `now`.
    func sheet(for agent: String, at now: Date) throws -> CallSheet {
        let spec = campaign.spec
        let contacts = try store.openContacts(campaign: campaign.id, agent: agent)
        var rows: [CallSheet.Row] = []
        for (index, contact) in contacts.enumerated() {
            rows.append(try row(contact, order: index + 1, at: now))
        }
        let member = spec.teams.flatMap(\.agents).first { $0.id == agent }
        return CallSheet(
            campaign: spec.id, title: spec.title, agent: agent, agentName: member?.name,
            generatedAt: now, words: words, rows: rows, questions: OutcomeValidator(spec: spec).questions, dispositions: spec.dispositions)
    }

    func row(_ contact: OpenContact, order: Int, at now: Date) throws -> CallSheet.Row {
        let zoneName = contact.zone ?? campaign.spec.timeZone
        let zone = CalleeZones.primary(zoneName) ?? campaignCalendar.timeZone
        let history = try store.history(job: contact.job)
        let from = max(now, contact.nextAt ?? now)
        var nextAllowed: Date?
        switch permit.earliestTime(zone: zoneName, history: history, atOrAfter: from) {
        case .allowed: nextAllowed = from
        case .notBefore(let time, _) where time != .distantFuture: nextAllowed = time
        default: nextAllowed = nil
        }
        return CallSheet.Row(
            key: "\(campaign.spec.id)/\(contact.contact)/\(contact.attempts)", order: order,
            name: contact.name ?? "", numbers: numbers(of: contact), zone: zoneName, timeZone: zone,
            window: window(on: nextAllowed, zone: zone),
            nextAllowed: nextAllowed,
            callback: contact.callbackAt.map { (at: $0, agent: contact.callbackAgent) },
            history: try store.attemptHistory(job: contact.job).map { attempt in
                CallSheet.EarlierCall(placedAt: attempt.placedAt, outcome: attempt.outcome, agent: attempt.agent)
            },
            fields: Array(zip(contact.header, contact.fields)).map { (column: $0.0, value: $0.1) })
    }

    /// The dialed number first, then the list's other phone columns that read as other valid numbers.
    private func numbers(of contact: OpenContact) -> [String] {
        var numbers = [contact.number]
        guard let list = campaign.spec.lists[safe: contact.listPosition] else { return numbers }
        for column in list.phoneColumns {
            guard let text = contact.field(column), case .success(let number) =
                    PhoneNumberParser.parse(text, defaultRegion: list.defaultCountry) else { continue }
            if !numbers.contains(number.e164) { numbers.append(number.e164) }
        }
        return numbers
    }

    /// The callee's legal hours and the campaign's windows on the callee's local day of `day`, in local time.
    private func window(on day: Date?, zone: TimeZone) -> String {
        let key = zone.identifier + " " + (day.map { String(LocalTimeText.format($0, zone: zone).prefix(10)) } ?? "-")
        if let known = windows[key] { return known }
        let text = describeWindow(on: day, zone: zone)
        windows[key] = text
        return text
    }

    private func describeWindow(on day: Date?, zone: TimeZone) -> String {
        let callee = (campaign.spec.calleeHours + campaign.spec.compliance.calleeHours).map(\.description)
        var parts: [String] = []
        if !callee.isEmpty { parts.append(words.text(.windowCalleeHours, ["hours": callee.joined(separator: ", ")])) }
        guard let day else { return (parts + [words.text(.windowNoDayLeft)]).joined(separator: "; ") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.startOfDay(for: day)
        let end = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        var windows: [String] = []
        var cursor = start
        while windows.count < 24, let window = campaignCalendar.window(atOrAfter: cursor), window.start < end {
            let from = LocalTimeText.format(max(window.start, start), zone: zone).suffix(5)
            let to = window.end >= end ? "24:00" : String(LocalTimeText.format(window.end, zone: zone).suffix(5))
            windows.append("\(from)-\(to)")
            cursor = window.end
        }
        parts.append(words.text(.windowCampaignOpen, ["hours": windows.isEmpty ? "—" : windows.joined(separator: ", ")]))
        return parts.joined(separator: "; ")
    }
}
