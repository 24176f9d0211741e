import CampaignDSL
@testable import Dialer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dialerd run` with `telephony asterisk`: the daemon dials through the AMI
/// driver against an Asterisk stand-in on a loopback socket.
@Suite(.serialized) struct OperationsAsteriskTests {
    static let secretVariable = "DIALER_OPERATIONS_TEST_AMI_SECRET"
    let directory = TemporaryDirectory()

    private func writeCampaign(contacts: Int) throws {
        try FileManager.default.createDirectory(atPath: directory.file("campaigns"), withIntermediateDirectories: true)
        var csv = "Phone\n"
        for index in 0..<contacts { csv += "+8490\(String(2_000_000 + index).suffix(7))\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: directory.file("campaigns/list.csv")))
        try Data("""
            campaign over-asterisk {
              timezone UTC
              list "list.csv" {
                phone column "Phone"
              }
              hours {
                mon-sun 00:00-24:00
              }
              dial progressive {
                agents 3
              }
              retry {
                no-answer 2 times, wait 1s
                busy      2 times, wait 1s
              }
            }

            """.utf8).write(to: URL(fileURLWithPath: directory.file("campaigns/over-asterisk.campaign")))
    }

    private func config(port: UInt16) -> DaemonConfig {
        DaemonConfig(
            databasePath: directory.file("dialer.db"), campaignsFolder: directory.file("campaigns"),
            reportsFolder: directory.file("reports"),
            telephony: .asterisk(AsteriskSettings(
                host: "127.0.0.1", port: Int(port), username: "dialer", secret: SecretReference(variable: Self.secretVariable),
                channel: "PJSIP/{number}@trunk", queue: "campaign", lines: 4, callsPerSecond: 40)))
    }

    @Test func runDialsThroughAsteriskAndRecordsEveryCall() throws {
        let peer = try FakeAsterisk(population: FakeAsterisk.Population(seed: 4), agents: ["agent-1", "agent-2", "agent-3"])
        defer { peer.stop() }
        try writeCampaign(contacts: 12)
        setenv(Self.secretVariable, "s3cret", 1)
        let daemon = Daemon(options: DaemonOptions(config: config(port: peer.port), duration: 120), logger: .silent,
                            stop: StopSignal(), reload: StopSignal())
        let report = try daemon.run()
        let outcome = try #require(report.campaigns.first)
        #expect(outcome.state == .dialed)
        let summary = try #require(outcome.summary)
        #expect(summary.pending == 0, "every contact ended")
        #expect(summary.attempts >= 12)
        #expect(summary.answered > 0)
        let store = try CampaignStore(path: directory.file("dialer.db"), now: Date())
        #expect(try store.connection.firstRow("SELECT COUNT(*) FROM attempts WHERE state = 'dialing'") { $0.int(0) } == 0)
        #expect(try store.lease() == nil, "the lease is released")
    }

    @Test func aMissingSecretStopsTheDaemonAtStartUpNamingTheVariable() throws {
        try writeCampaign(contacts: 1)
        unsetenv(Self.secretVariable + "_UNSET")
        var settings = config(port: 1)
        if case .asterisk(var asterisk) = settings.telephony {
            asterisk.secret = SecretReference(variable: Self.secretVariable + "_UNSET")
            settings.telephony = .asterisk(asterisk)
        }
        let daemon = Daemon(options: DaemonOptions(config: settings), logger: .silent, stop: StopSignal(), reload: StopSignal())
        let error = #expect(throws: EnvironmentError.self) { try daemon.run() }
        #expect(error?.description.contains(Self.secretVariable + "_UNSET") == true)
        let store = try CampaignStore(path: directory.file("dialer.db"), now: Date())
        #expect(try store.lease() == nil, "a daemon that could not start leaves no lease behind")
    }

    @Test func theConfigsSettingsReachTheDriverAndTheRestKeepItsDefaults() {
        let settings = AsteriskSettings(host: "pbx", port: 5039, username: "u", secret: SecretReference(variable: "S"),
                                        channel: "SIP/{number}", amdFalsePositivePercent: 2.5, lines: 7)
        let configuration = DaemonTelephony.configuration(settings)
        #expect(configuration.port == 5039 && configuration.lines == 7 && configuration.channelTemplate == "SIP/{number}")
        #expect(configuration.machineFalsePositiveShare == 0.025)
        let defaults = AsteriskConfiguration(host: "pbx", username: "u", secretVariable: "S", channelTemplate: "SIP/{number}")
        #expect(configuration.context == defaults.context && configuration.callsPerSecond == defaults.callsPerSecond)
        #expect(configuration.problems.isEmpty)
    }
}
