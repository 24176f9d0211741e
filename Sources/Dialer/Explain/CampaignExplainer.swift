public import CampaignDSL
import Foundation

/// `dialerd explain`: a campaign in plain words, with counts from its lists,
/// so a team lead can see what will happen before anything is dialed.
public enum CampaignExplainer {
    /// Reads the lists (through the same compile step a real run uses, into a
    /// throw-away in-memory database) and describes the campaign.
    public static func explain(_ spec: CampaignSpec) throws -> String {
        let store = try CampaignStore(path: ":memory:", now: Date(timeIntervalSince1970: 0))
        let doNotCall = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        let (campaign, report) = try CampaignCompiler(spec: spec, store: store, doNotCall: doNotCall)
            .compile(sourcePath: spec.id, sourceText: "", at: Date(timeIntervalSince1970: 0))
        let zones = try store.connection.rows(
            "SELECT c.time_zone, COUNT(*) FROM contacts c JOIN jobs j ON j.contact_id = c.id WHERE c.campaign_id = ? AND j.state = 'pending' GROUP BY 1 ORDER BY 2 DESC, 1",
            [campaign]) { ($0.string(0), $0.int(1)) }
        var lines: [String] = []
        lines.append("Campaign \(spec.id)" + (spec.title.map { ": \($0)" } ?? ""))
        if let description = spec.description { lines.append("  \(description)") }
        lines.append("")
        lines += contactLines(spec, report: report, zones: zones)
        lines.append("")
        lines += scheduleLines(spec)
        lines.append("")
        lines += dialingLines(spec)
        lines += try assignmentLines(spec, store: store, campaign: campaign)
        lines.append("")
        lines += retryLines(spec.retry)
        if !spec.dispositions.isEmpty {
            lines.append("")
            lines += dispositionLines(spec.dispositions)
        }
        if let sms = spec.sms, !sms.messages.isEmpty {
            lines.append("")
            lines += smsLines(sms)
        }
        if !spec.surveys.isEmpty {
            lines.append("")
            for survey in spec.surveys {
                lines.append("Survey \(survey.name): \(PlainWords.count(survey.questions.count, "question"))"
                             + " (\(survey.questions.count { $0.condition != nil }) asked only on a condition).")
            }
        }
        if !spec.reports.isEmpty {
            lines.append("")
            lines += reportLines(spec)
        }
        if let language = spec.language, language != .english {
            lines.append("")
            lines.append("Reports, call sheets and summaries are in \(language.englishName) (language \(language.code)).")
        }
        return lines.joined(separator: "\n")
    }

