import Foundation
import Testing

@Suite struct AgentsCommandTests {
    static let campaign = """
        campaign sheets {
          timezone Europe/London
          dates    2030-03-04 to 2030-03-04
          list "list.csv" {
            phone   column "Phone"
            name    column "Name"
            agent   column "Owner"
            country GB
          }
          hours { daily 09:00-17:00 }
          dial preview {
            team    care
            assigned
          }
          retry { no-answer 3 times, wait 1d }
          dispositions {
            done     "Done"      success final
            callback "Call back" callback
          }
          survey s { ask rating "Rate us" scale 1-5 }
        }

        team care {
          agent amelia "Amelia Hughes"
          agent george "George Walker"
        }
        """

    /// A database whose one calling day left contacts unreached (retries fall after the campaign's last day).
    static func simulated(in directory: TemporaryDirectory) throws {
        var list = "Name,Phone,Owner,Note\n"
        for index in 0..<30 {
            list += "Person \(index),0798398\(1000 + index),\(index % 2 == 0 ? "amelia" : "george"),<script>alert(1)</script> & Co\n"
        }
        try list.write(toFile: directory.path("list.csv"), atomically: true, encoding: .utf8)
        try campaign.write(toFile: directory.path("sheets.campaign"), atomically: true, encoding: .utf8)
        let result = try Dialerd.run(["simulate", "sheets.campaign", "--out", "out", "--db", "dialer.db", "--start", "2030-03-04"],
                                     in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func exportWritesSheetsAndImportAppliesGoodRowsOnceAndReportsBadOnesByLine() throws {
        let directory = TemporaryDirectory()
        try Self.simulated(in: directory)
        let export = try Dialerd.run(["agents", "export", "sheets", "--agent", "amelia", "--out", "sheets"], in: directory.url)
        #expect(export.status == 0, "\(export.stderr)")
        let html = try String(contentsOfFile: directory.path("sheets/sheets-amelia.html"), encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(!html.contains("<script>"))
        let csvPath = directory.path("sheets/sheets-amelia.csv")
        let lines = try String(contentsOfFile: csvPath, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasSuffix(",disposition,answer:rating,callback,callback_by,opt_out") == true)
        #expect(lines.count >= 3, "amelia has open contacts")
        // Fill the outcome columns (the last five, empty on export): a good row, then a bad one.
        var filled = lines
        filled[1] = String(lines[1].dropLast(4)) + "done,5,,,"
        filled[2] = String(lines[2].dropLast(4)) + "sold,9,,,"
        try (filled.joined(separator: "\r\n") + "\r\n").write(toFile: csvPath, atomically: true, encoding: .utf8)

        let first = try Dialerd.run(["agents", "import", "sheets/sheets-amelia.csv"], in: directory.url)
        #expect(first.status == 1)
        #expect(first.stdout.contains("1 applied, 0 already imported"))
        #expect(first.stderr.contains("sheets/sheets-amelia.csv:3: unknown disposition 'sold'"))
        #expect(first.stderr.contains("sheets/sheets-amelia.csv:3: '9' is not an answer to rating (1 to 5)"))
        let second = try Dialerd.run(["agents", "import", "sheets/sheets-amelia.csv"], in: directory.url)
        #expect(second.status == 1)
        #expect(second.stdout.contains("0 applied, 1 already imported"))
    }

    @Test func assignAndReassignReportEachAgentsContacts() throws {
        let directory = TemporaryDirectory()
        try Self.simulated(in: directory)
        let reassign = try Dialerd.run(["agents", "reassign", "sheets", "--from", "george"], in: directory.url)
        #expect(reassign.status == 0, "\(reassign.stderr)")
        #expect(!reassign.stdout.contains("george:"))
        #expect(reassign.stdout.contains("amelia:"))
        let report = try Dialerd.run(["agents", "report", "sheets"], in: directory.url)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("amelia"))
        #expect(report.stdout.contains("george"))
        #expect(report.stdout.contains("done "))
    }

    @Test func badUsageAndAMissingDatabaseExitWithTwo() throws {
        let directory = TemporaryDirectory()
        let noAction = try Dialerd.run(["agents"], in: directory.url)
        #expect(noAction.status == 2)
        let badMethod = try Dialerd.run(["agents", "assign", "x", "--by", "alphabetical"], in: directory.url)
        #expect(badMethod.status == 2)
        #expect(badMethod.stderr.contains("--by must be owner, round-robin or balanced"))
        let noDatabase = try Dialerd.run(["agents", "export", "x", "--out", "o", "--db", "missing.db"], in: directory.url)
        #expect(noDatabase.status == 2)
        #expect(noDatabase.stderr.contains("no database at missing.db"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("missing.db")))
    }
}

/// A Czech campaign's call sheets: the printable page in Czech, the CSV importable as in English.
@Suite struct LocalizedCallSheetTests {
    @Test func thePrintableSheetIsInTheCampaignsLanguageAndTheCSVKeepsItsColumns() throws {
        let directory = TemporaryDirectory()
        var list = "Name,Phone,Owner,Note\n"
        for index in 0..<30 { list += "Jiří Novák \(index),0798398\(1000 + index),\(index % 2 == 0 ? "amelia" : "george"),poznámka\n" }
        try list.write(toFile: directory.path("list.csv"), atomically: true, encoding: .utf8)
        let campaign = AgentsCommandTests.campaign
            .replacingOccurrences(of: "  timezone Europe/London\n", with: "  timezone Europe/London\n  language cs\n")
            .replacingOccurrences(of: "done     \"Done\"", with: "done     \"Vyřízeno\"")
        try campaign.write(toFile: directory.path("sheets.campaign"), atomically: true, encoding: .utf8)
        let simulate = try Dialerd.run(["simulate", "sheets.campaign", "--out", "out", "--db", "dialer.db", "--start", "2030-03-04"],
                                       in: directory.url)
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let export = try Dialerd.run(["agents", "export", "sheets", "--agent", "amelia", "--out", "sheets"], in: directory.url)
        #expect(export.status == 0, "\(export.stderr)")
        let html = try String(contentsOfFile: directory.path("sheets/sheets-amelia.html"), encoding: .utf8)
        for fragment in ["<html lang=\"cs\">", "Seznam hovorů pro <strong>Amelia Hughes</strong>", "<th>Místní čas</th>",
                         "<th>Předchozí hovory</th>", "Vyřízeno <small>[done]</small>", "Odmítnutí: toto číslo už nikdy nevolat",
                         "nepřijato"] {
            #expect(html.contains(fragment), "\(fragment)")
        }
        #expect(html.range(of: #"\d{1,2}\. \d{1,2}\. 2030 \d{1,2}:\d{2}"#, options: .regularExpression) != nil, "Czech dates")
        let csv = try String(contentsOfFile: directory.path("sheets/sheets-amelia.csv"), encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").first?
            .hasSuffix(",disposition,answer:rating,callback,callback_by,opt_out") == true, "the columns import reads")
        #expect(csv.contains("2030-03-0"), "times the import reads: YYYY-MM-DD HH:MM")
    }
}
