import Foundation
import Testing
@testable import Dialer

/// The desk's and the wallboard's routes over HTTP: roles, teams, CSRF, and what they change.
@Suite("agent desk and wallboard routes: roles, teams, CSRF, actions")
struct WebDeskTests {
    @Test("an agent cannot open the wallboard, a lead cannot open a desk; each lands on their own page")
    func rolesKeepToTheirPages() async throws {
        let web = try WebFixture()
        let agent = try #require(try await web.signIn("a1"))
        let lead = try #require(try await web.signIn("lena"))
        #expect(try await web.send("GET", "/wallboard", cookie: agent.cookie).status == 403)
        #expect(try await web.send("GET", "/desk", cookie: lead.cookie).status == 403)
        #expect(try await web.send("GET", "/desk/events", cookie: lead.cookie).status == 403)
        let campaign = try #require(try web.store.storedCampaign(named: "web"))
        let first = try #require(try web.store.openContacts(campaign: campaign.id).first)
        try web.store.assign(contact: first.contact, campaign: campaign.id, to: "a1", method: "test", at: WebFixture.monday)
        let desk = try await web.send("GET", "/desk", cookie: agent.cookie)
        #expect(desk.status == 200 && desk.text.contains("/static/desk.js") && !desk.text.contains("<script>window"))
        #expect(desk.text.contains("An") && desk.text.contains("+84912000001"), "the agent's assigned contacts are listed")
    }

