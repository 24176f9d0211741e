import CampaignDSL
import Foundation

/// The team lead's wallboard (`/wallboard`): per campaign the lead may see, live agents (only the
/// lead's teams') and figures (ringing, waiting, connected, dial level, abandon rate against the cap
/// over the compliance window), progress and why contacts are not dialed, the SMS and webhook queues;
/// pause and resume, reassign an absent agent's contacts, open the reports.
extension WebApplication {
    /// The report files a lead may open from the wallboard.
    static let reportFiles: Set<String> = ["report.html", "results.csv", "attempts.csv", "agents.csv", "summary.json"]

    mutating func addWallboard(_ live: LiveWeb) {
        page("GET", "/wallboard", roles: [.lead, .admin]) { [context] _, session in
            let boards = try Self.boards(for: session.user, context: context)
            let words = boards.first.map { Localizer(spec: $0.spec) } ?? Localizer()
            let texts = "<div id=\"texts\" hidden data-json=\"\(WebPage.escape(Self.scriptTexts(words)))\"></div>"
            let body = texts + (boards.isEmpty ? "<p>\(WebPage.escape(words.text(.webNoTeamCampaign)))</p>"
                : boards.map { Self.section($0, session: session) }.joined())
            return .html(WebPage.render(title: words.text(.webWallboardTitle), body: body, session: session,
                                        scripts: ["/static/wallboard.js"], language: words.language.code))
        }
        page("GET", "/wallboard/events", roles: [.lead, .admin]) { [context] _, session in
            let boards = try Self.boards(for: session.user, context: context)
            let stream = ServerSentEventStream()
            live.addBoard(view: LiveWeb.BoardView(campaigns: Set(boards.map(\.status.campaign)),
                                                  agents: session.user.role == .admin ? nil : Set(boards.flatMap(\.agents))),
                          stream: stream)
            return .events(stream)
        }
        page("GET", "/wallboard/status.json", roles: [.lead, .admin]) { [context] _, session in
            .json(try Self.boards(for: session.user, context: context).map(BoardStatus.init))
        }
        page("POST", "/wallboard/campaigns/{campaign}/pause", roles: [.lead, .admin]) { [context] request, session in
            try Self.setPaused(true, request, session, context)
        }
        page("POST", "/wallboard/campaigns/{campaign}/resume", roles: [.lead, .admin]) { [context] request, session in
            try Self.setPaused(false, request, session, context)
        }
        page("POST", "/wallboard/campaigns/{campaign}/reassign", roles: [.lead, .admin]) { [context] request, session in
            let board = try Self.board(request.parameters["campaign"] ?? "", for: session.user, context: context)
            let form = request.form
            let absent = form["from"] ?? ""
            let targets = (form["to"] ?? "").isEmpty ? board.agents.filter { $0 != absent } : [form["to"] ?? ""]
            guard board.agents.contains(absent), targets.allSatisfy(board.agents.contains) else { throw PageRefusal() }
            _ = try context.withStore { store in
                try CallAssignments.reassign(campaign: CompiledCampaign(id: board.stored.id, spec: board.spec), from: absent,
                                             to: targets, method: nil, store: store, at: context.dialingNow)
            }
            return .redirect(to: "/wallboard")
        }
        page("GET", "/reports/{campaign}/{file}", roles: [.lead, .admin]) { [context] request, session in
            let board = try Self.board(request.parameters["campaign"] ?? "", for: session.user, context: context)
            let file = request.parameters["file"] ?? ""
            guard let folder = context.reportsFolder, Self.reportFiles.contains(file),
                  let data = FileManager.default.contents(atPath: "\(folder)/\(board.spec.id)/\(file)") else {
                return .html(WebPage.render(title: "No report yet", body: "<p>The campaign's reports are written when a run ends.</p>",
                                            session: session), status: 404)
            }
            let type = file.hasSuffix(".html") ? "text/html; charset=utf-8" : file.hasSuffix(".json") ? "application/json"
                : "text/csv; charset=utf-8"
            var response = WebResponse(status: 200, headers: [("Content-Type", type), ("Cache-Control", "no-store"),
                                                              ("X-Content-Type-Options", "nosniff")], body: .bytes(Array(data)))
            if !file.hasSuffix(".html") { response.add("Content-Disposition", "attachment; filename=\"\(file)\"") }
            response.add("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
            return response
        }
    }

    /// One campaign as a wallboard shows it to a user.
    struct Board {
        let stored: StoredCampaign
        let spec: CampaignSpec
        let status: CampaignStatus
        let outbox: OutboxSummary
        /// The agents this user sees: a lead's teams' agents, every agent for an admin.
        let agents: [String]
    }

    static func boards(for user: WebUser, context: WebContext) throws -> [Board] {
        try context.withStore { store in
            let daemonRuns = try store.lease().map { DaemonLease.isLive($0, at: context.now) } ?? false
            return try store.storedCampaigns().compactMap { stored -> Board? in
                let spec = try context.spec(of: stored)
                guard user.maySee(campaign: spec) else { return nil }
                let status = try store.connection.readTransaction {
                    try StatusReporter.status(of: stored, store: store, now: context.dialingNow,
                                              cacheDirectory: context.cacheDirectory, daemonRuns: daemonRuns)
                }
                let everyone = CampaignRunner.agentIDs(of: spec)
                let mine = user.role == .lead
                    ? Set(spec.teams.filter { user.teams.contains($0.name) }.flatMap(\.agents).map(\.id)) : Set(everyone)
                return Board(stored: stored, spec: spec, status: status, outbox: try store.outboxSummary(campaign: stored.id),
                             agents: everyone.filter(mine.contains))
            }
        }
    }

    private static func board(_ campaign: String, for user: WebUser, context: WebContext) throws -> Board {
        guard let board = try boards(for: user, context: context).first(where: { $0.spec.id == campaign }) else {
            throw PageRefusal()
        }
        return board
    }

    private static func setPaused(_ paused: Bool, _ request: WebRequest, _ session: WebSession,
                                  _ context: WebContext) throws -> WebResponse {
        let board = try board(request.parameters["campaign"] ?? "", for: session.user, context: context)
        try context.withStore { store in
            try store.setPaused(paused, campaign: board.stored.id, by: "web: \(session.user.name)", at: context.now)
        }
        return .redirect(to: "/wallboard")
    }

    private static func section(_ board: Board, session: WebSession) -> String {
        let words = Localizer(spec: board.spec)
        func t(_ key: TextKey, _ arguments: [String: String] = [:]) -> String { WebPage.escape(words.text(key, arguments)) }
        func span(_ field: String, _ value: String) -> String { "<span data-field=\"\(field)\">\(WebPage.escape(value))</span>" }
        let id = WebPage.escape(board.spec.id)
        let status = board.status
        let cap = words.percent(status.abandonCap ?? 0.03)
        let window = board.spec.compliance.abandonWindowDays.map { words.text(.webWindowPeriod, ["days": String($0)]) }
            ?? words.text(.webWindowWhole)
        let seconds = String(board.spec.compliance.connectSeconds ?? 2)
        var html = """
            <section class="campaign" data-campaign="\(id)"><h2>\(WebPage.escape(board.spec.title ?? board.spec.id))
            <small data-field="state">\(WebPage.escape(Self.state(status, words)))</small></h2>
            <table class="figures"><tbody>
            <tr><th>\(t(.webRinging))</th><td data-field="calls_ringing">–</td><th>\(t(.webWaiting))</th><td data-field="calls_waiting">–</td>
            <th>\(t(.webConnected))</th><td data-field="calls_connected">–</td></tr>
            <tr><th>\(t(.webAgentsLoggedIn))</th><td data-field="agents_logged_in">\(status.liveAgents?.loggedIn ?? 0)</td>
            <th>\(t(.webAgentsReady))</th><td data-field="agents_ready">\(status.liveAgents?.ready ?? 0)</td>
            <th>\(t(.webDialLevel))</th><td data-field="dial_level">–</td></tr>
            <tr><th>\(t(.webAbandoned))</th><td data-field="abandon_rate" data-cap="\(status.abandonCap ?? 0.03)">\(WebPage.escape(words.percent(status.abandonRate)))</td>
            <td colspan="4">\(t(.webAbandonExplained, ["seconds": seconds, "window": window, "cap": cap]))</td></tr>
            </tbody></table>
            """
        html += "<p>" + words.html(.webProgress, ["done": span("done", String(status.done)), "contacts": span("contacts", String(status.contacts)),
                                                  "due": span("due_now", String(status.dueNow)),
                                                  "calls": span("calls_in_flight", String(status.callsInFlight))]) + "</p>"
        html += "<p>" + words.html(.webNotDialed, ["reasons": span("not_dialed", Self.notDialed(status, words))]) + "</p>"
        html += "<p>" + words.html(.webQueues, ["sms": span("sms", Self.queue(board.outbox, .sms, words)),
                                                "webhooks": span("webhooks", Self.queue(board.outbox, .webhook, words))]) + "</p>"
        html += "<table class=\"agents\" id=\"agents-\(id)\"><thead><tr><th>\(t(.webColumnAgent))</th><th>\(t(.webColumnState))</th>"
            + "<th>\(t(.webColumnFor))</th></tr></thead><tbody>"
        let names = Dictionary(board.spec.teams.flatMap(\.agents).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for agent in board.agents {
            let shown = WebPage.escape(names[agent].flatMap { $0 }.map { "\($0) (\(agent))" } ?? agent)
            html += "<tr data-agent=\"\(WebPage.escape(agent))\"><td>\(shown)</td><td class=\"state\">\(t(.webStateLoggedOut))</td>"
                + "<td class=\"since\"></td></tr>"
        }
        html += "</tbody></table>"
        let action = status.paused ? "resume" : "pause"
        html += "<form method=\"post\" action=\"/wallboard/campaigns/\(id)/\(action)\">\(WebPage.csrfField(session))"
            + "<button type=\"submit\" id=\"\(action)-\(id)\">\(t(status.paused ? .webResumeCampaign : .webPauseCampaign))</button></form>"
        if board.agents.count > 1 {
            let options = board.agents.map { "<option>\(WebPage.escape($0))</option>" }.joined()
            html += "<form method=\"post\" action=\"/wallboard/campaigns/\(id)/reassign\">\(WebPage.csrfField(session))"
                + "<label>\(t(.webReassignFrom)) <select name=\"from\">\(options)</select></label> "
                + "<label>\(t(.webReassignTo)) <select name=\"to\"><option value=\"\">\(t(.webReassignOthers))</option>\(options)</select></label> "
                + "<button type=\"submit\">\(t(.webReassign))</button></form>"
        }
        html += "<p><a href=\"/reports/\(id)/report.html\">\(t(.webReport))</a> · <a href=\"/reports/\(id)/results.csv\">results.csv</a></p>"
        return html + "</section>"
    }

    /// The campaign's state in words: paused, dialing or closed.
    static func state(_ status: CampaignStatus, _ words: Localizer) -> String {
        words.text(status.paused ? .webCampaignPaused : status.open ? .webCampaignDialing : .webCampaignClosed)
    }

    /// Why contacts are not dialed now, with their counts.
    static func notDialed(_ status: CampaignStatus, _ words: Localizer) -> String {
        let counts = status.notDialed.sorted { $0.key < $1.key }.filter { $0.value > 0 }
        return counts.isEmpty ? words.text(.webNothing)
            : counts.map { "\($0.key) \(words.number(Double($0.value)))" }.joined(separator: ", ")
    }

    static func queue(_ outbox: OutboxSummary, _ channel: OutboxChannel, _ words: Localizer) -> String {
        words.text(.webQueueCounts, ["waiting": String(outbox.count(channel, .queued) + outbox.count(channel, .sending)),
                                     "sent": String(outbox.count(channel, .sent)), "failed": String(outbox.count(channel, .failed))])
    }

}

/// What `/wallboard/status.json` says of one campaign (refreshed by the page every few seconds).
private struct BoardStatus: Encodable {
    let campaign: String
    let state: String
    let done: Int
    let contacts: Int
    let dueNow: Int
    let callsInFlight: Int
    let notDialed: String
    let sms: String
    let webhooks: String

    init(_ board: WebApplication.Board) {
        let status = board.status
        let words = Localizer(spec: board.spec)
        campaign = board.spec.id
        state = WebApplication.state(status, words)
        done = status.done
        contacts = status.contacts
        dueNow = status.dueNow
        callsInFlight = status.callsInFlight
        notDialed = WebApplication.notDialed(status, words)
        sms = WebApplication.queue(board.outbox, .sms, words)
        webhooks = WebApplication.queue(board.outbox, .webhook, words)
    }

    enum CodingKeys: String, CodingKey {
        case campaign, state, done, contacts, sms, webhooks
        case dueNow = "due_now"
        case callsInFlight = "calls_in_flight"
        case notDialed = "not_dialed"
    }
}
