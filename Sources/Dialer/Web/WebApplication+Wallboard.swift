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
            let body = boards.isEmpty ? "<p>No campaign of your teams is in the database.</p>"
                : boards.map { Self.section($0, session: session) }.joined()
            return .html(WebPage.render(title: "Wallboard", body: body, session: session, scripts: ["/static/wallboard.js"]))
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
        let id = WebPage.escape(board.spec.id)
        let status = board.status
        let capText = status.abandonCap.map { Self.percent($0) } ?? "3 %"
        let window = board.spec.compliance.abandonWindowDays.map { "the last \($0) day\($0 == 1 ? "" : "s")" } ?? "the campaign so far"
        var html = """
            <section class="campaign" data-campaign="\(id)"><h2>\(WebPage.escape(board.spec.title ?? board.spec.id))
            <small data-field="state">\(status.paused ? "paused" : status.open ? "dialing" : "closed")</small></h2>
            <table class="figures"><tbody>
            <tr><th>Ringing</th><td data-field="calls_ringing">–</td><th>Waiting for an agent</th><td data-field="calls_waiting">–</td>
            <th>Connected</th><td data-field="calls_connected">–</td></tr>
            <tr><th>Agents logged in</th><td data-field="agents_logged_in">\(status.liveAgents?.loggedIn ?? 0)</td>
            <th>Ready</th><td data-field="agents_ready">\(status.liveAgents?.ready ?? 0)</td>
            <th>Dial level</th><td data-field="dial_level">–</td></tr>
            <tr><th>Abandoned</th><td data-field="abandon_rate" data-cap="\(status.abandonCap ?? 0.03)">\(Self.percent(status.abandonRate))</td>
            <td colspan="4">of answered persons who found no agent within 2 s, over \(WebPage.escape(window)); the cap is \(capText)</td></tr>
            </tbody></table>
            <p>Progress: <span data-field="done">\(status.done)</span> of <span data-field="contacts">\(status.contacts)</span> contacts done,
            <span data-field="due_now">\(status.dueNow)</span> due now, <span data-field="calls_in_flight">\(status.callsInFlight)</span> calls in flight.</p>
            """
        let notDialed = status.notDialed.sorted { $0.key < $1.key }.filter { $0.value > 0 }
        html += "<p>Not dialed now: <span data-field=\"not_dialed\">"
            + WebPage.escape(notDialed.isEmpty ? "none" : notDialed.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            + "</span></p>"
        html += "<p>Text messages: <span data-field=\"sms\">\(Self.queue(board.outbox, .sms))</span>. "
            + "Webhooks: <span data-field=\"webhooks\">\(Self.queue(board.outbox, .webhook))</span>.</p>"
        html += "<table class=\"agents\" id=\"agents-\(id)\"><thead><tr><th>agent</th><th>state</th><th>for</th></tr></thead><tbody>"
        for agent in board.agents {
            let name = WebPage.escape(agent)
            html += "<tr data-agent=\"\(name)\"><td>\(name)</td><td class=\"state\">logged out</td><td class=\"since\"></td></tr>"
        }
        html += "</tbody></table>"
        let action = status.paused ? "resume" : "pause"
        html += "<form method=\"post\" action=\"/wallboard/campaigns/\(id)/\(action)\">\(WebPage.csrfField(session))"
            + "<button type=\"submit\" id=\"\(action)-\(id)\">\(status.paused ? "Resume" : "Pause") the campaign</button></form>"
        if board.agents.count > 1 {
            let options = board.agents.map { "<option>\(WebPage.escape($0))</option>" }.joined()
            html += "<form method=\"post\" action=\"/wallboard/campaigns/\(id)/reassign\">\(WebPage.csrfField(session))"
                + "<label>Give the contacts of <select name=\"from\">\(options)</select></label> "
                + "<label>to <select name=\"to\"><option value=\"\">the others</option>\(options)</select></label> "
                + "<button type=\"submit\">Reassign</button></form>"
        }
        html += "<p><a href=\"/reports/\(id)/report.html\">Report</a> · <a href=\"/reports/\(id)/results.csv\">results.csv</a></p>"
        return html + "</section>"
    }

    static func queue(_ outbox: OutboxSummary, _ channel: OutboxChannel) -> String {
        "\(outbox.count(channel, .queued) + outbox.count(channel, .sending)) waiting, \(outbox.count(channel, .sent)) sent, "
            + "\(outbox.count(channel, .failed)) failed"
    }

    static func percent(_ fraction: Double) -> String {
        String(format: "%.2f %%", fraction * 100)
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
        campaign = board.spec.id
        state = status.paused ? "paused" : status.open ? "dialing" : "closed"
        done = status.done
        contacts = status.contacts
        dueNow = status.dueNow
        callsInFlight = status.callsInFlight
        let notDialedCounts = status.notDialed.sorted { $0.key < $1.key }.filter { $0.value > 0 }
        notDialed = notDialedCounts.isEmpty ? "none" : notDialedCounts.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        sms = WebApplication.queue(board.outbox, .sms)
        webhooks = WebApplication.queue(board.outbox, .webhook)
    }

    enum CodingKeys: String, CodingKey {
        case campaign, state, done, contacts, sms, webhooks
        case dueNow = "due_now"
        case callsInFlight = "calls_in_flight"
        case notDialed = "not_dialed"
    }
}
