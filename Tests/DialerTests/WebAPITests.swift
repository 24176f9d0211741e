import Foundation
import Testing
@testable import Dialer

@Suite("CRM API: contacts, results and calls after a cursor, click-to-call")
struct WebAPITests {
    static func rows(_ body: [String: Any]) -> [[String: Any]] { body["rows"] as? [[String: Any]] ?? [] }

    @Test("each row is validated like a list row: rejects come back per row with a code; the good ones are added")
    func contactsAreValidatedPerRow() async throws {
        let web = try WebFixture()
        let (status, body) = try await web.api("POST", "/campaigns/web/contacts", json: """
            {"contacts":[
              {"external_id":"ok-1","fields":{"Name":"Cường","Phone":"0912 000 101"}},
              {"external_id":"bad-number","fields":{"Name":"X","Phone":"12"}},
              {"external_id":"no-phone","fields":{"Name":"Y"}},
              {"external_id":"odd-column","fields":{"Name":"Z","Phone":"0912000102","Fax":"1"}},
              {"external_id":"dnc","fields":{"Phone":"0988 123 456"}},
              {"external_id":"same-as-list","fields":{"Phone":"+84912000001"}},
              {"external_id":"ok-1","fields":{"Phone":"0912000103"}},
              {"external_id":"numeric","fields":{"Phone":912000104}},
              {"fields":{"Phone":"0912000105"}}
            ]}
            """)
        #expect(status == 200)
        let rows = Self.rows(body)
        #expect(rows.map { $0["status"] as? String } == ["added", "rejected", "rejected", "rejected", "rejected", "rejected",
                                                          "rejected", "rejected", "rejected"])
        #expect(rows.map { $0["code"] as? String } == [nil, "invalid_number", "no_phone", "unknown_column", "do_not_call",
                                                        "duplicate_number", "repeated_external_id", "invalid_row", "invalid_row"])
        #expect(body["accepted"] as? Int == 1 && body["rejected"] as? Int == 8)
        let contact = try #require((rows[0]["contact_id"] as? NSNumber)?.int64Value)
        let stored = try #require(try web.store.contactCard(campaign: 1, contact: contact))
        #expect(stored.number == "+84912000101" && stored.state == .pending && stored.timeZone == "Asia/Ho_Chi_Minh")
        #expect(stored.name == "Cường")
        #expect(try web.job(contact: contact)?.state == "pending", "due now: the running worker picks it up like any job")
    }

    @Test("sending the same external_id again adds nothing (idempotent); a cancelled contact's job ends and stays ended")
    func idempotencyAndCancel() async throws {
        let web = try WebFixture()
        let batch = "{\"contacts\":[{\"external_id\":\"crm-7\",\"fields\":{\"Name\":\"Dũng\",\"Phone\":\"0912000107\"}}]}"
        let first = try await web.api("POST", "/campaigns/web/contacts", json: batch)
        let second = try await web.api("POST", "/campaigns/web/contacts", json: batch)
        #expect(Self.rows(first.body).first?["status"] as? String == "added")
        #expect(Self.rows(second.body).first?["status"] as? String == "already_added")
        #expect((Self.rows(first.body).first?["contact_id"] as? NSNumber) == (Self.rows(second.body).first?["contact_id"] as? NSNumber))
        let count = try web.store.connection.firstRow("SELECT COUNT(*) FROM contacts WHERE phone_e164 = '+84912000107'") { $0.int(0) }
        #expect(count == 1)
        let cancelled = try await web.api("DELETE", "/campaigns/web/contacts/crm-7")
        #expect(cancelled.status == 200 && cancelled.body["status"] as? String == "cancelled")
        let contact = try #require((Self.rows(first.body).first?["contact_id"] as? NSNumber)?.int64Value)
        #expect(try web.job(contact: contact)?.state == "cancelled")
        #expect(try web.store.dueJobs(campaign: 1, at: WebFixture.monday.addingTimeInterval(86_400), limit: 100)
            .allSatisfy { $0.contact != contact }, "never due again")
        #expect(try await web.api("DELETE", "/campaigns/web/contacts/crm-7").body["status"] as? String == "cancelled")
        #expect(try await web.api("DELETE", "/campaigns/web/contacts/nobody").status == 404)
        // Sending it again later does not bring it back.
        #expect(Self.rows(try await web.api("POST", "/campaigns/web/contacts", json: batch).body).first?["status"] as? String == "already_added")
        #expect(try web.job(contact: contact)?.state == "cancelled")
    }

    @Test("results and calls page by cursor without gaps or repeats, while new results keep coming")
    func cursorPagesWithoutGapsOrRepeats() async throws {
        let web = try WebFixture()
        let json = "{\"contacts\":[" + (0..<30).map {
            "{\"external_id\":\"c\($0)\",\"fields\":{\"Phone\":\"0912\(String(100_200 + $0))\"}}"
        }.joined(separator: ",") + "]}"
        let contacts = Self.rows(try await web.api("POST", "/campaigns/web/contacts", json: json).body)
            .compactMap { ($0["contact_id"] as? NSNumber)?.int64Value }
        #expect(contacts.count == 30)
        func call(_ contact: Int64) throws {
            let job = try #require(try web.store.connection.firstRow("SELECT id FROM jobs WHERE contact_id = ?", [contact]) { $0.int64(0) })
            _ = try web.store.insertManualAttempt(campaign: 1, job: job, number: "+8491200", agent: "a1", at: WebFixture.monday)
        }
        for contact in contacts.prefix(20) { try call(contact) }
        var seen: [String] = []
        var calls: [String] = []
        var cursor = "0"
        var callCursor = "0"
        var page = 0
        while true {
            let results = try await web.api("GET", "/campaigns/web/results?since=\(cursor)&limit=7")
            let items = results.body["items"] as? [[String: Any]] ?? []
            seen += items.compactMap { $0["cursor"] as? String }
            cursor = results.body["next_cursor"] as? String ?? cursor
            let attempts = try await web.api("GET", "/campaigns/web/attempts?since=\(callCursor)&limit=7")
            let callItems = attempts.body["items"] as? [[String: Any]] ?? []
            calls += callItems.compactMap { $0["cursor"] as? String }
            callCursor = attempts.body["next_cursor"] as? String ?? callCursor
            if page == 1 { for contact in contacts.suffix(10) { try call(contact) } }  // results arrive between pages
            page += 1
            if items.isEmpty && callItems.isEmpty && page > 2 { break }
            #expect(page < 50)
        }
        #expect(seen.count == 30 && Set(seen).count == 30)
        #expect(calls.count == 30 && Set(calls).count == 30)
        #expect(seen.map { Int($0) ?? 0 } == seen.map { Int($0) ?? 0 }.sorted())
        let first = try await web.api("GET", "/campaigns/web/attempts?limit=1")
        let item = try #require((first.body["items"] as? [[String: Any]])?.first)
        #expect(Set(AttemptsReport.columns).isSubset(of: Set(item.keys)))
        #expect(try await web.api("GET", "/campaigns/web/results?since=-3").status == 400)
        #expect(try await web.api("GET", "/campaigns/web/results?limit=100000").status == 400)
    }

    @Test("click-to-call makes a callback due now for that agent; a do-not-call number, an unknown agent, another's agent are refused")
    func clickToCall() async throws {
        let web = try WebFixture()
        let (status, body) = try await web.api("POST", "/campaigns/web/click-to-call", json: "{\"agent\":\"a2\",\"number\":\"0912000002\"}")
        #expect(status == 202)
        let contact = try #require((body["contact_id"] as? NSNumber)?.int64Value)
        let job = try #require(try web.job(contact: contact))
        #expect(job.state == "pending" && job.callbackAgent == "a2" && job.callbackAt == WebFixture.monday)
        let jobID = try #require(try web.store.connection.firstRow("SELECT id FROM jobs WHERE contact_id = ?", [contact]) { $0.int64(0) })
        #expect(try web.store.agentCallback(job: jobID) == AgentCallback(agent: "a2", due: WebFixture.monday),
                "the runner routes it to a2 as it routes any agent's callback")
        let dnc = try await web.api("POST", "/campaigns/web/click-to-call", json: "{\"agent\":\"a2\",\"number\":\"0988 123 456\"}")
        #expect(dnc.status == 403 && (dnc.body["error"] as? [String: Any])?["code"] as? String == "do_not_call")
        #expect(try await web.api("POST", "/campaigns/web/click-to-call", json: "{\"agent\":\"a9\",\"number\":\"0912000002\"}").status == 422)
        let other = try await web.api("POST", "/campaigns/web/click-to-call", token: "agent", json: "{\"agent\":\"a2\",\"number\":\"0912000002\"}")
        #expect(other.status == 403, "agent a1's token may not place a2's calls")
        #expect(try await web.api("POST", "/campaigns/web/click-to-call", token: "agent",
                                  json: "{\"agent\":\"a1\",\"number\":\"0912000001\"}").status == 202)
        #expect(try await web.api("POST", "/campaigns/other/click-to-call", token: "lead",
                                  json: "{\"agent\":\"a3\",\"number\":\"0912000009\"}").status == 404, "not the lead's team")
    }

    @Test("campaigns are listed with their state to those who may see them; one campaign's status is what dialerd status says")
    func campaigns() async throws {
        let web = try WebFixture()
        let all = try await web.api("GET", "/campaigns")
        #expect((all.body["campaigns"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["other", "web"])
        #expect((all.body["campaigns"] as? [[String: Any]])?.first?["state"] as? String == "active")
        let lead = try await web.api("GET", "/campaigns", token: "lead")
        #expect((lead.body["campaigns"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["web"])
        let status = try await web.api("GET", "/campaigns/web")
        let expected = try StatusReporter.status(of: try #require(try web.store.storedCampaign(named: "web")), store: web.store,
                                                 now: WebFixture.monday, cacheDirectory: web.directory.file(".dnc-cache"), daemonRuns: false)
        #expect(status.body["campaign"] as? String == expected.campaign)
        #expect(status.body["contacts"] as? Int == expected.contacts && status.body["due_now"] as? Int == expected.dueNow)
        #expect(try await web.api("GET", "/campaigns/other", token: "lead").status == 404)
        let agent = try await web.api("GET", "/campaigns/web/results", token: "agent")
        #expect(agent.status == 403 && (agent.body["error"] as? [String: Any])?["code"] as? String == "forbidden_role",
                "an agent's token reads no one else's calls")
        #expect(try await web.api("GET", "/campaigns/web/attempts", token: "agent").status == 403)
        #expect(try await web.api("GET", "/campaigns/web", token: "agent").status == 200)
        #expect(try await web.api("GET", "/campaigns/nothing").status == 404)
    }

    @Test("the OpenAPI document describes exactly the API's routes")
    func openAPIMatchesTheRoutes() async throws {
        let web = try WebFixture()
        let (status, document) = try await web.api("GET", "/openapi.json", token: "read")
        #expect(status == 200 && document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) /api/v1\(path)" } })
        let routed = Set(web.application.router.routes.filter { $0.pattern.hasPrefix("/api/v1/") }.map { "\($0.method) \($0.pattern)" })
        #expect(described == routed)
    }
}