    /// Who takes which contact: ahead of time in preview with assigned agents (with the owners
    /// that are not on the team), else whichever agent is free.
    private static func assignmentLines(_ spec: CampaignSpec, store: CampaignStore, campaign: Int64) throws -> [String] {
        guard spec.dial.mode != .agentless else { return [] }
        guard spec.dial.mode == .preview, spec.dial.assignedAgents || spec.dial.assignment != nil,
              let compiled = try store.compiledCampaign(named: spec.id) else {
            return ["  Each contact goes to the next free agent; nobody's contacts are set aside for them."]
        }
        let method = CallAssignments.defaultMethod(of: spec)
        let agents = CampaignRunner.agentIDs(of: spec)
        var unknownOwners: [String: Int] = [:]
        for contact in try OwnerReview.unknownOwners(spec, store: store, campaign: campaign) {
            unknownOwners[contact.owner, default: 0] += 1
        }
        let summary = try CallAssignments.assignUnassigned(store: store, campaign: compiled, method: nil,
                                                           at: Date(timeIntervalSince1970: 0))
        let how: String
        switch method {
        case .owner: how = "each to the agent its list names as its owner, the rest evened out"
        case .roundRobin: how = "the agents in turn"
        case .balanced: how = "evened out by the calls each is expected to take"
        }
        var lines = ["  Contacts are set aside for agents ahead of time (\(how)): "
                     + agents.map { "\($0) \(summary.perAgent[$0] ?? 0)" }.joined(separator: ", ") + "."]
        if !unknownOwners.isEmpty {
            let count = unknownOwners.values.reduce(0, +)
            let names = unknownOwners.keys.sorted()
            lines.append("  warning: \(PlainWords.count(count, "contact")) name an owner who is not on the team ("
                         + names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", and \(names.count - 5) more" : "")
                         + "); they are given to other agents.")
        }
        return lines
    }

    private static func dispositionLines(_ dispositions: [Disposition]) -> [String] {
        var lines = ["Dispositions (what agents record after a call)"]
        for disposition in dispositions {
            var meaning: [String] = []
            if disposition.flags.contains(.success) { meaning.append("counts as a success") }
            if disposition.flags.contains(.callback) { meaning.append("the agent sets a time to call back") }
            if disposition.flags.contains(.doNotCall) { meaning.append("the number joins the opt-out list") }
            if disposition.flags.contains(.final) || disposition.flags.contains(.doNotCall) {
                meaning.append("the contact is not called again")
            }
            if meaning.isEmpty { meaning.append("the retries go on as for the call's outcome") }
            let label = disposition.label.map { " \"\($0)\"" } ?? ""
            lines.append("  \(disposition.id)\(label): " + meaning.joined(separator: "; ") + ".")
        }
        return lines
    }

    private static func reportLines(_ spec: CampaignSpec) -> [String] {
        var lines = ["Reports"]
        for report in spec.reports {
            let when: String
            switch report.schedule {
            case .hourly: when = "Every hour"
            case .daily(let time): when = "Every day at \(time) (\(spec.timeZone))"
            case .weekly(let day, let time): when = "Every \(PlainWords.dayNames[day, default: ""]) at \(time) (\(spec.timeZone))"
            }
            let formats = report.formats.map { $0.rawValue.uppercased() }.joined(separator: ", ")
            lines.append("  \(when): \(formats) to \(PlainWords.path(report.folder)).")
        }
        return lines
    }

    private static func contactLines(_ spec: CampaignSpec, report: CompileReport, zones: [(String, Int)]) -> [String] {
        var lines = ["Who is called"]
        let lists = spec.lists.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
        lines.append("  \(PlainWords.count(report.contacts, "contact")) from \(lists); \(report.dialable) will be called.")
        var removed: [String] = []
        if report.invalid > 0 { removed.append("\(report.invalid) with no valid number") }
        if report.duplicates > 0 { removed.append("\(report.duplicates) duplicate\(report.duplicates == 1 ? "" : "s") of an earlier number") }
        if report.doNotCall > 0 { removed.append("\(report.doNotCall) on a do-not-call list") }
        if !removed.isEmpty { lines.append("  Not called: " + removed.joined(separator: ", ") + ".") }
        if report.filteredOut > 0 { lines.append("  \(PlainWords.count(report.filteredOut, "row")) left out by the list's filter.") }
        if !report.rejectedRows.isEmpty {
            lines.append("  \(PlainWords.count(report.rejectedRows.count, "row")) could not be read (first: line \(report.rejectedRows[0].line), \(report.rejectedRows[0].reason)).")
        }
        if !spec.dnc.isEmpty || !spec.dncPrefixes.isEmpty {
            lines.append("  Do-not-call: \(PlainWords.count(spec.dnc.count, "list")) and \(PlainWords.count(spec.dncPrefixes.count, "prefix"))"
                         + ", plus every opt-out recorded; checked again right before each call.")
        } else {
            lines.append("  Do-not-call: every opt-out recorded is honoured; checked again right before each call.")
        }
        for line in report.ignoredDNCLines.prefix(20) {
            lines.append("  warning: \(PlainWords.path(line.list)) line \(line.line) is neither a number nor a prefix, so it is ignored: \(line.reason)")
        }
        if report.ignoredDNCLines.count > 20 {
            lines.append("  warning: and \(report.ignoredDNCLines.count - 20) more do-not-call lines are ignored.")
        }
        if report.unknownZone > 0 {
            lines.append("  warning: \(PlainWords.count(report.unknownZone, "number")) with no known time zone use the campaign's (\(spec.timeZone)).")
        }
        lines += severalZoneLines(spec, report: report)
        if !zones.isEmpty {
            lines.append("  Time zones: " + zones.prefix(6).map { "\(CalleeZones.readable($0.0)) \($0.1)" }.joined(separator: ", ")
                         + (zones.count > 6 ? ", and \(zones.count - 6) more" : "") + ".")
        }
        return lines
    }

    /// The contacts whose number may be in several zones, and the hours a day the callee's legal window holds in
    /// all of them (the only hours they are called).
    private static func severalZoneLines(_ spec: CampaignSpec, report: CompileReport) -> [String] {
        guard !report.severalZones.isEmpty else { return [] }
        let total = report.severalZones.values.reduce(0, +)
        var lines = ["  \(PlainWords.count(total, "contact")) have a number whose prefix spans several time zones, and no zone"
                     + " in the list: they are called only when the callee's window holds in every one of them."]
        let windows = [spec.calleeHours, spec.compliance.calleeHours].filter { !$0.isEmpty }
        for (stored, count) in report.severalZones.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(8) {
            let zones = CalleeZones.identifiers(stored)
            var line = "    \(count) in \(zones.joined(separator: ", "))"
            if !windows.isEmpty {
                let hours = sharedHours(windows, zones: zones)
                line += hours > 0 ? ": \(PlainWords.duration(seconds: Int(hours * 3_600))) a day" : ": no hour of the day; they are never called"
            }
            lines.append(line + ".")
        }
        if report.severalZones.count > 8 { lines.append("    and \(report.severalZones.count - 8) more groups of zones.") }
        lines.append("  A `timezone` column in the list gives each contact their own zone instead.")
        return lines
    }

    /// The hours of a day (a Wednesday in January, minute by minute) when every legal window is open in every zone.
    private static func sharedHours(_ windows: [[TimeRange]], zones: [String]) -> Double {
        let calendars = zones.compactMap(TimeZone.init(identifier:)).flatMap { zone in
            windows.map { CallingCalendar.daily($0, timeZone: zone) }
        }
        let day = Date(timeIntervalSince1970: 1_767_744_000)  // 2026-01-07 00:00 UTC
        let open = (0..<(48 * 60)).count { minute in
            let instant = day.addingTimeInterval(TimeInterval(minute * 60))
            return calendars.allSatisfy { $0.isOpen(at: instant) }
        }
        return Double(open) / 60 / 2
    }

    private static func scheduleLines(_ spec: CampaignSpec) -> [String] {
        var lines = ["When"]
        if let dates = spec.dates {
            lines.append("  From \(dates.first) to \(dates.last), \(PlainWords.hours(spec.hours.weekly)) (\(spec.timeZone)).")
        } else {
            lines.append("  \(PlainWords.hours(spec.hours.weekly)) (\(spec.timeZone)), until every contact is done.")
        }
        if !spec.hours.closedDates.isEmpty {
            lines.append("  Closed on " + spec.hours.closedDates.sorted().map(\.description).joined(separator: ", ") + ".")
        }
        if !spec.calleeHours.isEmpty {
            lines.append("  Only \(PlainWords.ranges(spec.calleeHours)) in each callee's own time zone.")
        }
        if spec.compliance.name != "none" {
            lines.append("  Compliance profile \(spec.compliance.name) (\(spec.compliance.rule)).")
        }
        return lines
    }

    private static func dialingLines(_ spec: CampaignSpec) -> [String] {
        let dial = spec.dial
        var lines = ["How"]
        let who = dial.team.map { "team \($0) (\(PlainWords.count(dial.agents, "agent")))" } ?? PlainWords.count(dial.agents, "agent")
        switch dial.mode {
        case .preview:
            lines.append("  Preview: \(who) see each contact for \(dial.previewSeconds ?? 0) s before the call is placed for them.")
        case .progressive:
            lines.append("  Progressive: one call for each free agent of \(who); nobody who answers waits.")
        case .predictive:
            let cap = dial.maxAbandonPercent ?? spec.compliance.maxAbandonPercent ?? 3
            lines.append("  Predictive: more calls than free agents for \(who), keeping abandoned calls under \(format(cap)) % of answered calls.")
        case .agentless:
            lines.append("  Agentless: \(dial.lines.map { PlainWords.count($0, "line") } ?? "the lines") play "
                         + (dial.survey.map { "survey \($0)" } ?? "the message") + " to whoever answers.")
        }
        var limits = ["rings for \(dial.ringSeconds) s"]
        if let lines = dial.lines, dial.mode != .agentless { limits.append("at most \(PlainWords.count(lines, "line"))") }
        if let perAgent = dial.maxLinesPerAgent { limits.append("\(perAgent) per agent") }
        if let rate = dial.callsPerSecond { limits.append("\(rate) calls per second") }
        lines.append("  Each call " + limits.joined(separator: ", ") + ".")
        if let callerID = spec.callerID { lines.append("  Callees see \(callerID).") }
        return lines
    }

    private static func retryLines(_ retry: RetryPolicy) -> [String] {
        var lines = ["Retries"]
        let names: [RetryOutcome: String] = [
            .noAnswer: "does not answer", .busy: "is busy", .machine: "gets an answering machine",
            .failed: "cannot be reached", .abandoned: "was abandoned",
        ]
        for outcome in RetryOutcome.allCases {
            guard let rule = retry.rule(for: outcome) else { continue }
            let waits = rule.waits.isEmpty ? "" : ", " + rule.waits.map { PlainWords.duration(seconds: $0) }.joined(separator: ", then ") + " apart"
            lines.append("  A contact who \(names[outcome, default: outcome.rawValue]) is called up to \(PlainWords.times(rule.times)) in all\(waits).")
        }
        if retry.rules.isEmpty { lines.append("  None: each contact is called once.") }
        var caps: [String] = []
        if let day = retry.maxPerDay { caps.append("\(day) per day (the callee's day)") }
        if let rolling = retry.maxPer24Hours { caps.append("\(rolling) in any 24 hours") }
        if let total = retry.maxTotal { caps.append("\(total) in all") }
        if !caps.isEmpty { lines.append("  Never more than " + caps.joined(separator: ", ") + " per contact.") }
        return lines
    }

    private static func smsLines(_ sms: SMSPlan) -> [String] {
        var lines = ["Text messages" + (sms.sender.map { " (from \($0))" } ?? "")]
        for message in sms.messages {
            let when: String
            switch message.trigger {
            case .finalOutcome(let outcome): when = "after the last call when the contact's last outcome is \(outcome.rawValue)"
            case .disposition(let name): when = "when an agent records \(name)"
            case .answer(let question, let answers): when = "when \(question) is answered \(answers.joined(separator: " or "))"
            case .beforeCallback(let seconds): when = "\(PlainWords.duration(seconds: seconds)) before a callback"
            }
            let fixed = (try? MessageTemplate(message.template))?.render([:]) ?? message.template
            lines.append("  \(when): \"\(message.template)\"")
            let placeholders = message.placeholders.map { "{\($0)}" }.joined(separator: ", ")
            lines.append("    " + (placeholders.isEmpty ? "" : "Without \(placeholders): ") + PlainWords.smsLength(of: fixed) + ".")
        }
        return lines
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
