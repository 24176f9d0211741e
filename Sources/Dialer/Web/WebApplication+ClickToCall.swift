import CampaignDSL
import Foundation

/// `POST /api/v1/campaigns/{id}/click-to-call {"agent": …, "external_id": … | "number": …}`.
///
/// A click is not a call placed from here: it makes the contact's job an agent callback due now for that
/// agent (as a callback recorded by an agent is), so the running worker routes it to that agent and the
/// permit decides it like any call: Do-Not-Call lists, hours, the callee's window, attempt limits, the
/// abandon cap. A number on a Do-Not-Call list is refused at once.
extension WebApplication {
    static func clickToCall(_ request: WebRequest, user: WebUser, context: WebContext) throws -> WebResponse {
        let body = try jsonObject(request)
        guard let agent = body["agent"]?.string, !agent.isEmpty else {
            throw APIError(400, "invalid_request", "the body needs \"agent\": the agent id who takes the call")
        }
        let external = body["external_id"]?.string
        let written = body["number"]?.string
        guard (external == nil) != (written == nil) else {
            throw APIError(400, "invalid_request", "name the contact by \"external_id\" or by \"number\", one of the two")
        }
        let answer = try context.withStore { store -> ClickToCallAnswer in
            let (stored, spec) = try campaign(request, user: user, store: store, context: context, everyContact: false)
            guard CampaignRunner.agentIDs(of: spec).contains(agent) else {
                throw APIError(422, "unknown_agent", "'\(agent)' is not an agent of this campaign")
            }
            guard user.maySee(agent: agent, teams: spec.teams) else {
                throw APIError(403, "forbidden_agent", "this token's user may not place calls for '\(agent)'")
            }
            let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: context.cacheDirectory)
            let now = context.dialingNow
            return try store.connection.writeTransaction {
                let contact: APIContactRecord
                if let external {
                    guard let found = try store.apiContact(campaign: stored.id, externalID: external) else {
                        throw APIError(404, "contact_not_found", "no contact with external_id '\(external)' in this campaign")
                    }
                    contact = found
                } else {
                    let number = try normalise(written ?? "", spec: spec)
                    if try registry.blocks(number) { throw doNotCall }
                    guard let found = try store.contact(campaign: stored.id, number: number) else {
                        throw APIError(404, "contact_not_found", "no contact with this number in the campaign; add it first")
                    }
                    contact = found
                }
                if let number = contact.number, try registry.blocks(number) { throw doNotCall }
                switch contact.state {
                case .dnc: throw doNotCall
                case .dialing: throw APIError(409, "call_in_progress", "the contact is on a call now")
                case .exhausted: throw APIError(409, "attempt_limit", "the contact's attempts are used up")
                case .invalid, .duplicate: throw APIError(422, "not_dialable", "the contact has no number of its own to dial")
                case .pending, .completed, .cancelled: break
                }
                let permit = DialPermit(spec: spec, campaignCalendar: try calendar(spec), doNotCall: registry)
                let zone = try store.contactCard(campaign: stored.id, contact: contact.contact)?.timeZone ?? spec.timeZone
                switch CallbackScheduler(permit: permit).slot(for: now, zone: zone, history: try store.history(job: contact.job)) {
                case .never(let reason):
                    throw APIError(409, "not_allowed", "the laws allow no call to this contact any more (\(reason.rawValue))")
                case .at(let due, let moved):
                    try store.scheduleAgentCall(job: contact.job, agent: agent, at: due)
                    return ClickToCallAnswer(contactID: contact.contact, agent: agent,
                                             dueAt: ISO8601DateFormatter().string(from: due), heldBy: moved?.rawValue)
                }
            }
        }
        return .json(answer, status: 202)
    }

    private static let doNotCall = APIError(403, "do_not_call", "the number is on a do-not-call list")

    /// A written number in E.164, read with the campaign's first list's default country.
    private static func normalise(_ text: String, spec: CampaignSpec) throws -> String {
        switch PhoneNumberParser.parse(text, defaultRegion: spec.lists.first?.defaultCountry) {
        case .success(let number): return number.e164
        case .failure(let problem): throw APIError(422, "invalid_number", "\(problem)")
        }
    }

    private static func calendar(_ spec: CampaignSpec) throws -> CallingCalendar {
        guard let zone = TimeZone(identifier: spec.timeZone) else {
            throw APIError(500, "unknown_time_zone", "this system does not know the time zone \(spec.timeZone); install tzdata")
        }
        return CallingCalendar(hours: spec.hours, timeZone: zone, dates: spec.dates)
    }
}

private struct ClickToCallAnswer: Encodable {
    let contactID: Int64
    let agent: String
    /// When the call falls due: now, or the first instant the laws allow.
    let dueAt: String
    /// The law that holds it past now, if one does.
    let heldBy: String?

    enum CodingKeys: String, CodingKey {
        case agent
        case contactID = "contact_id"
        case dueAt = "due_at"
        case heldBy = "held_by"
    }
}
