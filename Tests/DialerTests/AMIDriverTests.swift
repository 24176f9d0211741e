@testable import Dialer
import Foundation
import Testing

/// The driver's connection handling against the loopback AMI peer, and its settings.
@Suite struct AMIDriverTests {
    private static func driver(
        port: UInt16, secret: String = "s3cret", ping: TimeInterval = 5, maxQueueDelay: TimeInterval = 30, log: LogLines
    ) throws -> AsteriskDriver {
        var configuration = AMICampaignTests.configuration(port: port)
        configuration.pingInterval = ping
        configuration.maxQueueDelay = maxQueueDelay
        return try AsteriskDriver(configuration: configuration, secret: secret, clock: WallClock(), log: log.logger)
    }

    /// A port where nothing listens: a peer's, after it stopped.
    private static func deadPort() throws -> UInt16 {
        let peer = try FakeAsterisk(population: FakeAsterisk.Population(), agents: [])
        peer.stop()
        return peer.port
    }

    /// Collects events until one ends `call`, waiting at most `seconds`.
    private static func end(of call: CallID, from driver: AsteriskDriver, within seconds: TimeInterval) -> HangupCause? {
        let limit = Date().addingTimeInterval(seconds)
        while Date() < limit {
            for event in driver.events(until: min(limit, Date().addingTimeInterval(0.2))) {
                if case .hungUp(call, let cause) = event.kind { return cause }
            }
        }
        return nil
    }

    @Test func aRefusedLoginIsLoggedAndRetriedWithoutTheSecret() throws {
        let peer = try FakeAsterisk(population: FakeAsterisk.Population(), agents: [])
        defer { peer.stop() }
        let log = LogLines()
        let driver = try Self.driver(port: peer.port, secret: "wrong-secret", log: log)
        defer { driver.shutdown() }
        #expect(eventually(within: 10) { peer.snapshot.refusedLogins >= 2 }, "the driver tries again after its backoff")
        #expect(peer.snapshot.logins == 0)
        #expect(log.all.contains { $0.contains("refused the login of manager user 'dialer'") })
        #expect(!log.all.contains { $0.contains("wrong-secret") })
    }

    @Test func anIdleConnectionIsKeptAliveWithPings() throws {
        let peer = try FakeAsterisk(population: FakeAsterisk.Population(), agents: ["an"])
        defer { peer.stop() }
        let log = LogLines()
        let driver = try Self.driver(port: peer.port, ping: 0.05, log: log)
        defer { driver.shutdown() }
        #expect(eventually(within: 10) { peer.snapshot.pings >= 3 })
        #expect(peer.snapshot.logins == 1, "pings answered: the connection never dropped")
        // The queue's member came with the first QueueStatus.
        #expect(driver.events(until: Date().addingTimeInterval(1)).map(\.kind) == [.agentPresence(agent: "an", .available)])
    }

    @Test func aCallThatCannotReachAsteriskInTimeEndsUndialed() throws {
        let log = LogLines()
        let driver = try Self.driver(port: try Self.deadPort(), maxQueueDelay: 0.2, log: log)
        defer { driver.shutdown() }
        try driver.place(CallRequest(callID: 7, number: "+84912345678", callerID: nil, ringTimeout: 25, tag: "job=1"))
        #expect(Self.end(of: 7, from: driver, within: 10) == .noCircuitAvailable)
        #expect(log.all.contains { $0.contains("cannot connect to 127.0.0.1") })
        #expect(log.all.contains { $0.contains("attempt 7 waited more than") })
        #expect(!log.all.contains { $0.contains("84912345678") })
    }

    @Test func aQueuedCallCanBeCancelled() throws {
        let driver = try Self.driver(port: try Self.deadPort(), log: LogLines())
        defer { driver.shutdown() }
        try driver.place(CallRequest(callID: 8, number: "+84912345678", callerID: nil, ringTimeout: 25, tag: ""))
        try driver.cancel(8)
        #expect(Self.end(of: 8, from: driver, within: 10) == .normalClearing)
    }

    @Test func nothingHappensBeforeTheDeadlineGivesNoEvents() throws {
        let driver = try Self.driver(port: try Self.deadPort(), log: LogLines())
        defer { driver.shutdown() }
        #expect(driver.events(until: Date().addingTimeInterval(0.05)).isEmpty)
        #expect(driver.routesAnsweredCalls)
        #expect(throws: TelephonyError.self) { try driver.connect(1, toAgent: "an") }
    }

    @Test func unusableSettingsAreRefusedWithEveryProblemNamed() {
        let configuration = AsteriskConfiguration(
            host: "", username: "dialer", secretVariable: "", channelTemplate: "PJSIP/trunk", lines: 0,
            callsPerSecond: 0, callKeyPrefix: "dialer #")
        #expect(configuration.problems == [
            "the Asterisk host is empty",
            "the environment variable for the manager secret is not named",
            "the channel template 'PJSIP/trunk' has no {number} placeholder",
            "lines must be at least 1",
            "calls per second must be above 0",
            "the call key prefix 'dialer #' may hold only letters, digits, '-', '_' and '.'",
        ])
        #expect(throws: TelephonyError.self) {
            try AsteriskDriver(configuration: configuration, secret: "x", clock: WallClock(), log: { _ in })
        }
    }

    @Test func theSecretComesFromTheNamedEnvironmentVariable() throws {
        let configuration = AMICampaignTests.configuration(port: 5038)
        #expect(try configuration.secret(from: ["DIALER_AMI_SECRET": "s3cret"]) == "s3cret")
        #expect {
            try configuration.secret(from: [:])
        } throws: { error in
            "\(error)" == "the Asterisk manager secret is missing: set the environment variable DIALER_AMI_SECRET"
        }
    }
}
