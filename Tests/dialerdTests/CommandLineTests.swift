import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func helpListsTheCommands() throws {
        let output = try Dialerd.run(["--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("check"))
        #expect(output.stdout.contains("simulate"))
    }

    @Test(arguments: ["check", "fmt", "explain", "simulate"])
    func everyCommandHasHelp(command: String) throws {
        let output = try Dialerd.run([command, "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Usage: dialerd \(command)"))
    }

    @Test func anUnknownCommandIsAUsageError() throws {
        let output = try Dialerd.run(["dail"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown command 'dail'"))
    }

    @Test func aMisspeltOptionIsAUsageError() throws {
        let output = try Dialerd.run(["simulate", "campaigns/demo.campaign", "--sede", "7"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown option '--sede'"))
    }

    @Test func aBadSeedIsAUsageError() throws {
        let output = try Dialerd.run(["simulate", "campaigns/demo.campaign", "--seed", "seven"])
        #expect(output.status == 2)
        #expect(!output.stderr.contains("Fatal error"))
    }
}
