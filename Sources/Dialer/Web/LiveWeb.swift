import CampaignDSL
import Foundation

/// Carries the campaigns' event stream to the browsers: each agent's desk gets its own state, its
/// screen pops (the contact's card, rendered here once per call) and previews; each wallboard the
/// agents and figures of the campaigns (and, for a lead, the teams) it shows. One thread follows the
/// hub for all of them, so a slow browser never holds up a runner or another browser.
final class LiveWeb: @unchecked Sendable {
    /// What a wallboard shows: campaigns by id, and for a lead only some agents.
    struct BoardView: Sendable {
        let campaigns: Set<String>
        /// Nil: every agent of those campaigns.
        let agents: Set<String>?
    }

    let hub: LiveEventHub
    let desk: LiveDesk
    private let context: WebContext
    /// The CRM page opened beside the desk for each call (`screen-pop` in the config).
    private let screenPop: ScreenPopTemplate?
    private let lock = NSLock()
    private var desks: [String: [ServerSentEventStream]] = [:]
    private var boards: [ObjectIdentifier: (stream: ServerSentEventStream, view: BoardView)] = [:]
    private let subscription: LiveSubscription
    private var running = true
    private var thread: Thread?

    init(context: WebContext, hub: LiveEventHub, desk: LiveDesk, screenPop: ScreenPopTemplate? = nil) {
        self.context = context
        self.hub = hub
        self.desk = desk
        self.screenPop = screenPop
        subscription = hub.subscribe(capacity: 100_000)
        let thread = Thread { [self] in follow() }
        thread.name = "web events"
        self.thread = thread
        thread.start()
    }

    /// Stops following the hub; open streams end.
    func stop() {
        lock.withLock { running = false }
        subscription.cancel()
        let streams = lock.withLock { desks.values.flatMap { $0 } + boards.values.map(\.stream) }
        for stream in streams { stream.close() }
    }

    /// A desk's stream for `agent`: it starts with the agent's present state and call in every campaign.
    func addDesk(agent: String, stream: ServerSentEventStream) {
        lock.withLock { desks[agent, default: []].append(stream) }
        stream.onClose { [weak self] in
            self?.lock.withLock { self?.desks[agent]?.removeAll { $0 === stream } }
        }
        for board in hub.snapshot() {
            if let state = board.agents[agent] {
                stream.send(Self.json(AgentMessage(campaign: board.campaign, agent: agent, state: state.state.rawValue,
                                                   age: age(state.since), reason: state.reason)),
                            event: "state")
                if let call = state.call, state.state == .onCall || state.state == .wrapUp,
                   let contact = board.calls[call]?.contact ?? contactOf(call) {
                    if let pop = pop(campaign: board.campaign, call: call, agent: agent, contact: contact, number: nil,
                                     answeredAt: nil, ended: state.state == .wrapUp) {
                        stream.send(pop, event: "pop")
                    }
                }
            }
            if let preview = board.previews[agent],
               let message = previewMessage(campaign: board.campaign, job: preview.job, contact: preview.contact,
                                            dialAt: preview.dialAt) {
                stream.send(message, event: "preview")
            }
        }
    }

    /// A wallboard's stream: it starts with the present agents and figures of what it shows.
    func addBoard(view: BoardView, stream: ServerSentEventStream) {
        let key = ObjectIdentifier(stream)
        lock.withLock { boards[key] = (stream, view) }
        stream.onClose { [weak self] in
            _ = self?.lock.withLock { self?.boards.removeValue(forKey: key) }
        }
        for board in hub.snapshot() where view.campaigns.contains(board.campaign) {
            for (agent, state) in board.agents.sorted(by: { $0.key < $1.key }) where view.agents?.contains(agent) ?? true {
                stream.send(Self.json(AgentMessage(campaign: board.campaign, agent: agent, state: state.state.rawValue,
                                                   age: age(state.since), reason: state.reason)),
                            event: "agent")
            }
            if let figures = board.figures {
                stream.send(Self.json(FiguresMessage(campaign: board.campaign, figures: figures)), event: "figures")
            }
        }
    }

    /// An agent who signs out is logged out of calls in every campaign (and those that start later).
    static func logOutOfCalls(_ user: WebUser, desk: LiveDesk) {
        guard let agent = user.agent else { return }
        desk.setPresence(.loggedOut, of: agent, reason: "signed out")
    }

    /// How many browsers follow (desks, wallboards).
    var connected: (desks: Int, boards: Int) {
        lock.withLock { (desks.values.reduce(0) { $0 + $1.count }, boards.count) }
    }

    // MARK: The thread

    private func follow() {
        while lock.withLock({ running }) {
            let (events, lost) = subscription.next(timeout: 1)
            if lost {
                let streams = lock.withLock { desks.values.flatMap { $0 } + boards.values.map(\.stream) }
                for stream in streams { stream.send("{}", event: "reload") }
            }
            for event in events { route(event) }
        }
    }

