import CampaignDSL
import Foundation

/// `report.html`: one self-contained page (inline CSS and SVG, no script, no external asset)
/// that tells a team lead at a glance whether the campaign is on track, then shows why:
/// outcomes, calls per hour, the abandon rate against the cap, agents, surveys, messages.
/// Every text that comes from a list, a campaign file or an agent is escaped.
struct HTMLReport {
    let summary: CampaignSummary
    let spec: CampaignSpec

    private static let colors = (
        connect: "#2e7d32", abandon: "#c62828", call: "#90a4ae", machine: "#8d6e63", other: "#b0bec5",
        cap: "#c62828", accent: "#1565c0")

    func render() -> String {
        var page = head()
        page += verdictBanner()
        page += figures()
        page += section("Calls by outcome", outcomes())
        page += section("Calls and connects per hour of day", perHour())
        page += section("Abandon rate against the cap", abandonOverTime())
        page += section("Agents", agentTable())
        page += section("Dispositions", dispositions())
        page += section("Survey answers", surveys())
        page += section("Text messages and webhooks", delivery())
        page += section("Contacts", contactTable())
        return page + "<footer>Written by dialerd from the campaign's database. Times are in "
            + "\(escape(summary.timeZone)).</footer>\n</main>\n</body>\n</html>\n"
    }

    private func escape(_ text: String) -> String { HTMLText.escape(text) }

