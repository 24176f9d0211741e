public import CampaignDSL
import Foundation

/// Turns what happened on calls into outbox entries: the campaign's text messages and the configured
/// webhooks. Pure: it reads nothing and writes nothing; the engine enqueues what it returns in the
/// transaction that records the attempt or the job's end, so a follow-up is never lost nor doubled.
public struct FollowUpPlanner: Sendable {
    /// One message of the campaign's `sms` block, ready to render.
    public struct PlannedMessage: Sendable, Hashable {
        public let trigger: SMSMessage.Trigger
        public let template: MessageTemplate
    }

    public let campaign: Int64
    public let campaignName: String
    /// The campaign's zone, for contacts without one.
    public let campaignTimeZone: String
    public let sender: String?
    public let messages: [PlannedMessage]
    public let webhooks: [WebhookConfiguration]

    /// - Throws: ``MessagingError/unpairedBraces`` for a template the checker would have refused.
    public init(campaign: Int64, spec: CampaignSpec, configuration: MessagingConfiguration) throws(MessagingError) {
        self.campaign = campaign
        campaignName = spec.id
        campaignTimeZone = spec.timeZone
        sender = spec.sms?.sender ?? configuration.sms.defaultSender
        var messages: [PlannedMessage] = []
        for message in spec.sms?.messages ?? [] {
            messages.append(PlannedMessage(trigger: message.trigger, template: try MessageTemplate(message.template)))
        }
        self.messages = messages
        webhooks = configuration.webhooks
    }

    /// Whether a call that ends without an agent's outcome can have follow-ups: a webhook, or an
    /// `on OUTCOME final` message. When not, the engine need not read the call back to ask.
    public var plansForCallEnds: Bool {
        !webhooks.isEmpty || messages.contains { if case .finalOutcome = $0.trigger { true } else { false } }
    }

    /// Follow-ups of one ended attempt: messages for its disposition, survey answers and callback
    /// reminder; `attempt` webhooks.
    public func onAttemptEnded(_ attempt: AttemptFacts) -> [OutboxEntry] {
        var entries: [OutboxEntry] = []
        for message in messages {
            switch message.trigger {
            case .disposition(let id) where attempt.disposition == id:
                entries.append(sms(message, to: attempt.contact, values: values(attempt), at: attempt.endedAt))
            case .answer(let question, let accepted) where attempt.answers[question].map(accepted.contains) == true:
                entries.append(sms(message, to: attempt.contact, values: values(attempt), at: attempt.endedAt))
            case .beforeCallback(let seconds):
                guard let callback = attempt.callbackAt else { continue }
                var entry = sms(message, to: attempt.contact, values: values(attempt), at: attempt.endedAt)
                entry.trigger += ":\(Int(callback.timeIntervalSince1970))"
                entry.notBefore = max(attempt.endedAt, callback.addingTimeInterval(-Double(seconds)))
                entry.expiresAt = callback
                entries.append(entry)
            default:
                continue
            }
        }
        let document = WebhookDocument(campaign: campaignName, campaignID: campaign, attempt: attempt).json
        for webhook in webhooks where webhook.events.contains(.attempt) {
            entries.append(self.webhook(webhook, trigger: "attempt:\(attempt.call)", contact: attempt.contact.id,
                                        body: document, at: attempt.endedAt))
        }
        return entries
    }

    /// Follow-ups of a contact's job ending for good: `on OUTCOME final` messages when every allowed
    /// attempt was used (never for a contact on a Do-Not-Call list, invalid or cancelled), and `final` webhooks.
    public func onJobFinal(_ result: ContactResult) -> [OutboxEntry] {
        var entries: [OutboxEntry] = []
        var values = result.contact.templateValues.merging(result.answers) { field, _ in field }
        values["outcome"] = result.lastOutcome?.rawValue
        values["disposition"] = result.disposition
        for message in messages {
            guard case .finalOutcome(let outcome) = message.trigger, result.state == .exhausted,
                  result.lastOutcome?.retryOutcome == outcome else { continue }
            entries.append(sms(message, to: result.contact, values: values, at: result.finishedAt))
        }
        let document = WebhookDocument(campaign: campaignName, campaignID: campaign, result: result).json
        for webhook in webhooks where webhook.events.contains(.final) {
            entries.append(self.webhook(webhook, trigger: "final", contact: result.contact.id, body: document,
                                        at: result.finishedAt))
        }
        return entries
    }

    /// Values for an attempt's templates: list fields, `name`, `phone`, the call's `agent`, `outcome` and
    /// `disposition`, then survey answers by question id (a list field of the same name wins).
    private func values(_ attempt: AttemptFacts) -> [String: String] {
        var values = attempt.contact.templateValues.merging(attempt.answers) { field, _ in field }
        values["agent"] = values["agent"] ?? attempt.agent
        values["outcome"] = attempt.outcome.rawValue
        values["disposition"] = attempt.disposition
        return values
    }

    /// The message for `contact`; a text with no letter or digit once its placeholders are filled (empty,
    /// or only spaces and punctuation) is planned `skipped`, with the placeholders that had no value.
    private func sms(_ message: PlannedMessage, to contact: ContactFacts, values: [String: String], at time: Date) -> OutboxEntry {
        let text = message.template.render(values).precomposedStringWithCanonicalMapping
        var skipReason: String?
        if !text.contains(where: { $0.isLetter || $0.isNumber }) {
            let empty = message.template.placeholders.filter { values[$0]?.isEmpty ?? true }
            skipReason = "nothing to send: the text is empty once its placeholders are filled"
                + (empty.isEmpty ? "" : " (" + empty.map { "{\($0)}" }.joined(separator: ", ") + " had no value)")
        }
        return OutboxEntry(channel: .sms, campaign: campaign, contact: contact.id, trigger: "sms:" + message.trigger.key,
                           route: OutboxRoute.sms, recipient: contact.number, sender: sender, body: text,
                           timeZone: contact.timeZone ?? campaignTimeZone, notBefore: time, skipReason: skipReason)
    }

    private func webhook(_ webhook: WebhookConfiguration, trigger: String, contact: Int64, body: String,
                         at time: Date) -> OutboxEntry {
        OutboxEntry(channel: .webhook, campaign: campaign, contact: contact, trigger: "webhook:\(webhook.name):\(trigger)",
                    route: OutboxRoute.webhook(webhook.name), recipient: "", body: body, notBefore: time)
    }
}

extension ContactFacts {
    /// The contact's own template values: its fields, `name` and `phone`.
    fileprivate var templateValues: [String: String] {
        var values = fields
        values["phone"] = number
        if let name { values["name"] = name }
        return values
    }
}

extension SMSMessage.Trigger {
    /// The trigger's part of an idempotency key: `final:no-answer`, `disposition:callback`,
    /// `answer:renew=yes`, `before-callback:3600` (the planner adds the callback's time).
    var key: String {
        switch self {
        case .finalOutcome(let outcome): "final:" + outcome.rawValue
        case .disposition(let id): "disposition:" + id
        case .answer(let question, let answers): "answer:\(question)=" + answers.joined(separator: ",")
        case .beforeCallback(let seconds): "before-callback:\(seconds)"
        }
    }
}
