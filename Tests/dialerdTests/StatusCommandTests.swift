import Foundation
import Testing

@Suite struct StatusCommandTests {
    private func status(_ fixture: OperationsFixture) throws -> [String: Any] {
        let output = try fixture.dialerd(["status", "--config", fixture.config, "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        return try #require((json["campaigns"] as? [[String: Any]])?.first)
    }

    @Test func statusCountsWhyContactsAreNotDialed() throws {
        let fixture = try OperationsFixture(contacts: 40, seed: 12)
        #expect(try fixture.dialerd(["run", "--config", fixture.config]).status == 0)
        let campaign = try status(fixture)
        #expect(campaign["campaign"] as? String == "torture")
        #expect(campaign["open"] as? Bool == false)
        #expect(campaign["due_now"] as? Int == 0)
        #expect(campaign["agents"] as? Int == 10)
        let reasons = try #require(campaign["not_dialed"] as? [String: Int])
        #expect(reasons["dnc"] == fixture.doNotCall.count)
        #expect(reasons["outside-hours"] == 40 - fixture.doNotCall.count, "before 08:30 every other contact waits for the hours")
        let text = try fixture.dialerd(["status", "--config", fixture.config])
        #expect(text.stdout.contains("torture (closed)"))
        #expect(text.stdout.contains("next window 2026-03-02T08:30:00+07:00"))
    }

    @Test func aCallbackSetForLaterIsCountedAsCallbackPending() throws {
        let fixture = try OperationsFixture(contacts: 10, seed: 15)
        #expect(try fixture.dialerd(["run", "--config", fixture.config]).status == 0)
        // An agent set a callback far ahead for one pending contact.
        try fixture.write("UPDATE jobs SET callback_at = 4102444800 WHERE id = (SELECT MIN(id) FROM jobs WHERE state = 'pending')")
        Thread.sleep(forTimeInterval: 1.2)  // past 08:30: the hours are open, so only the callback holds it back
        let reasons = try #require(try status(fixture)["not_dialed"] as? [String: Int])
        #expect(reasons["callback-pending"] == 1)
    }

    @Test func pauseAndResumeAreRecordedAndShown() throws {
        let fixture = try OperationsFixture(contacts: 10, seed: 13)
        #expect(try fixture.dialerd(["run", "--config", fixture.config]).status == 0)
        let paused = try fixture.dialerd(["pause", "torture", "--config", fixture.config])
        #expect(paused.status == 0)
        #expect(paused.stdout == "torture: paused\n")
        #expect(try status(fixture)["paused"] as? Bool == true)
        Thread.sleep(forTimeInterval: 1.2)  // past 08:30: the hours are open, the campaign still must not dial
        let run = try fixture.dialerd(["run", "--config", fixture.config, "--for", "10m"])
        #expect(run.stdout.contains("torture: paused"))
        #expect(try fixture.count("SELECT COUNT(*) FROM attempts") == 0)
        #expect(try fixture.dialerd(["resume", "torture", "--config", fixture.config]).status == 0)
        #expect(try status(fixture)["paused"] as? Bool == false)
        let unknown = try fixture.dialerd(["pause", "nosuch", "--config", fixture.config])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no campaign 'nosuch'"))
    }

    @Test func backupCopiesTheLiveDatabaseAndNeverOverwrites() throws {
        let fixture = try OperationsFixture(contacts: 10, seed: 14)
        #expect(try fixture.dialerd(["run", "--config", fixture.config]).status == 0)
        let target = fixture.directory.path("copy.db")
        let backup = try fixture.dialerd(["backup", target, "--config", fixture.config])
        #expect(backup.status == 0, "\(backup.stderr)")
        let copy = try fixture.dialerd(["status", "--db", target, "--json"])
        #expect(copy.stdout.contains("\"contacts\" : 10"))
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let again = try fixture.dialerd(["backup", target, "--config", fixture.config])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func statusWithoutADatabaseSaysSo() throws {
        let directory = TemporaryDirectory()
        let output = try Dialerd.run(["status", "--db", directory.path("none.db")], in: directory.url)
        #expect(output.status == 2)
        #expect(output.stderr.contains("there is no database at"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("none.db")))
    }
}
