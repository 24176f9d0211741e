import Foundation

/// `GET /campaigns/{campaign}/contacts/{contact}`: one contact's card. An agent sees only the contacts
/// assigned to them or whose callback waits for them; a lead those of their teams' campaigns; an admin all.
extension WebApplication {
    mutating func addContactPage() {
        page("GET", "/campaigns/{campaign}/contacts/{contact}") { [context] request, session in
            let name = request.parameters["campaign"] ?? ""
            let card = try context.withStore { store -> (ContactCard, [String])? in
                guard let stored = try store.storedCampaign(named: name), let id = Int64(request.parameters["contact"] ?? ""),
                      let card = try store.contactCard(campaign: stored.id, contact: id) else { return nil }
                let spec = try context.spec(of: stored)
                let user = session.user
                let allowed = switch user.role {
                case .admin, .lead: user.maySee(campaign: spec)
                case .agent: user.agent != nil && (card.assignedAgent == user.agent || card.callbackAgent == user.agent)
                }
                guard allowed else { throw PageRefusal() }
                return (card, try store.listHeaders(campaign: stored.id)[card.list] ?? [])
            }
            guard let (card, header) = card else {
                return .html(WebPage.render(title: "Not found", body: "<p>There is no such contact.</p>", session: session), status: 404)
            }
            let values = JSONText.decodeStrings(card.fieldsJSON)
            var rows = zip(header, values).map { [$0, $1] }
            rows += [["number", card.number ?? ""], ["time zone", card.timeZone ?? ""], ["status", card.state.rawValue],
                     ["attempts", String(card.attempts)], ["last outcome", card.lastOutcome ?? ""],
                     ["agent", card.assignedAgent ?? ""]]
            return .html(WebPage.render(title: card.name ?? "Contact \(card.contact)", body: WebPage.table(["field", "value"], rows),
                                        session: session))
        }
    }
}

/// The signed-in user may not see what the page shows.
struct PageRefusal: Error {}
