import CampaignDSL
import Foundation

/// The agent desk's card of a contact as HTML: every value escaped (a name holding markup is shown
/// as text), the form to record the call with the campaign's dispositions, survey questions, the
/// callback times the laws allow in the callee's zone, and the opt-out box.
enum DeskCardHTML {
    /// The screen pop of `call`.
    static func render(_ card: DeskCard, call: CallID, words: Localizer) -> String {
        details(card, words: words) + outcomeForm(card, call: call, words: words)
    }

    /// A preview: the card with Call and Skip.
    static func renderPreview(_ card: DeskCard, job: Int64, words: Localizer) -> String {
        details(card, words: words) + """
            <form class="preview" method="post" action="/desk/preview">
            <input type="hidden" name="campaign" value="\(e(card.campaign))"><input type="hidden" name="job" value="\(job)">
            <button type="submit" name="action" value="call" id="preview-call">\(e(words.text(.webCallNow)))</button>
            <label>\(e(words.text(.webSkipReason))) <input type="text" name="reason" value="" id="skip-reason"></label>
            <button type="submit" name="action" value="skip" id="preview-skip">\(e(words.text(.webSkip)))</button>
            </form>
            """
    }

    private static func details(_ card: DeskCard, words: Localizer) -> String {
        var html = "<h2 id=\"contact-name\">\(e(card.name.isEmpty ? "Contact \(card.contact)" : card.name))</h2>"
        html += "<p class=\"numbers\">" + card.numbers.map { "<span class=\"number\">\(e($0))</span>" }.joined(separator: " · ") + "</p>"
        html += "<p class=\"when\">\(e(words.text(.webLocalTime))) <strong id=\"local-time\">\(e(String(card.localTime.suffix(5))))</strong> "
            + "(\(e(card.zone))) · \(e(card.window))</p>"
        if let script = card.script, !script.isEmpty {
            html += "<details open><summary>\(e(words.text(.webScript)))</summary><p class=\"script\">\(e(script))</p></details>"
        }
        let fields = card.fields.filter { !$0.value.isEmpty }
        if !fields.isEmpty {
            html += "<table class=\"fields\">" + fields.map { "<tr><th>\(e($0.column))</th><td>\(e($0.value))</td></tr>" }.joined()
                + "</table>"
        }
        html += "<h3>\(e(words.text(.webEarlierCalls)))</h3>"
        html += card.history.isEmpty ? "<p>\(e(words.text(.webNone)))</p>"
            : "<ul class=\"history\">" + card.history.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        return html
    }

    private static func outcomeForm(_ card: DeskCard, call: CallID, words: Localizer) -> String {
        var html = """
            <form class="outcome" id="outcome" method="post" action="/desk/outcome">
            <input type="hidden" name="campaign" value="\(e(card.campaign))"><input type="hidden" name="call" value="\(call)">
            <fieldset><legend>\(e(words.text(.webOutcome)))</legend>
            """
        for disposition in card.dispositions {
            html += "<label><input type=\"radio\" name=\"disposition\" value=\"\(e(disposition.id))\"> "
                + "\(e(disposition.label ?? disposition.id))</label>"
        }
        html += "</fieldset>"
        if !card.questions.isEmpty {
            html += "<fieldset><legend>\(e(words.text(.webSurvey)))</legend>"
            for question in card.questions { html += field(for: question) }
            html += "</fieldset>"
        }
        html += "<fieldset><legend>\(e(words.text(.webCallback)))</legend><label>\(e(words.text(.webCallbackWhen, ["zone": card.zone]))) "
            + "<select name=\"callback\" id=\"callback\"><option value=\"\">\(e(words.text(.webCallbackNone)))</option>"
        var day = ""
        for choice in card.callbackChoices {
            if choice.day != day {
                if !day.isEmpty { html += "</optgroup>" }
                day = choice.day
                html += "<optgroup label=\"\(e(day))\">"
            }
            html += "<option value=\"\(e(choice.value))\">\(e(choice.day)) \(e(choice.time))</option>"
        }
        if !day.isEmpty { html += "</optgroup>" }
        html += "</select></label><label><input type=\"checkbox\" name=\"callback_mine\" value=\"1\"> \(e(words.text(.webCallbackMine)))</label>"
            + "</fieldset>"
        html += "<label class=\"opt-out\"><input type=\"checkbox\" name=\"opt_out\" value=\"1\" id=\"opt-out\"> "
            + "\(e(words.text(.webOptOut)))</label>"
        html += "<p><button type=\"submit\" name=\"then\" value=\"\" id=\"save\">\(e(words.text(.webSave)))</button> "
            + "<button type=\"submit\" name=\"then\" value=\"ready\" id=\"save-ready\">\(e(words.text(.webSaveReady)))</button></p></form>"
        return html
    }

    private static func field(for question: Question) -> String {
        let name = "q." + question.id
        let label = "<label>\(e(question.prompt)) "
        switch question.kind {
        case .choice(let options):
            return label + select(name, options.map { ($0, $0) }) + "</label>"
        case .scale(let low, let high):
            return label + select(name, (low...max(low, high)).map { (String($0), String($0)) }) + "</label>"
        case .yesNo:
            return label + select(name, [("yes", "yes"), ("no", "no")]) + "</label>"
        case .number(let low, let high):
            let bounds = (low.map { " min=\"\($0)\"" } ?? "") + (high.map { " max=\"\($0)\"" } ?? "")
            return label + "<input type=\"number\" name=\"\(e(name))\"\(bounds)></label>"
        case .text:
            return label + "<input type=\"text\" name=\"\(e(name))\"></label>"
        }
    }

    private static func select(_ name: String, _ options: [(value: String, text: String)]) -> String {
        "<select name=\"\(e(name))\"><option value=\"\"></option>"
            + options.map { "<option value=\"\(e($0.value))\">\(e($0.text))</option>" }.joined() + "</select>"
    }

    private static func e(_ text: String) -> String { HTMLText.escape(text) }
}
