import CampaignDSL
import Foundation

/// Renders a call sheet as one printable HTML page: a card per contact in calling order with numbers,
/// the callee's local window, earlier calls, the list's fields, the survey with answer boxes, the
/// dispositions, room for a callback time and an opt-out box. Every value from a list is escaped.
/// In the campaign's language: outcomes and dispositions by their labels, times as the language writes them.
enum CallSheetHTML {
    static func render(_ sheet: CallSheet) -> String {
        let words = sheet.words
        let count = sheet.rows.count == 1
            ? words.text(.sheetContactsOne) : words.text(.sheetContacts, ["count": words.number(sheet.rows.count)])
        let agent = "<strong>\(escape(sheet.agentName ?? sheet.agent))</strong> (\(escape(sheet.agent)))"
        var html = """
            <!DOCTYPE html>
            <html lang="\(words.language.code)"><head><meta charset="utf-8">
            <title>\(escape(words.text(.sheetPageTitle, ["campaign": sheet.campaign, "agent": sheet.agent])))</title>
            <style>
            body { font: 11pt/1.35 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; margin: 1.5em; color: #111; }
            h1 { font-size: 16pt; margin: 0 0 .2em; } .meta { color: #444; margin-bottom: 1em; }
            .card { border: 1px solid #888; border-radius: 6px; padding: .7em .9em; margin: 0 0 1em; page-break-inside: avoid; break-inside: avoid; }
            .head { display: flex; justify-content: space-between; gap: 1em; font-size: 12.5pt; }
            .order { font-weight: 700; } .name { font-weight: 700; } .numbers { font-family: ui-monospace, monospace; }
            table { border-collapse: collapse; margin: .4em 0; } td, th { padding: .1em .6em .1em 0; vertical-align: top; text-align: left; }
            th { font-weight: 600; color: #333; white-space: nowrap; }
            .box { display: inline-block; width: .9em; height: .9em; border: 1px solid #222; margin: 0 .25em -.1em .6em; }
            .line { display: inline-block; min-width: 14em; border-bottom: 1px solid #222; height: 1.1em; }
            .short { min-width: 6em; } .section { margin-top: .4em; font-weight: 600; }
            .history { color: #333; } .row-key { color: #777; font-size: 8.5pt; }
            @media print { body { margin: 0; } .card { border-color: #000; } }
            </style></head><body>
            <h1>\(escape(sheet.title ?? sheet.campaign))</h1>
            <div class="meta">\(words.html(.sheetFor, ["agent": agent])) · \(escape(count)) · \
            \(escape(words.dateTime(sheet.generatedAt))) \(escape(words.timeZone.identifier))</div>

            """
        for row in sheet.rows {
            html += card(row, sheet: sheet)
        }
        if sheet.rows.isEmpty { html += "<p>\(escape(words.text(.sheetNoContacts)))</p>\n" }
        return html + "</body></html>\n"
    }

    private static func card(_ row: CallSheet.Row, sheet: CallSheet) -> String {
        // Times in the callee's zone, words in the campaign's language.
        let words = Localizer(language: sheet.words.language, timeZone: row.timeZone)
        let label = { (key: TextKey) in escape(words.text(key)) }
        var html = """
            <div class="card">
            <div class="head"><span><span class="order">\(row.order).</span> <span class="name">\(escape(row.name))</span></span>\
            <span class="numbers">\(row.numbers.map(escape).joined(separator: " · "))</span></div>
            <table>
            <tr><th>\(label(.sheetLocalTime))</th><td>\(escape(CalleeZones.readable(row.zone))) · \(escape(row.window))</td></tr>
            <tr><th>\(label(.sheetCallFrom))</th><td>\(escape(row.nextAllowed.map(words.dateTime) ?? words.text(.sheetNotAllowed)))</td></tr>

            """
        if let callback = row.callback {
            let who = callback.agent ?? words.text(.sheetAnyone)
            html += "<tr><th>\(label(.sheetCallbackAgreed))</th><td>\(escape(words.dateTime(callback.at))) (\(escape(who)))</td></tr>\n"
        }
        let history = row.history.isEmpty ? label(.sheetNone) : row.history.map { call in
            escape(words.dateTime(call.placedAt) + " " + words.outcome(call.outcome) + (call.agent.map { " (\($0))" } ?? ""))
        }.joined(separator: "<br>")
        html += "<tr><th>\(label(.sheetEarlierCalls))</th><td class=\"history\">\(history)</td></tr>\n"
        for field in row.fields {
            html += "<tr><th>\(escape(field.column))</th><td>\(escape(field.value))</td></tr>\n"
        }
        html += "</table>\n"
        if !sheet.questions.isEmpty {
            html += "<div class=\"section\">\(label(.sheetSurvey))</div><table>\n"
            for question in sheet.questions {
                var prompt = escape(question.prompt)
                if let condition = question.condition {
                    let only = words.text(.sheetOnlyIf, ["question": condition.question,
                                                         "answers": condition.answers.map(words.answer).joined(separator: ", ")])
                    prompt += " <em>(\(escape(only)))</em>"
                }
                html += "<tr><th>\(escape(question.id))</th><td>\(prompt)<br>\(answerBoxes(question, words: words))</td></tr>\n"
            }
            html += "</table>\n"
        }
        html += "<div class=\"section\">\(label(.sheetOutcome))</div><div>"
        html += sheet.dispositions.map { disposition in
            let label = disposition.label.map { "\(escape($0)) <small>[\(escape(disposition.id))]</small>" } ?? escape(disposition.id)
            return "<span class=\"box\"></span>\(label)"
        }.joined()
        html += "</div>\n<div>\(label(.sheetCallbackAt)) <span class=\"line short\"></span> \(label(.sheetDate)) "
        html += "<span class=\"line short\"></span> \(label(.sheetTime)) <span class=\"box\"></span>\(label(.sheetMe)) "
        html += "<span class=\"box\"></span>\(label(.sheetAnyone)) "
        html += "· <span class=\"box\"></span>\(label(.sheetOptOut))</div>\n"
        html += "<div class=\"row-key\">\(escape(row.key))</div>\n</div>\n"
        return html
    }

    private static func answerBoxes(_ question: Question, words: Localizer) -> String {
        let options: [String]
        switch question.kind {
        case .choice(let choices): options = choices
        case .yesNo: options = ["yes", "no"].map { id in words.answer(id) == id ? id : words.answer(id) + " [\(id)]" }
        case .scale(let low, let high) where high - low <= 10: options = (low...high).map(String.init)
        case .scale, .number, .text:
            return "<span class=\"line\"></span> <small>\(escape(OutcomeValidator.describe(question.kind)))</small>"
        }
        return options.map { "<span class=\"box\"></span>\(escape($0))" }.joined()
    }

    /// Text safe in HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