    private func route(_ event: LiveEvent) {
        let campaign = event.campaign
        switch event.kind {
        case .agentState(let agent, let state, let since, let reason, _):
            let message = Self.json(AgentMessage(campaign: campaign, agent: agent, state: state.rawValue, age: age(since),
                                                 reason: reason))
            toDesk(agent, message, event: "state")
            toBoards(campaign, agent: agent, message, event: "agent")
        case .callConnected(let call, let agent, let contact, let number, let answeredAt):
            guard hasDesk(agent),
                  let message = pop(campaign: campaign, call: call, agent: agent, contact: contact, number: number,
                                    answeredAt: answeredAt, ended: false) else { return }
            toDesk(agent, message, event: "pop")
        case .callEnded(let call, let outcome, let agent?):
            toDesk(agent, Self.json(EndedMessage(campaign: campaign, call: call, outcome: outcome.rawValue)), event: "ended")
        case .outcomeRecorded(let call, let agent?, let disposition):
            toDesk(agent, Self.json(RecordedMessage(campaign: campaign, call: call, disposition: disposition)), event: "recorded")
        case .previewOffered(let agent, let job, let contact, let dialAt):
            guard hasDesk(agent), let message = previewMessage(campaign: campaign, job: job, contact: contact, dialAt: dialAt)
            else { return }
            toDesk(agent, message, event: "preview")
        case .previewEnded(let agent, let job):
            toDesk(agent, Self.json(PreviewEndedMessage(campaign: campaign, job: job)), event: "preview-ended")
        case .figures(let figures):
            toBoards(campaign, agent: nil, Self.json(FiguresMessage(campaign: campaign, figures: figures)), event: "figures")
        case .callPlaced, .callAnswered, .callEnded, .outcomeRecorded:
            break
        }
    }

    private func hasDesk(_ agent: String) -> Bool {
        lock.withLock { !(desks[agent]?.isEmpty ?? true) }
    }

    private func toDesk(_ agent: String, _ data: String, event: String) {
        for stream in lock.withLock({ desks[agent] ?? [] }) { stream.send(data, event: event) }
    }

    private func toBoards(_ campaign: String, agent: String?, _ data: String, event: String) {
        let streams = lock.withLock {
            boards.values.filter { board in
                board.view.campaigns.contains(campaign) && (agent.map { board.view.agents?.contains($0) ?? true } ?? true)
            }.map(\.stream)
        }
        for stream in streams { stream.send(data, event: event) }
    }

    // MARK: Cards

    /// The screen pop of `call`: the contact's card and the form to record the call, as HTML.
    private func pop(campaign: String, call: CallID, agent: String, contact: Int64, number: String?, answeredAt: Date?,
                     ended: Bool) -> String? {
        guard let card = try? card(campaign: campaign, contact: contact) else { return nil }
        let crm = screenPop.map { template in
            template.render(agent: agent, hotline: card.hotline, number: number ?? card.card.numbers.first ?? "",
                            direction: .outbound, answeredAt: answeredAt ?? context.dialingNow, call: call)
        }
        return Self.json(PopMessage(campaign: campaign, call: call, contact: contact, ended: ended,
                                    html: DeskCardHTML.render(card.card, call: call, words: card.words), crmURL: crm))
    }

    private func previewMessage(campaign: String, job: Int64, contact: Int64, dialAt: Date) -> String? {
        guard let card = try? card(campaign: campaign, contact: contact) else { return nil }
        return Self.json(PreviewMessage(campaign: campaign, job: job, contact: contact,
                                        dialAt: dialAt.timeIntervalSince1970,
                                        html: DeskCardHTML.renderPreview(card.card, job: job, words: card.words)))
    }

    private func card(campaign: String, contact: Int64) throws -> (card: DeskCard, hotline: String, words: Localizer)? {
        try context.withStore { store in
            guard let stored = try store.storedCampaign(named: campaign) else { return nil }
            let spec = try context.spec(of: stored)
            let builder = try CallSheetBuilder(store: store, campaign: CompiledCampaign(id: stored.id, spec: spec))
            return try builder.deskCard(contact: contact, at: context.dialingNow).map { ($0, spec.callerID ?? "", Localizer(spec: spec)) }
        }
    }

    /// The contact of a call the board no longer holds (wrapped up).
    private func contactOf(_ call: CallID) -> Int64? {
        (try? context.withStore { try $0.recordedAttempt(call: call) })?.contact
    }

    /// Seconds since `since` on the daemon's clock.
    private func age(_ since: Date) -> Double {
        max(0, context.dialingNow.timeIntervalSince(since))
    }

    static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// An agent's state, for their desk and the wallboards; `age`: seconds in it when sent (the page counts
/// on from there).
private struct AgentMessage: Encodable {
    let campaign: String
    let agent: String
    let state: String
    let age: Double
    let reason: String?
}

private struct PopMessage: Encodable {
    let campaign: String
    let call: Int64
    let contact: Int64
    let ended: Bool
    let html: String
    let crmURL: String?

    enum CodingKeys: String, CodingKey {
        case campaign, call, contact, ended, html
        case crmURL = "crm_url"
    }
}

private struct EndedMessage: Encodable {
    let campaign: String
    let call: Int64
    let outcome: String
}

private struct RecordedMessage: Encodable {
    let campaign: String
    let call: Int64
    let disposition: String?
}

private struct PreviewMessage: Encodable {
    let campaign: String
    let job: Int64
    let contact: Int64
    let dialAt: Double
    let html: String

    enum CodingKeys: String, CodingKey {
        case campaign, job, contact, html
        case dialAt = "dial_at"
    }
}

private struct PreviewEndedMessage: Encodable {
    let campaign: String
    let job: Int64
}

private struct FiguresMessage: Encodable {
    let campaign: String
    let figures: LiveFigures
}
