import CampaignDSL
import Foundation

/// `report.html`: one self-contained page (inline CSS and SVG, no script, no external asset)
/// that tells a team lead at a glance whether the campaign is on track, then shows why:
/// outcomes, calls per hour, the abandon rate against the cap, agents, surveys, messages.
/// Every text that comes from a list, a campaign file or an agent is escaped.
struct HTMLReport {
    let summary: CampaignSummary
    let spec: CampaignSpec
    /// The campaign's language and zone.
    let words: Localizer

    init(summary: CampaignSummary, spec: CampaignSpec) {
        self.summary = summary
        self.spec = spec
        words = Localizer(spec: spec)
    }

    private static let colors = (
        connect: "#2e7d32", abandon: "#c62828", call: "#90a4ae", machine: "#8d6e63", other: "#b0bec5",
        cap: "#c62828", accent: "#1565c0")

    func render() -> String {
        var page = head()
        page += verdictBanner()
        page += figures()
        page += section(.sectionOutcomes, outcomes())
        page += section(.sectionHours, perHour())
        page += section(.sectionAbandon, abandonOverTime())
        page += section(.sectionAgents, agentTable())
        page += section(.sectionDispositions, dispositions())
        page += section(.sectionSurveys, surveys())
        page += section(.sectionDelivery, delivery())
        page += section(.sectionContacts, contactTable())
        return page + "<footer>\(words.html(.footer, ["zone": escape(summary.timeZone)]))</footer>\n</main>\n</body>\n</html>\n"
    }

    private func escape(_ text: String) -> String { HTMLText.escape(text) }
    private func number(_ value: Int) -> String { words.number(value) }
    private func share(_ count: Int, of total: Int) -> String { words.percent(Double(count) / Double(max(total, 1))) }

