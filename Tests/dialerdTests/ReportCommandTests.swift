import Foundation
import Testing

@Suite struct ReportCommandTests {
    /// Simulates the demo into a kept database, once per test.
    static func simulatedDatabase(_ directory: TemporaryDirectory) throws -> String {
        let database = directory.path("live.db")
        let output = try Dialerd.run(["simulate", "campaigns/demo.campaign", "--out", directory.path("sim"), "--db", database,
                                      "--seed", "5", "--start", "2026-03-02"])
        #expect(output.status == 0, "\(output.stderr)")
        return database
    }

    @Test func reportWritesTheSameSetAsSimulateAndTheSameSummary() throws {
        let directory = TemporaryDirectory()
        let database = try Self.simulatedDatabase(directory)
        let output = try Dialerd.run(["report", "demo", "--db", database, "--out", directory.path("rep")])
        #expect(output.status == 0, "\(output.stderr)")
        for file in ["results.csv", "attempts.csv", "summary.json", "report.html"] {
            #expect(output.stdout.contains(file))
            let simulated = try Data(contentsOf: URL(fileURLWithPath: directory.path("sim/" + file)))
            let reported = try Data(contentsOf: URL(fileURLWithPath: directory.path("rep/" + file)))
            #expect(simulated == reported, "\(file) is the same from simulate and from report")
        }
    }

    @Test func aDayRangeCountsOnlyThatDaysCalls() throws {
        let directory = TemporaryDirectory()
        let database = try Self.simulatedDatabase(directory)
        let output = try Dialerd.run(["report", "demo", "--db", database, "--out", directory.path("day"),
                                      "--from", "2026-03-03", "--to", "2026-03-03", "--format", "csv,json"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("day/report.html")))
        let summaryData = try Data(contentsOf: URL(fileURLWithPath: directory.path("day/summary.json")))
        let summary = try #require(try JSONSerialization.jsonObject(with: summaryData) as? [String: Any])
        #expect(summary["from"] as? String == "2026-03-03")
        let calls = try String(contentsOfFile: directory.path("day/attempts.csv"), encoding: .utf8)
            .split(separator: "\r\n").dropFirst()
        #expect(calls.count == summary["attempts"] as? Int)
        #expect(calls.allSatisfy { $0.split(separator: ",")[3].hasPrefix("2026-03-03T") })
        let firstCall = try #require(summary["first_call"] as? String)
        #expect(firstCall.hasPrefix("2026-03-03T"))
    }

    @Test func aCampaignNotInTheDatabaseExitsOneAndNamesTheOnesThatAre() throws {
        let directory = TemporaryDirectory()
        let database = try Self.simulatedDatabase(directory)
        let output = try Dialerd.run(["report", "spring", "--db", database, "--out", directory.path("x")])
        #expect(output.status == 1)
        #expect(output.stderr.contains("no campaign 'spring'"))
        #expect(output.stderr.contains("demo"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("x")))
    }

    @Test(arguments: [
        ["report"], ["report", "demo", "--from", "2026-02-30"], ["report", "demo", "--to", "soon"],
        ["report", "demo", "--from", "2026-03-05", "--to", "2026-03-01"], ["report", "demo", "--format", "pdf"],
        ["report", "demo", "--colour"],
    ])
    func badUsageExitsTwo(arguments: [String]) throws {
        let directory = TemporaryDirectory()
        let output = try Dialerd.run(arguments + ["--db", directory.path("none.db")])
        #expect(output.status == 2)
        #expect(output.stderr.contains("dialerd report"))
    }

    @Test func aMissingDatabaseExitsTwoAndIsNotCreated() throws {
        let directory = TemporaryDirectory()
        let output = try Dialerd.run(["report", "demo", "--db", directory.path("none.db")])
        #expect(output.status == 2)
        #expect(output.stderr.contains("no database"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("none.db")))
    }
}
