import CampaignDSL
@testable import Dialer
import Foundation
import Testing

@Suite struct ContactWriterTests {
    @Test func storesEachContactWithItsJobAndFieldsThatReadBack() throws {
        let time = Date(timeIntervalSince1970: 1_772_409_600)
        let store = try CampaignStore(path: ":memory:", now: time)
        let campaign = try store.insertCampaign(name: "c", specJSON: "{}", sourcePath: "c.campaign", sourceHash: "0", at: time)
        let list = try store.insertList(campaign: campaign, position: 0, path: "list.csv", header: ["Phone", "Name", "Note"])
        let writer = try ContactWriter(connection: store.connection, campaign: campaign, at: time)
        let contacts = [
            NewContact(list: list, line: 2, name: "Nguyễn Văn An", fields: ["0912 345 678", "Nguyễn Văn An", "say \"hi\"\n\\"],
                       e164: "+84912345678", kind: "mobile", timeZone: "Asia/Ho_Chi_Minh", problem: nil, state: .pending),
            NewContact(list: list, line: 3, name: nil, fields: ["x", "", "\u{1}\t"], e164: nil, kind: nil, timeZone: nil,
                       problem: "letters", state: .invalid),
        ]
        let ids = try contacts.map { try writer.insert($0) }
        try writer.finish()
        let rows = try store.connection.rows(
            """
            SELECT c.id, c.line, c.name, c.fields_json, c.phone_e164, c.phone_kind, c.time_zone, c.problem, j.state, j.next_at, j.updated_at
            FROM contacts c JOIN jobs j ON j.contact_id = c.id WHERE c.campaign_id = ? ORDER BY c.id
            """, [campaign]
        ) { row in
            (row.int64(0), row.int(1), row.optionalString(2), JSONText.decodeStrings(row.string(3)), row.optionalString(4),
             row.optionalString(5), row.optionalString(6), row.optionalString(7), row.string(8), row.optionalDate(9), row.date(10))
        }
        #expect(rows.map(\.0) == ids)
        #expect(rows.map(\.1) == [2, 3])
        #expect(rows.map(\.2) == ["Nguyễn Văn An", nil])
        #expect(rows.map(\.3) == contacts.map(\.fields))
        #expect(rows.map(\.4) == ["+84912345678", nil])
        #expect(rows.map(\.5) == ["mobile", nil])
        #expect(rows.map(\.6) == ["Asia/Ho_Chi_Minh", nil])
        #expect(rows.map(\.7) == [nil, "letters"])
        #expect(rows.map(\.8) == ["pending", "invalid"])
        #expect(rows.map(\.9) == [time, nil], "only a pending job is due")
        #expect(rows.map(\.10) == [time, time])
    }
}

extension ContactWriterTests {
    /// Full multi-row statements and the remainder store every contact once, in order, with ids that count up
    /// from the contacts already stored (of any campaign) and jobs that point at them.
    @Test(arguments: [1, ContactWriter.rowsPerStatement, 2 * ContactWriter.rowsPerStatement + 17])
    func everyQueuedContactIsStoredInOrderAfterTheExistingOnes(count: Int) throws {
        let time = Date(timeIntervalSince1970: 1_772_409_600)
        let store = try CampaignStore(path: ":memory:", now: time)
        let other = try store.insertCampaign(name: "other", specJSON: "{}", sourcePath: "o.campaign", sourceHash: "0", at: time)
        let otherList = try store.insertList(campaign: other, position: 0, path: "o.csv", header: ["Phone"])
        for line in 2...4 {
            try store.insertContact(
                NewContact(list: otherList, line: line, name: nil, fields: ["x"], e164: nil, kind: nil, timeZone: nil,
                           problem: "letters", state: .invalid),
                campaign: other, at: time)
        }
        let campaign = try store.insertCampaign(name: "c", specJSON: "{}", sourcePath: "c.campaign", sourceHash: "0", at: time)
        let list = try store.insertList(campaign: campaign, position: 0, path: "list.csv", header: ["Phone"])
        let ids = try store.connection.writeTransaction {
            let writer = try ContactWriter(connection: store.connection, campaign: campaign, at: time)
            let ids = try (0..<count).map { index in
                try writer.insert(NewContact(
                    list: list, line: index + 2, name: "n\(index)", fields: ["+8491200\(10_000 + index)"],
                    e164: "+8491200\(10_000 + index)", kind: "mobile", timeZone: "Asia/Ho_Chi_Minh", problem: nil,
                    state: index % 3 == 0 ? .pending : .duplicate))
            }
            try writer.finish()
            return ids
        }
        #expect(ids == Array(4...Int64(count + 3)))
        let rows = try store.connection.rows(
            "SELECT c.id, c.line, c.fields_json, j.state FROM contacts c JOIN jobs j ON j.contact_id = c.id WHERE c.campaign_id = ? ORDER BY c.id",
            [campaign]) { ($0.int64(0), $0.int(1), $0.string(2), $0.string(3)) }
        #expect(rows.map(\.0) == ids)
        #expect(rows.map(\.1) == (0..<count).map { $0 + 2 })
        #expect(rows.map(\.2) == (0..<count).map { "[\"+8491200\(10_000 + $0)\"]" })
        #expect(rows.map(\.3) == (0..<count).map { $0 % 3 == 0 ? "pending" : "duplicate" })
        #expect(try store.connection.rows("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty)
    }
}

@Suite struct JSONTextTests {
    /// The store's JSON for string arrays is what a JSON decoder reads back, for any text (quotes, backslashes,
    /// control characters, every plane), and the String and byte forms are the same text.
    @Test func generatedStringArraysRoundTrip() throws {
        var random = SeededRandom(seed: 4_2026)
        for _ in 0..<2_000 {
            var strings = (0..<Int(random.next() % 6)).map { _ in random.unicodeString(maxLength: 12) }
            if random.next() % 4 == 0 { strings.append("\"\\\u{0}\u{1F}\r\n\t/") }
            let text = JSONText.encode(strings)
            var bytes: [UInt8] = [0x20]
            JSONText.append(strings, to: &bytes)
            #expect(Array(text.utf8) == Array(bytes.dropFirst()), "append adds exactly the text of encode")
            #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == strings)
            #expect(JSONText.decodeStrings(text) == strings)
        }
        #expect(JSONString.literal("a\"b\\c\u{7}") == #""a\"b\\c\u0007""#)
    }
}
