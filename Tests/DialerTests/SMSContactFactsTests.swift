import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Contact facts for follow-ups, read from the store")
struct ContactFactsTests {
    @Test("a contact's cells are named by their header and by the list's field names")
    func facts() throws {
        let directory = TemporaryDirectory()
        let start = Date(timeIntervalSince1970: 1_772_420_400)
        let store = try CampaignStore(path: directory.file("c.db"), now: start)
        var spec = EngineFixture.spec()
        spec.lists = [ListSpec(path: "l.csv", phoneColumns: ["Mobile"], nameColumn: "Full name",
                               fields: [ListField(name: "plan", column: "Plan")])]
        let campaign = try store.insertCampaign(name: "c", specJSON: "{}", sourcePath: "c", sourceHash: "x", at: start)
        let list = try store.insertList(campaign: campaign, position: 0, path: "l.csv", header: ["Mobile", "Full name", "Plan"])
        try store.insertContact(
            NewContact(list: list, line: 2, name: "An", fields: ["0912345678", "An", "Gold"], e164: "+84912345678",
                       kind: "mobile", timeZone: "Asia/Ho_Chi_Minh", problem: nil, state: .pending),
            campaign: campaign, at: start)
        try store.insertContact(
            NewContact(list: list, line: 3, name: nil, fields: ["x", "", ""], e164: nil, kind: nil, timeZone: nil,
                       problem: "invalid", state: .invalid),
            campaign: campaign, at: start)
        let facts = try #require(try store.contactFacts(contact: 1, spec: spec))
        #expect(facts == ContactFacts(id: 1, number: "+84912345678", timeZone: "Asia/Ho_Chi_Minh", name: "An",
                                      fields: ["Mobile": "0912345678", "Full name": "An", "Plan": "Gold", "plan": "Gold"]))
        #expect(try store.contactFacts(contact: 2, spec: spec) == nil)
    }
}
