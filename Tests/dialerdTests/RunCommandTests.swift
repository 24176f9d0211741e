import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct RunCommandTests {
    @Test(arguments: ["run", "serve", "status", "pause", "resume", "backup"])
    func everyOperationsCommandHasHelp(command: String) throws {
        let output = try Dialerd.run([command, "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Usage: dialerd \(command)"))
        #expect(try Dialerd.run(["--help"]).stdout.contains("  \(command)"))
    }

    @Test func runCompilesTheFolderWaitsForTheWindowThenDialsAndSummarises() throws {
        let fixture = try OperationsFixture(contacts: 50, seed: 3, logLevel: "info")
        // The clock starts at 08:20; the hours open at 08:30.
        let first = try fixture.dialerd(["run", "--config", fixture.config])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("campaigns/torture.campaign: 50 contacts (45 dialable)"), "\(first.stdout)")
        #expect(first.stdout.contains("torture: closed until"))
        #expect(first.stdout.contains("on the simulated network (seed 3, time-scale 600): no real calls"), "\(first.stdout)")
        #expect(first.stdout.contains("duplicate 0, do-not-call 5, pending 45)"), "\(first.stdout)")
        #expect(try fixture.count("SELECT COUNT(*) FROM attempts") == 0, "nothing is dialed before the hours open")

        Thread.sleep(forTimeInterval: 1.2)  // 12 minutes of the campaign's clock: now past 08:30
        let second = try fixture.dialerd(["run", "--config", fixture.config, "--for", "20m"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stdout.contains("compiled"), "an unchanged campaign is not compiled again")
        let placed = try fixture.count("SELECT COUNT(*) FROM attempts")
        #expect(placed > 0)
        #expect(second.stdout.contains("torture: dialed, \(placed) calls placed"), "\(second.stdout)")
        #expect(second.stderr.contains("level=info msg=dialing campaign=torture"))
        #expect(!second.stderr.contains("+8490"), "logs never show a phone number in full")
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.database)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aSecondDialerdOnTheSameDatabaseIsRefused() throws {
        let fixture = try OperationsFixture(contacts: 20, seed: 4)
        let serve = try fixture.start(["serve", "--config", fixture.config])
        defer {
            if serve.isRunning { kill(serve.processIdentifier, SIGKILL) }
            serve.waitUntilExit()
        }
        var holding = false
        for _ in 0..<200 where !holding {
            Thread.sleep(forTimeInterval: 0.05)
            holding = FileManager.default.fileExists(atPath: fixture.database)
                && (try? fixture.count("SELECT pid FROM daemon_lease")) == Int(serve.processIdentifier)
        }
        #expect(holding, "serve takes the lease")
        let output = try fixture.dialerd(["run", "--config", fixture.config])
        #expect(output.status == 3, "an overlap has its own exit status")
        #expect(output.stderr.contains("another dialerd"))
        #expect(output.stderr.contains("is running on \(fixture.database)"))
    }

    @Test func aConfigWithErrorsExitsOneWithLineColumnAndCaret() throws {
        let fixture = try OperationsFixture(contacts: 5, seed: 5)
        try fixture.write("database \"data/dialer.db\"\ntelephony asterisk {\n  host \"pbx\"\n  username \"u\"\n  secret \"hunter2\"\n}\n",
                          to: "bad.conf")
        let output = try fixture.dialerd(["run", "--config", "bad.conf"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("bad.conf:5:10: error: secrets are not written in the config file [secret-in-config]"))
        #expect(output.stderr.contains("^"))
        #expect(!FileManager.default.fileExists(atPath: fixture.database), "nothing ran")
    }

    @Test func aBadDurationIsAUsageError() throws {
        let output = try Dialerd.run(["run", "--for", "soon"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("--for must be a duration"))
    }

    @Test func runWithoutAConfigOrACampaignsFolderCreatesNoDatabase() throws {
        let directory = TemporaryDirectory()
        let output = try Dialerd.run(["run"], in: directory.url)
        #expect(output.status == 2)
        #expect(output.stderr.contains("there is no campaigns folder campaigns"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty, "no dialer.db, no lock file")
    }

    @Test func aMissingConfigFileIsAnEnvironmentProblem() throws {
        let directory = TemporaryDirectory()
        let output = try Dialerd.run(["run", "--config", "missing.conf"], in: directory.url)
        #expect(output.status == 2, "as the exit status table says")
        #expect(output.stderr.contains("cannot read the config file missing.conf"))
    }
}