    private func head() -> String {
        let title = spec.title ?? spec.id
        let range: String
        switch (summary.from, summary.to) {
        case (nil, nil): range = words.text(.rangeAll)
        case let (from?, to?) where from == to: range = words.day(from)
        case let (from, to):
            range = words.text(.rangeFromTo, ["from": from.map { words.day($0) } ?? words.text(.rangeFirstCall),
                                              "to": to.map { words.day($0) } ?? words.text(.rangeNow)])
        }
        let calls = summary.firstCall.map { first in
            " · " + words.text(.callsSpan, ["first": words.dateTime(iso: first),
                                            "last": summary.lastCall.map { words.dateTime(iso: $0) } ?? "…"])
        } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="\(words.language.code)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(words.text(.reportTitle, ["title": title])))</title>
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
            td + td { white-space: nowrap; } tr.bad td { color: #c62828; font-weight: 600; }
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
            <p class="sub">\(escape(words.text(.campaignLabel))) <b>\(escape(spec.id))</b> · \(escape(range)) · \(escape(summary.timeZone))\
            \(escape(calls))</p>

            """
    }

    private func verdictBanner() -> String {
        let verdict = summary.verdict ?? ReportVerdict(summary: summary, words: words)
        return "<div class=\"verdict \(verdict.status.rawValue)\">\(escape(verdict.headline))</div>\n"
    }

    /// The abandon tile's label: which window its figure is the worst of, and the cap.
    private var abandonTileLabel: String {
        let cap = summary.abandon.capPercent.map { words.text(.tileCap, ["cap": words.percent(points: $0)]) } ?? words.text(.tileNoCap)
        return switch summary.abandon.windowDays {
        case nil: words.text(.tileAbandonWhole, ["cap": cap])
        case 1?: words.text(.tileAbandonDay, ["cap": cap])
        case let days?: words.text(.tileAbandonPeriod, ["days": String(days), "cap": cap])
        }
    }

    private func figures() -> String {
        let worst = summary.abandon.worst
        var tiles: [(String, String, Bool)] = [
            (number(summary.contacts), words.text(.tileContacts), false),
            (number(summary.attempts), words.text(.tileCallsPlaced), false),
            (number(summary.completed), words.text(.tileReached), false),
            (number(summary.pending), words.text(.tileStillToCall), false),
            (words.percent(worst?.rate ?? 0), abandonTileLabel, summary.abandon.overCap),
            (words.percent(summary.occupancy), words.text(.tileOccupancy), false),
        ]
        if summary.sms.total > 0 {
            tiles.append(("\(number(summary.sms.sent))/\(number(summary.sms.total))", words.text(.tileTextsSent), summary.sms.failed > 0))
        }
        let body = tiles.map { value, label, bad in
            "<div class=\"tile\(bad ? " bad" : "")\"><b>\(escape(value))</b><span>\(escape(label))</span></div>"
        }.joined()
        return "<div class=\"tiles\">\(body)</div>\n"
    }

    private func section(_ title: TextKey, _ body: String) -> String {
        "<section><h2>\(escape(words.text(title)))</h2>\n\(body)\n</section>\n"
    }

    private func outcomes() -> String {
        guard summary.attempts > 0 else { return none(.noCalls) }
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
            return SVGChart.Bar(label: words.outcome(key), value: Double(count), color: color,
                                note: "\(number(count)) (\(share(count, of: summary.attempts)))")
        }
        return SVGChart.horizontalBars(bars) + amdVerdicts()
    }

    /// What answering-machine detection decided, when it ran on any call.
    private func amdVerdicts() -> String {
        let total = summary.amd.values.reduce(0, +)
        guard total > 0 else { return "" }
        let verdicts = summary.amd.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { verdict, count in
            "\(words.amdVerdict(verdict)) \(number(count)) (\(share(count, of: total)))"
        }
        return "<p>\(escape(words.text(.amdRan, ["total": number(total), "verdicts": verdicts.joined(separator: ", ")])))</p>"
    }

    private func perHour() -> String {
        let active = summary.hours.filter { $0.calls > 0 }.compactMap(\.hour)
        guard let first = active.min(), let last = active.max() else { return none(.noCalls) }
        let hours = summary.hours.filter { ($0.hour ?? -1) >= first && ($0.hour ?? 24) <= last }
        return SVGChart.verticalBars(
            categories: hours.map { String(format: "%02d:00", $0.hour ?? 0) },
            series: [SVGChart.Series(name: words.text(.seriesCalls), color: Self.colors.call, values: hours.map { Double($0.calls) }),
                     SVGChart.Series(name: words.text(.seriesConnects), color: Self.colors.connect,
                                     values: hours.map { Double($0.connects) }),
                     SVGChart.Series(name: words.text(.seriesAbandoned), color: Self.colors.abandon,
                                     values: hours.map { Double($0.abandoned) })],
            integral: true, axis: { value, decimals in words.number(value, decimals: decimals) })
    }

    private func abandonOverTime() -> String {
        let abandon = summary.abandon
        let window = switch abandon.windowDays {
        case nil: words.text(.abandonWindowWhole)
        case 1?: words.text(.abandonWindowDay)
        case let days?: words.text(.abandonWindowPeriod, ["days": String(days)])
        }
        let cap = abandon.capPercent.map { words.text(.abandonCap, ["cap": words.percent(points: $0), "profile": abandon.profile]) }
            ?? words.text(.abandonNoCap, ["profile": abandon.profile])
        // Ofcom: the rate counts the estimated persons AMD hung up on as abandoned too.
        let estimates = abandon.windows.contains { $0.estimatedAbandoned != nil }
        var body = "<p>\(escape(words.text(.abandonDefinition)))</p>\n<p>\(escape(window)) \(escape(cap))"
            + (estimates ? " " + escape(words.text(.abandonEstimates)) : "") + "</p>\n"
        guard !summary.days.isEmpty else { return body + none(.noCalls) }
        body += SVGChart.verticalBars(
            categories: summary.days.compactMap(\.day).map { words.day($0, short: true) },
            series: [SVGChart.Series(name: words.text(.seriesAbandonRate), color: Self.colors.accent,
                                     values: summary.days.map { $0.abandonRate * 100 })],
            rule: abandon.capPercent.map {
                SVGChart.Rule(value: $0, label: words.text(.ruleCap, ["cap": words.percent(points: $0)]), color: Self.colors.cap)
            },
            axis: { value, decimals in words.number(value, decimals: decimals) + " %" })
        body += "<table><tr><th>\(escape(words.text(.colWindow)))</th><th>\(escape(words.text(.colPersons)))</th>"
            + "<th>\(escape(words.text(.colAbandoned)))</th>"
            + (estimates ? "<th>\(escape(words.text(.colEstimated)))</th>" : "") + "<th>\(escape(words.text(.colRate)))</th></tr>"
        for item in abandon.windows {
            let name = item.first == item.last ? words.day(item.first) : "\(words.day(item.first)) – \(words.day(item.last))"
            let estimated = estimates
                ? "<td>" + escape(words.text(.estimatedOf, [
                    "abandoned": item.estimatedAbandoned.map { words.number($0, decimals: 1, trimmed: true) } ?? "",
                    "persons": item.estimatedPersons.map { words.number($0, decimals: 1, trimmed: true) } ?? ""])) + "</td>"
                : ""
            body += "<tr\(item.overCap ? " class=\"bad\"" : "")><td>\(escape(name))"
                + "\(item == abandon.worst ? escape(words.text(.worstMark)) : "")</td>"
                + "<td>\(number(item.persons))</td><td>\(number(item.abandoned))</td>\(estimated)<td>\(words.percent(item.rate))</td></tr>"
        }
        return body + "</table>"
    }

    private func agentTable() -> String {
        guard !summary.agents.isEmpty else { return none(.noAgents) }
        let columns: [TextKey] = [.colAgent, .colCalls, .colConnects, .colTalk, .colWrap, .colIdle, .colLoggedIn, .colOccupancy]
        var body = "<table><tr>" + columns.map { "<th>\(escape(words.text($0)))</th>" }.joined() + "</tr>"
        for agent in summary.agents {
            let name = agent.name.map { "\(escape($0)) <span class=\"none\">(\(escape(agent.agent)))</span>" } ?? escape(agent.agent)
            body += "<tr><td>\(name)</td><td>\(number(agent.calls))</td><td>\(number(agent.connects))</td>"
                + "<td>\(escape(words.duration(agent.talkSeconds)))</td><td>\(escape(words.duration(agent.wrapSeconds)))</td>"
                + "<td>\(escape(words.duration(agent.idleSeconds)))</td><td>\(escape(words.duration(agent.loggedInSeconds)))</td>"
                + "<td>\(words.percent(agent.occupancy))</td></tr>"
        }
        return body + "</table>"
    }

    private func dispositions() -> String {
        let total = summary.dispositions.values.reduce(0, +)
        guard total > 0 else { return none(.noDispositions) }
        let order = spec.dispositions.map(\.id)
        let names = summary.dispositions.keys.sorted {
            (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
        }
        return SVGChart.horizontalBars(names.map { name in
            let count = summary.dispositions[name] ?? 0
            return SVGChart.Bar(label: words.disposition(name, in: spec), value: Double(count), color: Self.colors.accent,
                                note: "\(number(count)) (\(share(count, of: total)))")
        })
    }

    private func surveys() -> String {
        guard !summary.surveys.isEmpty else { return none(.noSurveys) }
        return summary.surveys.map { question in
            var part = "<h3>\(escape(question.prompt)) <span class=\"none\">("
                + escape(words.text(.answeredCount, ["count": number(question.answered)])) + ")</span></h3>"
            guard question.answered > 0 else { return part + none(.noAnswersYet) }
            if question.answers.isEmpty { return part + none(.freeTextAnswers) }
            part += SVGChart.horizontalBars(question.answers.map { answer in
                SVGChart.Bar(label: words.answer(answer.answer), value: Double(answer.count), color: Self.colors.accent,
                             note: "\(number(answer.count)) (\(share(answer.count, of: question.answered)))")
            })
            return part
        }.joined(separator: "\n")
    }

    private func delivery() -> String {
        guard summary.sms.total + summary.webhooks.total > 0 else { return none(.noDelivery) }
        let columns: [TextKey] = [.colSent, .colQueued, .colSending, .colFailed, .colMaybeDelivered, .colSkipped, .colTotal]
        var body = "<table><tr><th></th>" + columns.map { "<th>\(escape(words.text($0)))</th>" }.joined() + "</tr>"
        for (name, figures) in [(TextKey.rowTextMessages, summary.sms), (.rowWebhooks, summary.webhooks)] where figures.total > 0 {
            let cells = [figures.sent, figures.queued, figures.sending, figures.failed, figures.unknown, figures.skipped, figures.total]
            body += "<tr\(figures.failed + figures.unknown > 0 ? " class=\"bad\"" : "")><td>\(escape(words.text(name)))</td>"
                + cells.map { "<td>\(number($0))</td>" }.joined() + "</tr>"
        }
        return body + "</table>"
    }

    private func contactTable() -> String {
        let rows: [(TextKey, Int)] = [
            (.statusReached, summary.completed), (.statusExhausted, summary.exhausted), (.statusPending, summary.pending),
            (.statusInvalid, summary.invalid), (.statusDuplicate, summary.duplicate), (.statusDoNotCall, summary.doNotCall),
        ]
        return "<table><tr><th>\(escape(words.text(.colStatus)))</th><th>\(escape(words.text(.colContacts)))</th>"
            + "<th>\(escape(words.text(.colShare)))</th></tr>" + rows.map { label, count in
                "<tr><td>\(escape(words.text(label)))</td><td>\(number(count))</td><td>\(share(count, of: summary.contacts))</td></tr>"
            }.joined() + "</table>"
    }

    private func none(_ text: TextKey) -> String { "<p class=\"none\">\(escape(words.text(text)))</p>" }
}
