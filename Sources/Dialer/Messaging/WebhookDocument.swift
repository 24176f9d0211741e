import Foundation

/// The JSON a webhook receives. Keys are sorted and absent values left out, so the same facts always
/// give the same bytes (and the same signature).
struct WebhookDocument: Encodable {
    struct Contact: Encodable {
        let id: Int64
        let name: String?
        let fields: [String: String]
    }

    let event: String
    let campaign: String
    let campaignID: Int64
    let callID: Int64?
    let contact: Contact
    let number: String
    let outcome: String?
    let placedAt: Date?
    let answeredAt: Date?
    let endedAt: Date?
    let agent: String?
    let disposition: String?
    let answers: [String: String]
    let recordingURL: String?
    let state: String?
    let attempts: Int?
    let finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case event, campaign, campaignID = "campaign_id", callID = "call_id", contact, number, outcome
        case placedAt = "placed_at", answeredAt = "answered_at", endedAt = "ended_at", agent, disposition, answers
        case recordingURL = "recording_url", state, attempts, finishedAt = "finished_at"
    }

    init(campaign: String, campaignID: Int64, attempt: AttemptFacts) {
        event = WebhookConfiguration.Event.attempt.rawValue
        self.campaign = campaign
        self.campaignID = campaignID
        callID = attempt.call
        contact = Contact(id: attempt.contact.id, name: attempt.contact.name, fields: attempt.contact.fields)
        number = attempt.number
        outcome = attempt.outcome.rawValue
        placedAt = attempt.placedAt
        answeredAt = attempt.answeredAt
        endedAt = attempt.endedAt
        agent = attempt.agent
        disposition = attempt.disposition
        answers = attempt.answers
        recordingURL = attempt.recordingURL
        state = nil
        attempts = nil
        finishedAt = nil
    }

    init(campaign: String, campaignID: Int64, result: ContactResult) {
        event = WebhookConfiguration.Event.final.rawValue
        self.campaign = campaign
        self.campaignID = campaignID
        callID = result.lastCall?.call
        contact = Contact(id: result.contact.id, name: result.contact.name, fields: result.contact.fields)
        number = result.contact.number
        outcome = result.lastOutcome?.rawValue
        placedAt = result.lastCall?.placedAt
        answeredAt = result.lastCall?.answeredAt
        endedAt = result.lastCall?.endedAt
        agent = result.lastCall?.agent
        disposition = result.disposition
        answers = result.answers
        recordingURL = nil
        state = result.state.rawValue
        attempts = result.attempts
        finishedAt = result.finishedAt
    }

    /// The document as compact JSON text.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