    @Test("a lead's wallboard shows only the campaigns and agents of their teams, and acts only on them")
    func aLeadSeesOnlyTheirTeams() async throws {
        let web = try WebFixture()
        let lead = try #require(try await web.signIn("lena"))
        let board = try await web.send("GET", "/wallboard", cookie: lead.cookie)
        #expect(board.text.contains("data-campaign=\"web\""))
        #expect(!board.text.contains("data-campaign=\"other\""), "team south's campaign is not shown to north's lead")
        #expect(board.text.contains("data-agent=\"a1\"") && !board.text.contains("data-agent=\"a3\""))
        #expect(try await web.send("POST", "/wallboard/campaigns/other/pause", cookie: lead.cookie,
                                   form: "csrf=\(lead.csrf)").status == 403)
        #expect(try await web.send("POST", "/wallboard/campaigns/web/pause", cookie: lead.cookie, form: "").status == 403,
                "no CSRF token, no pause")
        #expect(try web.store.isPaused(campaign: try #require(try web.store.storedCampaign(named: "web")).id) == false)
        #expect(try await web.send("POST", "/wallboard/campaigns/web/pause", cookie: lead.cookie,
                                   form: "csrf=\(lead.csrf)").status == 303)
        #expect(try web.store.isPaused(campaign: try #require(try web.store.storedCampaign(named: "web")).id))
        #expect(try await web.send("GET", "/reports/other/report.html", cookie: lead.cookie).status == 403)
        #expect(try await web.send("GET", "/reports/web/dialer.db", cookie: lead.cookie).status == 404, "only report files")
    }

    @Test("reassigning an absent agent's contacts moves them to the others")
    func reassignFromTheWallboard() async throws {
        let web = try WebFixture()
        let campaign = try #require(try web.store.storedCampaign(named: "web"))
        let contacts = try web.store.openContacts(campaign: campaign.id)
        for contact in contacts {
            try web.store.assign(contact: contact.contact, campaign: campaign.id, to: "a1", method: "test", at: WebFixture.monday)
        }
        let lead = try #require(try await web.signIn("lena"))
        #expect(try await web.send("POST", "/wallboard/campaigns/web/reassign", cookie: lead.cookie,
                                   form: "csrf=\(lead.csrf)&from=a1&to=").status == 303)
        #expect(try web.store.openContacts(campaign: campaign.id, agent: "a2").count == contacts.count)
        #expect(try await web.send("POST", "/wallboard/campaigns/web/reassign", cookie: lead.cookie,
                                   form: "csrf=\(lead.csrf)&from=a3&to=").status == 403, "south's agent is not north's lead's")
    }

    @Test("desk commands need the CSRF token, and go only to a campaign that is dialing")
    func deskCommandsNeedTheirToken() async throws {
        let web = try WebFixture()
        let agent = try #require(try await web.signIn("a1"))
        #expect(try await web.send("POST", "/desk/presence", cookie: agent.cookie, form: "state=ready").status == 403)
        let ready = try await web.send("POST", "/desk/presence", cookie: agent.cookie,
                                       headers: [("X-CSRF-Token", agent.csrf), ("Accept", "application/json")], form: "state=ready")
        #expect(ready.status == 200 && ready.text.contains("no campaign of yours is dialing now"))
        #expect(web.desk.personPresences["a1"]?.presence == .available, "kept for when a campaign starts")
        let outcome = try await web.send("POST", "/desk/outcome", cookie: agent.cookie,
                                         headers: [("X-CSRF-Token", agent.csrf), ("Accept", "application/json")],
                                         form: "campaign=web&call=1&disposition=sale")
        #expect(outcome.status == 409 && outcome.text.contains("not dialing now"))
        // Signing out logs the agent out of calls: nobody is left ready at an empty desk.
        #expect(try await web.send("POST", "/logout", cookie: agent.cookie, headers: [("X-CSRF-Token", agent.csrf)], form: "")
            .status == 303)
        #expect(web.desk.personPresences["a1"]?.presence == .loggedOut)
    }

    @Test("GET /api/v1/agents lists the agents of the campaigns the token's user may see, as the runners publish them")
    func agentsOverTheAPI() async throws {
        let web = try WebFixture()
        for (campaign, agent) in [("web", "a1"), ("other", "a3")] {
            web.hub.publish(LiveEvent(campaign: campaign, time: WebFixture.monday,
                                      kind: .agentState(agent: agent, state: .paused, since: WebFixture.monday, reason: "lunch", call: nil)))
        }
        let all = try await web.api("GET", "/agents")
        #expect((all.body["agents"] as? [[String: Any]])?.count == 2)
        let lead = try await web.api("GET", "/agents", token: "lead")
        let agents = try #require(lead.body["agents"] as? [[String: Any]])
        #expect(agents.count == 1 && agents.first?["agent"] as? String == "a1" && agents.first?["reason"] as? String == "lunch")
    }

    @Test("the desk and the wallboard speak the campaign's language, the card too")
    func pagesInTheCampaignsLanguage() async throws {
        let web = try WebFixture(language: .vietnamese)
        let agent = try #require(try await web.signIn("a1"))
        let desk = try await web.send("GET", "/desk", cookie: agent.cookie).text
        #expect(desk.contains("<html lang=\"vi\">") && desk.contains("Bàn làm việc của nhân viên") && desk.contains("Sẵn sàng"))
        let lead = try #require(try await web.signIn("lena"))
        let board = try await web.send("GET", "/wallboard", cookie: lead.cookie).text
        #expect(board.contains("Bảng theo dõi") && board.contains("Tạm dừng chiến dịch") && board.contains("Tiến độ: đã xong"))
        let campaign = try #require(try web.store.storedCampaign(named: "web"))
        let contact = try #require(try web.store.openContacts(campaign: campaign.id).first)
        let spec = try web.context.spec(of: campaign)
        let card = try #require(try CallSheetBuilder(store: web.store, campaign: CompiledCampaign(id: campaign.id, spec: spec))
            .deskCard(contact: contact.contact, at: WebFixture.monday))
        let html = DeskCardHTML.render(card, call: 1, words: Localizer(spec: spec))
        #expect(html.contains("Giờ địa phương") && html.contains("Kết quả") && html.contains("Lưu và sẵn sàng"))
        #expect(html.contains("Renewed"), "dispositions by their labels")
        #expect(!card.callbackChoices.isEmpty && card.callbackChoices.allSatisfy { $0.time >= "09:00" && $0.time < "17:00" },
                "only times the campaign's hours allow, in the callee's zone")
    }
}