    private func head() -> String {
        let title = spec.title ?? spec.id
        let range: String
        switch (summary.from, summary.to) {
        case (nil, nil): range = "all calls"
        case let (from?, to?) where from == to: range = from
        case let (from, to): range = "\(from ?? "first call") to \(to ?? "now")"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)): campaign report</title>
            <style>
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f2328; margin: 0; background: #f6f7f9; }
            main { max-width: 980px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 26px; margin: 0; } h2 { font-size: 18px; margin: 0 0 12px; }
            .sub { color: #57606a; margin: 4px 0 18px; }
            .verdict { border-radius: 10px; padding: 18px 22px; font-size: 22px; font-weight: 650; color: #fff; margin-bottom: 18px; }
            .verdict.on-track, .verdict.finished { background: #2e7d32; } .verdict.over-cap { background: #c62828; }
            .verdict.nothing-dialed { background: #616161; } .verdict.no-connects { background: #ef6c00; }
            .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px; margin-bottom: 18px; }
            .tile { background: #fff; border: 1px solid #d8dee4; border-radius: 8px; padding: 10px 14px; }
            .tile b { display: block; font-size: 24px; } .tile span { color: #57606a; font-size: 13px; }
            .tile.bad b { color: #c62828; }
            section { background: #fff; border: 1px solid #d8dee4; border-radius: 8px; padding: 16px 18px; margin-bottom: 16px; break-inside: avoid; }
            table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
            th, td { text-align: right; padding: 4px 8px; border-bottom: 1px solid #eaeef2; }
            th:first-child, td:first-child { text-align: left; } th { font-weight: 600; color: #57606a; }
            tr.bad td { color: #c62828; font-weight: 600; }
            svg text { font: 12px system-ui, sans-serif; fill: #1f2328; } svg text.axis { fill: #57606a; font-size: 11px; }
            .none { color: #57606a; font-style: italic; }
            footer { color: #57606a; font-size: 12px; margin-top: 8px; }
            @media print { body { background: #fff; } main { padding: 0; } section, .tile { border-color: #999; }
              .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
            </style>
            </head>
            <body>
            <main>
            <h1>\(escape(title))</h1>
            <p class="sub">Campaign <b>\(escape(spec.id))</b> · \(escape(range)) · \(escape(summary.timeZone))\
            \(summary.firstCall.map { " · calls from " + escape($0) } ?? "")\(summary.lastCall.map { " to " + escape($0) } ?? "")</p>

            """
    }

    private func verdictBanner() -> String {
        let verdict = summary.verdict ?? ReportVerdict(summary: summary)
        return "<div class=\"verdict \(verdict.status.rawValue)\">\(escape(verdict.headline))</div>\n"
    }

    private func figures() -> String {
        let worst = summary.abandon.worst
        let cap = summary.abandon.capPercent.map { "cap \(ReportVerdict.number($0)) %" } ?? "no cap"
        var tiles: [(String, String, Bool)] = [
            ("\(summary.contacts)", "contacts", false),
            ("\(summary.attempts)", "calls placed", false),
            ("\(summary.completed)", "contacts reached", false),
            ("\(summary.pending)", "still to call", false),
            (ReportVerdict.percent(worst?.rate ?? 0), "worst abandon window (\(cap))", summary.abandon.overCap),
            (ReportVerdict.percent(summary.occupancy), "agent occupancy", false),
        ]
        if summary.sms.total > 0 { tiles.append(("\(summary.sms.sent)/\(summary.sms.total)", "text messages sent", summary.sms.failed > 0)) }
        let body = tiles.map { value, label, bad in
            "<div class=\"tile\(bad ? " bad" : "")\"><b>\(escape(value))</b><span>\(escape(label))</span></div>"
        }.joined()
        return "<div class=\"tiles\">\(body)</div>\n"
    }

    private func section(_ title: String, _ body: String) -> String {
        "<section><h2>\(escape(title))</h2>\n\(body)\n</section>\n"
    }

    private func outcomes() -> String {
        guard summary.attempts > 0 else { return none("No call was placed in this range.") }
        let order = CallOutcome.allCases.map(\.rawValue)
        let keys = summary.callsByOutcome.keys.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
        let bars = keys.map { key in
            let count = summary.callsByOutcome[key] ?? 0
            let color = switch key {
            case CallOutcome.answered.rawValue: Self.colors.connect
            case CallOutcome.abandoned.rawValue: Self.colors.abandon
            case CallOutcome.machine.rawValue: Self.colors.machine
            default: Self.colors.call
            }
            return SVGChart.Bar(label: key, value: Double(count), color: color,
                                note: "\(count) (\(ReportVerdict.percent(Double(count) / Double(summary.attempts))))")
        }
        return SVGChart.horizontalBars(bars) + amdVerdicts()
    }

    /// What answering-machine detection decided, when it ran on any call.
    private func amdVerdicts() -> String {
        let total = summary.amd.values.reduce(0, +)
        guard total > 0 else { return "" }
        let verdicts = summary.amd.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { verdict, count in
            "\(escape(verdict)) \(count) (\(ReportVerdict.percent(Double(count) / Double(total))))"
        }
        return "<p>Answering-machine detection ran on \(total) calls: \(verdicts.joined(separator: ", ")).</p>"
    }

    private func perHour() -> String {
        let active = summary.hours.filter { $0.calls > 0 }.compactMap(\.hour)
        guard let first = active.min(), let last = active.max() else { return none("No call was placed in this range.") }
        let hours = summary.hours.filter { ($0.hour ?? -1) >= first && ($0.hour ?? 24) <= last }
        return SVGChart.verticalBars(
            categories: hours.map { String(format: "%02d:00", $0.hour ?? 0) },
            series: [SVGChart.Series(name: "calls", color: Self.colors.call, values: hours.map { Double($0.calls) }),
                     SVGChart.Series(name: "connects", color: Self.colors.connect, values: hours.map { Double($0.connects) }),
                     SVGChart.Series(name: "abandoned", color: Self.colors.abandon, values: hours.map { Double($0.abandoned) })],
            axis: { String(Int($0.rounded())) })
    }

    private func abandonOverTime() -> String {
        let abandon = summary.abandon
        let window = switch abandon.windowDays {
        case nil: "the whole campaign is one window"
        case 1?: "each calendar day is a window"
        case let days?: "each \(days)-day period from the first call is a window"
        }
        var body = "<p>Profile <b>\(escape(abandon.profile))</b>: \(escape(window)); "
            + (abandon.capPercent.map { "cap \(ReportVerdict.number($0)) % of calls answered by a person." } ?? "no cap set.")
            + "</p>\n"
        guard !summary.days.isEmpty else { return body + none("No call was placed in this range.") }
        body += SVGChart.verticalBars(
            categories: summary.days.compactMap(\.day).map { String($0.dropFirst(5)) },
            series: [SVGChart.Series(name: "abandon rate per day", color: Self.colors.accent,
                                     values: summary.days.map { $0.abandonRate * 100 })],
            rule: abandon.capPercent.map { SVGChart.Rule(value: $0, label: "cap \(ReportVerdict.number($0)) %", color: Self.colors.cap) },
            axis: { ReportVerdict.number($0) + " %" })
        // Ofcom: the rate counts the estimated persons AMD hung up on as abandoned too.
        let estimates = abandon.windows.contains { $0.estimatedAbandoned != nil }
        body += "<table><tr><th>window</th><th>answered by a person</th><th>abandoned</th>"
            + (estimates ? "<th>with AMD's estimated false positives</th>" : "") + "<th>rate</th></tr>"
        for item in abandon.windows {
            let name = item.first == item.last ? item.first : "\(item.first) – \(item.last)"
            let estimated = estimates
                ? "<td>\(item.estimatedAbandoned.map { ReportVerdict.number($0) } ?? "") abandoned of "
                    + "\(item.estimatedPersons.map { ReportVerdict.number($0) } ?? "")</td>"
                : ""
            body += "<tr\(item.overCap ? " class=\"bad\"" : "")><td>\(escape(name))\(item == abandon.worst ? " (worst)" : "")</td>"
                + "<td>\(item.persons)</td><td>\(item.abandoned)</td>\(estimated)<td>\(ReportVerdict.percent(item.rate))</td></tr>"
        }
        return body + "</table>"
    }

    private func agentTable() -> String {
        guard !summary.agents.isEmpty else { return none("No agent took a call or logged in during this range.") }
        var body = "<table><tr><th>agent</th><th>calls</th><th>connects</th><th>talk</th><th>wrap-up</th>"
            + "<th>idle</th><th>logged in</th><th>occupancy</th></tr>"
        for agent in summary.agents {
            let name = agent.name.map { "\(escape($0)) <span class=\"none\">(\(escape(agent.agent)))</span>" } ?? escape(agent.agent)
            body += "<tr><td>\(name)</td><td>\(agent.calls)</td><td>\(agent.connects)</td>"
                + "<td>\(Self.duration(agent.talkSeconds))</td><td>\(Self.duration(agent.wrapSeconds))</td>"
                + "<td>\(Self.duration(agent.idleSeconds))</td><td>\(Self.duration(agent.loggedInSeconds))</td>"
                + "<td>\(ReportVerdict.percent(agent.occupancy))</td></tr>"
        }
        return body + "</table>"
    }

    private func dispositions() -> String {
        let total = summary.dispositions.values.reduce(0, +)
        guard total > 0 else { return none("No disposition recorded in this range.") }
        let order = spec.dispositions.map(\.id)
        let names = summary.dispositions.keys.sorted {
            (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
        }
        return SVGChart.horizontalBars(names.map { name in
            let count = summary.dispositions[name] ?? 0
            return SVGChart.Bar(label: name, value: Double(count), color: Self.colors.accent,
                                note: "\(count) (\(ReportVerdict.percent(Double(count) / Double(total))))")
        })
    }

    private func surveys() -> String {
        guard !summary.surveys.isEmpty else { return none("This campaign asks no survey questions.") }
        return summary.surveys.map { question in
            var part = "<h3>\(escape(question.prompt)) <span class=\"none\">(\(escape(question.survey)).\(escape(question.question)), "
                + "\(question.answered) answered)</span></h3>"
            guard question.answered > 0 else { return part + none("No answers recorded yet.") }
            if question.answers.isEmpty { return part + none("Free-text answers: see results.csv.") }
            part += SVGChart.horizontalBars(question.answers.map { answer in
                SVGChart.Bar(label: answer.answer, value: Double(answer.count), color: Self.colors.accent,
                             note: "\(answer.count) (\(ReportVerdict.percent(Double(answer.count) / Double(question.answered))))")
            })
            return part
        }.joined(separator: "\n")
    }

    private func delivery() -> String {
        guard summary.sms.total + summary.webhooks.total > 0 else { return none("No text message or webhook was queued.") }
        var body = "<table><tr><th></th><th>sent</th><th>queued</th><th>sending</th><th>failed</th>"
            + "<th>maybe delivered</th><th>skipped</th><th>total</th></tr>"
        for (name, figures) in [("text messages", summary.sms), ("webhooks", summary.webhooks)] where figures.total > 0 {
            body += "<tr\(figures.failed + figures.unknown > 0 ? " class=\"bad\"" : "")><td>\(name)</td><td>\(figures.sent)</td>"
                + "<td>\(figures.queued)</td><td>\(figures.sending)</td><td>\(figures.failed)</td>"
                + "<td>\(figures.unknown)</td><td>\(figures.skipped)</td><td>\(figures.total)</td></tr>"
        }
        return body + "</table>"
    }

    private func contactTable() -> String {
        let rows: [(String, Int)] = [
            ("reached", summary.completed), ("every attempt used", summary.exhausted), ("still to call", summary.pending),
            ("invalid number", summary.invalid), ("duplicate number", summary.duplicate), ("do not call", summary.doNotCall),
        ]
        return "<table><tr><th>status</th><th>contacts</th><th>share</th></tr>" + rows.map { label, count in
            "<tr><td>\(label)</td><td>\(count)</td><td>\(ReportVerdict.percent(Double(count) / Double(max(summary.contacts, 1))))</td></tr>"
        }.joined() + "</table>"
    }

    private func none(_ text: String) -> String { "<p class=\"none\">\(escape(text))</p>" }

    /// `3725` → `1 h 02 min`; under an hour `12 min`.
    static func duration(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        return minutes >= 60 ? "\(minutes / 60) h " + String(format: "%02d", minutes % 60) + " min" : "\(minutes) min"
    }
}
