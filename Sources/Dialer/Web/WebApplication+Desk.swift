import CampaignDSL
import Foundation

/// The agent desk (`/desk`): the agent's state with ready / pause / log out, the screen pop of each
/// call put through to them, previews with call / skip, and their assigned contacts. Every change goes
/// to the campaign's runner as a ``DeskCommand``, through the same paths and laws as the telephony's
/// events; the page follows the runner's events over `/desk/events`.
extension WebApplication {
    /// How long a request waits for the runner to answer a command.
    static let deskReplyWait: TimeInterval = 5
    /// The reasons offered for a pause.
    static let pauseReasons = ["break", "lunch", "meeting", "training", "coaching", "other"]

    mutating func addDesk(_ live: LiveWeb) {
        page("GET", "/desk", roles: [.agent]) { [context] _, session in
            let agent = try Self.agent(of: session)
            let (body, words) = try Self.deskBody(agent: agent, session: session, context: context)
            return .html(WebPage.render(title: words.text(.webDeskTitle), body: body, session: session,
                                        scripts: ["/static/desk.js"], language: words.language.code))
        }
        page("GET", "/desk/events", roles: [.agent]) { _, session in
            let agent = try Self.agent(of: session)
            let stream = ServerSentEventStream()
            live.addDesk(agent: agent, stream: stream)
            return .events(stream)
        }
        page("POST", "/desk/presence", roles: [.agent]) { request, session in
            let agent = try Self.agent(of: session)
            let form = request.form
            let presence: AgentPresence
            switch form["state"] {
            case "ready": presence = .available
            case "paused": presence = .paused
            case "logged-out": presence = .loggedOut
            default: return Self.deskAnswer(request, ok: false, "choose ready, paused or logged-out")
            }
            let reason = presence == .paused ? Self.pauseReason(form) : nil
            let replies = live.desk.setPresence(presence, of: agent, reason: reason)
            let refusals = replies.compactMap { box -> String? in
                if case .refused(let why) = box.wait(timeout: Self.deskReplyWait) ?? .refused("no answer") { why } else { nil }
            }
            let note = replies.isEmpty ? "no campaign of yours is dialing now; you are \(form["state"] ?? "") for when one starts" : nil
            return Self.deskAnswer(request, ok: refusals.isEmpty, refusals.first ?? note ?? "you are \(form["state"] ?? "")")
        }
        page("POST", "/desk/outcome", roles: [.agent]) { [context] request, session in
            let agent = try Self.agent(of: session)
            let form = request.form
            guard let campaign = form["campaign"], let call = Int64(form["call"] ?? "") else {
                return Self.deskAnswer(request, ok: false, "the form names no call")
            }
            let outcome: AgentOutcome
            switch try Self.outcome(from: form, agent: agent, call: call, context: context) {
            case .success(let value): outcome = value
            case .failure(let problem): return Self.deskAnswer(request, ok: false, problem.message)
            }
            guard let box = live.desk.send(.outcome(agent: agent, call: call, outcome), to: campaign) else {
                return Self.deskAnswer(request, ok: false, "campaign \(campaign) is not dialing now")
            }
            switch box.wait(timeout: Self.deskReplyWait) {
            case .done(let note):
                if form["then"] == "ready" {
                    for reply in live.desk.setPresence(.available, of: agent, reason: nil) { _ = reply.wait(timeout: Self.deskReplyWait) }
                }
                return Self.deskAnswer(request, ok: true, note ?? "saved")
            case .refused(let why): return Self.deskAnswer(request, ok: false, why)
            case nil: return Self.deskAnswer(request, ok: false, "the campaign did not answer in time; try again")
            }
        }
        page("POST", "/desk/preview", roles: [.agent]) { request, session in
            let agent = try Self.agent(of: session)
            let form = request.form
            guard let campaign = form["campaign"], let job = Int64(form["job"] ?? "") else {
                return Self.deskAnswer(request, ok: false, "the form names no preview")
            }
            let command: DeskCommand
            switch form["action"] {
            case "call": command = .previewCall(agent: agent, job: job)
            case "skip":
                let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else { return Self.deskAnswer(request, ok: false, "say why you skip this contact") }
                command = .previewSkip(agent: agent, job: job, reason: String(reason.prefix(200)))
            default: return Self.deskAnswer(request, ok: false, "choose call or skip")
            }
            guard let box = live.desk.send(command, to: campaign) else {
                return Self.deskAnswer(request, ok: false, "campaign \(campaign) is not dialing now")
            }
            switch box.wait(timeout: Self.deskReplyWait) {
            case .done(let note): return Self.deskAnswer(request, ok: true, note ?? "done")
            case .refused(let why): return Self.deskAnswer(request, ok: false, why)
            case nil: return Self.deskAnswer(request, ok: false, "the campaign did not answer in time; try again")
            }
        }
    }

    /// The agent id of an agent user (an agent user without one cannot work the desk).
    static func agent(of session: WebSession) throws -> String {
        guard let agent = session.user.agent else { throw PageRefusal() }
        return agent
    }

