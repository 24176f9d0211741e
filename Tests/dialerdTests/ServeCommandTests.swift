import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ServeCommandTests {
    /// Waits (a bounded number of short naps) until `condition` holds; false if it never did.
    private func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        for _ in 0..<200 {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    @Test func sigtermDrainsAndExitsZeroWithNothingLeftInFlight() throws {
        let fixture = try OperationsFixture(contacts: 200, seed: 8)
        let serve = try fixture.start(["serve", "--config", fixture.config])
        defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
        #expect(eventually {
            FileManager.default.fileExists(atPath: fixture.database)
                && (try? fixture.count("SELECT COUNT(*) FROM attempts")) ?? 0 > 0
        }, "serve dials once the hours open")
        kill(serve.processIdentifier, SIGTERM)
        serve.waitUntilExit()
        #expect(serve.terminationReason == .exit)
        #expect(serve.terminationStatus == 0)
        #expect(try fixture.count("SELECT COUNT(*) FROM attempts WHERE state = 'dialing'") == 0, "calls in flight ended")
        #expect(try fixture.count("SELECT COUNT(*) FROM daemon_lease") == 0, "the lease is released")
    }

    @Test func aChangedCampaignFileIsMergedOnSighup() throws {
        let fixture = try OperationsFixture(contacts: 30, seed: 9)
        let serve = try fixture.start(["serve", "--config", fixture.config])
        defer {
            if serve.isRunning { kill(serve.processIdentifier, SIGKILL) }
            serve.waitUntilExit()
        }
        #expect(eventually { (try? fixture.count("SELECT COUNT(*) FROM contacts")) == 30 })
        var csv = "Name,Phone\n"
        for (index, number) in fixture.numbers.prefix(20).enumerated() { csv += "Contact \(index),\(number)\n" }
        csv += "Newcomer,+84909999999\n"
        try fixture.write(csv, to: "campaigns/lists/contacts.csv")
        kill(serve.processIdentifier, SIGHUP)
        #expect(eventually {
            (try? fixture.count("SELECT COUNT(*) FROM contacts WHERE phone_e164 = '+84909999999'")) == 1
        }, "the new contact is merged in")
        #expect(try fixture.count("SELECT COUNT(*) FROM contacts") == 31, "the others are kept, not duplicated")
        kill(serve.processIdentifier, SIGTERM)
        serve.waitUntilExit()
        #expect(serve.terminationStatus == 0)
    }
}
