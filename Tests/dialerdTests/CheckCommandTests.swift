import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func theDemoCampaignIsClean() throws {
        let output = try Dialerd.run(["check", "campaigns/demo.campaign"])
        #expect(output.status == 0, "\(output.stderr)")
    }

    @Test func aMisspeltKeywordIsReportedWithItsPlaceAndExitsOne() throws {
        let directory = TemporaryDirectory()
        let file = directory.path("typo.campaign")
        try """
        campaign typo {
          timezon Asia/Ho_Chi_Minh
        }
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let output = try Dialerd.run(["check", file])
        #expect(output.status == 1)
        #expect(output.stderr.contains("\(file):2:3: error:"), "\(output.stderr)")
        #expect(output.stderr.contains("timezone"), "the hint names the right keyword")
    }

    @Test func jsonFormatIsOneDocumentForTools() throws {
        let directory = TemporaryDirectory()
        let file = directory.path("broken.campaign")
        try "campaign broken {\n  dial sideways { agents 0 }\n}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let output = try Dialerd.run(["check", "--format", "json", file])
        #expect(output.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        let diagnostics = try #require(parsed as? [[String: Any]])
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0["line"] is Int && $0["id"] is String })
    }

    @Test func aMissingFileIsAnErrorNotACrash() throws {
        let output = try Dialerd.run(["check", "/nonexistent/nowhere.campaign"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("nowhere.campaign"))
    }

    @Test func aContactWhoseOwnerIsNotOnTheTeamIsAWarningAtItsLine() throws {
        let directory = TemporaryDirectory()
        var list = "Name,Phone,Owner\n"
        for index in 0..<12 {
            list += "Person \(index),0798398\(1000 + index),\(index < 10 ? "amelia" : "georg")\n"
        }
        try list.write(toFile: directory.path("list.csv"), atomically: true, encoding: .utf8)
        try AgentsCommandTests.campaign.write(toFile: directory.path("sheets.campaign"), atomically: true, encoding: .utf8)
        let output = try Dialerd.run(["check", "sheets.campaign"], in: directory.url)
        #expect(output.status == 0, "a warning, not an error")
        #expect(output.stderr.contains("list.csv:12:1: warning: 2 contacts name the owner 'georg', who is not in team care; "
                                       + "they are given to other agents [owner-not-on-team]"), "\(output.stderr)")
        #expect(output.stderr.contains("note: lines 12, 13"))
        #expect(output.stderr.contains("hint: did you mean `george`?"))
    }
}
