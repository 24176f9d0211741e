import Foundation
import Testing

/// Every example campaign in campaigns/ checks clean, explains, and runs to its end on the simulated network.
@Suite struct ExampleCampaignTests {
    static let campaigns: [String] = {
        let folder = Dialerd.repositoryRoot.appendingPathComponent("campaigns")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".campaign") }.sorted().map { "campaigns/" + $0 }
            + ["examples/web/campaigns/try-desk.campaign"]
    }()

    /// The README's "try it without a phone line": its config names a campaigns folder that checks clean
    /// and a web console, and `dialerd users` works on it (in a copy, so the repository gets no database).
    @Test func theTryItConfigWorks() throws {
        let directory = TemporaryDirectory()
        let copy = directory.path("web")
        try FileManager.default.copyItem(atPath: Dialerd.repositoryRoot.appendingPathComponent("examples/web").path, toPath: copy)
        let config = try String(contentsOfFile: copy + "/dialerd.conf", encoding: .utf8)
        #expect(config.contains("listen 127.0.0.1:8080") && config.contains("telephony simulated"))
        let users = try Dialerd.run(["users", "list", "--config", copy + "/dialerd.conf"])
        #expect(users.status == 0, "\(users.stderr)")
        #expect(FileManager.default.fileExists(atPath: copy + "/data/dialer.db"))
    }

    @Test func thereIsAnExampleForEveryModeAndProfile() throws {
        var text = ""
        for campaign in Self.campaigns {
            text += try String(contentsOf: Dialerd.repositoryRoot.appendingPathComponent(campaign), encoding: .utf8)
        }
        text = text.split(whereSeparator: { $0 == " " }).joined(separator: " ")
        for construct in ["dial preview", "dial progressive", "dial predictive", "dial agentless",
                          "profile us-tsr", "profile uk-ofcom", "profile vn-decree-91", "survey ", "sms {", "include "] {
            #expect(text.contains(construct), "no example campaign uses `\(construct)`")
        }
    }

    @Test(arguments: campaigns)
    func checksExplainsAndSimulates(campaign: String) throws {
        let check = try Dialerd.run(["check", campaign])
        #expect(check.status == 0, "\(check.stderr)")
        let explain = try Dialerd.run(["explain", campaign])
        #expect(explain.status == 0, "\(explain.stderr)")

        let directory = TemporaryDirectory()
        let simulate = try Dialerd.run(["simulate", campaign, "--out", directory.path("out"), "--seed", "5"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: directory.path("out/summary.json")))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let contacts = try #require(summary["contacts"] as? Int)
        #expect(contacts > 0)
        #expect(summary["pending"] as? Int == 0, "every contact ends final")
        #expect(try #require(summary["attempts"] as? Int) > 0)
    }
}