    private static func pauseReason(_ form: [String: String]) -> String {
        let chosen = form["reason"].flatMap { pauseReasons.contains($0) ? $0 : nil } ?? "other"
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespaces)
        return note.isEmpty ? chosen : chosen + ": " + String(note.prefix(100))
    }

    /// A form's problem, in words for the agent.
    struct FormProblem: Error {
        let message: String
    }

    /// The outcome a desk form describes: disposition, answers (`q.ID`), callback (the callee's local
    /// time as offered, for the agent or anyone), opt-out.
    static func outcome(from form: [String: String], agent: String, call: CallID,
                        context: WebContext) throws -> Result<AgentOutcome, FormProblem> {
        var outcome = AgentOutcome()
        if let disposition = form["disposition"], !disposition.isEmpty { outcome.disposition = disposition }
        for (name, value) in form where name.hasPrefix("q.") && !value.isEmpty {
            outcome.answers[String(name.dropFirst(2))] = value
        }
        outcome.optOut = form["opt_out"] == "1"
        if let text = form["callback"], !text.isEmpty {
            let zoneName = try context.withStore { try $0.recordedAttempt(call: call)?.zone }
            guard let zone = CalleeZones.primary(zoneName ?? "") ?? TimeZone(identifier: "UTC"),
                  let at = LocalTimeText.parse(text, zone: zone) else {
                return .failure(FormProblem(message: "'\(text)' is not a callback time"))
            }
            outcome.callback = CallbackRequest(at: at, agent: form["callback_mine"] == "1" ? agent : nil)
        }
        return .success(outcome)
    }

    /// JSON for the desk's script (`fetch` sends `Accept: application/json`), else back to the desk.
    static func deskAnswer(_ request: WebRequest, ok: Bool, _ message: String) -> WebResponse {
        if request.header("accept")?.contains("application/json") == true {
            return .json(DeskAnswer(ok: ok, message: message), status: ok ? 200 : 409)
        }
        return .redirect(to: "/desk")
    }

    /// The desk's page and the language it is in: that of the agent's first campaign.
    private static func deskBody(agent: String, session: WebSession, context: WebContext) throws -> (String, Localizer) {
        try context.withStore { store in
            let campaigns = try store.storedCampaigns().compactMap { stored -> (StoredCampaign, CampaignSpec)? in
                let spec = try context.spec(of: stored)
                return CampaignRunner.agentIDs(of: spec).contains(agent) ? (stored, spec) : nil
            }
            let words = campaigns.first.map { Localizer(spec: $0.1) } ?? Localizer()
            func t(_ key: TextKey) -> String { WebPage.escape(words.text(key)) }
            let reasons = pauseReasons.map { "<option value=\"\($0)\">\($0)</option>" }.joined()
            var html = """
                <div id="texts" hidden data-json="\(WebPage.escape(Self.scriptTexts(words)))"></div>
                <section class="state"><p>\(t(.webYouAre)) <strong id="state">\(t(.webStateLoggedOut))</strong> <span id="since"></span>
                <span id="campaigns"></span></p>
                <form method="post" action="/desk/presence" class="presence">\(WebPage.csrfField(session))
                <button type="submit" name="state" value="ready" id="ready">\(t(.webReady))</button>
                <select name="reason" id="pause-reason">\(reasons)</select>
                <input type="text" name="note" placeholder="\(t(.webNote))" id="pause-note">
                <button type="submit" name="state" value="paused" id="pause">\(t(.webPause))</button>
                <button type="submit" name="state" value="logged-out" id="logout-desk">\(t(.webLogOutOfCalls))</button>
                </form><p id="message" role="status"></p></section>
                <section id="call" class="call"><p class="idle">\(t(.webNoCall))</p></section>
                <section id="preview" class="preview"></section>
                <h2>\(t(.webYourContacts))</h2>
                """
            var lists = ""
            for (stored, spec) in campaigns {
                let sheet = try CallSheetBuilder(store: store, campaign: CompiledCampaign(id: stored.id, spec: spec))
                    .sheet(for: agent, at: context.dialingNow)
                lists += "<h3>\(WebPage.escape(spec.title ?? spec.id))</h3>"
                lists += sheet.rows.isEmpty ? "<p>\(t(.webNoContactAssigned))</p>"
                    : WebPage.table(["#", words.text(.webColumnName), words.text(.webColumnNumber), words.text(.webColumnNextAllowed),
                                     words.text(.webColumnCallback), words.text(.webColumnCalls)],
                                    sheet.rows.map { row in
                                        let local = Localizer(language: words.language, timeZone: row.timeZone)
                                        return [String(row.order), row.name, row.numbers.first ?? "",
                                                row.nextAllowed.map(local.dateTime) ?? "",
                                                row.callback.map { local.dateTime($0.at) + " " + ($0.agent ?? "") } ?? "",
                                                String(row.history.count)]
                                    })
            }
            html += lists.isEmpty ? "<p>\(t(.webNoCampaign))</p>" : lists
            return (html, words)
        }
    }

    /// The texts the pages' scripts show, as JSON (agents' states, the desk's notes).
    static func scriptTexts(_ words: Localizer) -> String {
        let keys: [String: TextKey] = [
            "logged-out": .webStateLoggedOut, "ready": .webStateReady, "previewing": .webStatePreviewing,
            "dialing": .webStateDialing, "on-call": .webStateOnCall, "wrap-up": .webStateWrapUp, "paused": .webStatePaused,
            "busy": .webStateBusy, "call-ended": .webCallEnded, "saved": .webSaved, "for": .webFor,
        ]
        return LiveWeb.json(keys.mapValues { words.text($0) })
    }
}

private struct DeskAnswer: Encodable {
    let ok: Bool
    let message: String
}
