import Foundation
import Testing

@Suite struct ExplainCommandTests {
    @Test func theDemoIsExplainedWithCountsFromItsList() throws {
        let output = try Dialerd.run(["explain", "campaigns/demo.campaign"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("299 contacts from demo.csv; 293 will be called."))
        #expect(output.stdout.contains("Not called: 5 with no valid number, 1 duplicate of an earlier number."))
        #expect(output.stdout.contains("1 row could not be read (first: line 252, no phone number)."))
        #expect(output.stdout.contains("Mon–Fri 08:30–11:30, 13:30–17:00; Sat 09:00–12:00 (Asia/Ho_Chi_Minh)"))
        #expect(output.stdout.contains("A contact who does not answer is called up to 4 times in all, 2 h apart."))
        #expect(output.stdout.contains("Progressive: one call for each free agent of 5 agents"))
    }

    @Test func aCampaignWithErrorsIsNotExplained() throws {
        let directory = TemporaryDirectory()
        let file = directory.path("bad.campaign")
        try "campaign bad {\n  timezone Asia/Nowhere\n}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let output = try Dialerd.run(["explain", file])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
    }

    @Test func explainSaysWhoGetsWhichContactAndNamesOwnersNotOnTheTeam() throws {
        let directory = TemporaryDirectory()
        var list = "Name,Phone,Owner\n"
        for index in 0..<12 {
            let owner = index < 9 ? (index % 2 == 0 ? "amelia" : "george") : "olivia"  // olivia is not on the team
            list += "Person \(index),0798398\(1000 + index),\(owner)\n"
        }
        try list.write(toFile: directory.path("list.csv"), atomically: true, encoding: .utf8)
        try AgentsCommandTests.campaign.replacingOccurrences(of: "  retry {", with: "  report every day at 18:00 to \"out/daily\" as csv, html\n  retry {")
            .write(toFile: directory.path("sheets.campaign"), atomically: true, encoding: .utf8)
        let output = try Dialerd.run(["explain", "sheets.campaign"], in: directory.url)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Contacts are set aside for agents ahead of time (each to the agent its list names as its owner, "
                                       + "the rest evened out): amelia "), "\(output.stdout)")
        #expect(output.stdout.contains("warning: 3 contacts name an owner who is not on the team (olivia); they are given to other agents."))
        #expect(output.stdout.contains("done \"Done\": counts as a success; the contact is not called again."))
        #expect(output.stdout.contains("callback \"Call back\": the agent sets a time to call back."))
        #expect(output.stdout.contains("Every day at 18:00 (Europe/London): CSV, HTML to out/daily."))
    }

    @Test func explainSaysPluralsAndMessageLengthsInPlainWords() throws {
        let output = try Dialerd.run(["explain", "campaigns/vn-sms.campaign"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("1 list and 0 prefixes"), "\(output.stdout)")
        #expect(!output.stdout.contains("prefixs"))
        #expect(output.stdout.contains("Without {name}: 46 characters in Unicode because of “ú” (70 fit in one SMS), sent as 1 SMS."))
        #expect(!output.stdout.contains(" units"))
    }

    @Test func aCampaignsLanguageIsNamed() throws {
        let output = try Dialerd.run(["explain", "campaigns/vn-sms.campaign"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Reports, call sheets and summaries are in Vietnamese (language vi)."))
        #expect(try !Dialerd.run(["explain", "campaigns/demo.campaign"]).stdout.contains("language en"))
    }
}
