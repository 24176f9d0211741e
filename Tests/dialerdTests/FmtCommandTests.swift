import Foundation
import Testing

@Suite struct FmtCommandTests {
    static let messy = """
        # a renewal campaign
        campaign   messy {
        timezone Asia/Ho_Chi_Minh   # the zone
          list "l.csv" { phone column "Phone" }
            hours { mon-fri 09:00-17:00 }
        dial progressive { agents 2 }
        }
        """

    @Test func formatsInPlaceKeepsCommentsAndIsIdempotent() throws {
        let directory = TemporaryDirectory()
        let file = directory.path("messy.campaign")
        try Self.messy.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try Dialerd.run(["fmt", "--check", file]).status == 1)
        let first = try Dialerd.run(["fmt", file])
        #expect(first.status == 0, "\(first.stderr)")
        let formatted = try String(contentsOfFile: file, encoding: .utf8)
        #expect(formatted != Self.messy)
        #expect(formatted.contains("# a renewal campaign"))
        #expect(formatted.contains("# the zone"))
        #expect(formatted.contains("\n  timezone"))
        let second = try Dialerd.run(["fmt", file])
        #expect(second.stdout.isEmpty, "formatting formatted text changes nothing")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == formatted)
        #expect(try Dialerd.run(["fmt", "--check", file]).status == 0)
    }

    @Test func aFileWithSyntaxErrorsIsLeftUntouched() throws {
        let directory = TemporaryDirectory()
        let file = directory.path("broken.campaign")
        let text = "campaign broken {\n  hours { mon-fri 09:00-17:00\n"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let output = try Dialerd.run(["fmt", file])
        #expect(output.status == 1)
        #expect(output.stderr.contains("broken.campaign:"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    }

    @Test func everyExampleCampaignIsFormatted() throws {
        let folder = Dialerd.repositoryRoot.appendingPathComponent("campaigns")
        var files = ExampleCampaignTests.campaigns
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("shared").path) {
            files.append("campaigns/shared/" + name)
        }
        let output = try Dialerd.run(["fmt", "--check"] + files)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    }
}
