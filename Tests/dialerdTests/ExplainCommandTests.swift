import Foundation
import Testing

@Suite struct ExplainCommandTests {
    @Test func theDemoIsExplainedWithCountsFromItsList() throws {
        let output = try Dialerd.run(["explain", "campaigns/demo.campaign"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("299 contacts from demo.csv; 294 will be called."))
        #expect(output.stdout.contains("Not called: 4 with no valid number, 1 duplicate of an earlier number."))
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
}
