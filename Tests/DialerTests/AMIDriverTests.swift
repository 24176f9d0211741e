@testable import Dialer
import Foundation
import Testing

/// The driver's connection handling against the loopback AMI peer, and its settings.
@Suite struct AMIDriverTests {
    private static func driver(
        port: UInt16, secret: String = "s3cret", ping: TimeInterval = 5, maxQueueDelay: TimeInterval = 30, lines: Int = 4,
        log: LogLines
    ) throws -> AsteriskDriver {
        var configuration = AMICampaignTests.configuration(port: port, lines: lines)
        configuration.pingInterval = ping
        configuration.maxQueueDelay = maxQueueDelay
        return try AsteriskDriver(configuration: configuration, secret: secret, clock: WallClock(), log: log.driverLog)
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

    /// Collects events until `call` comes back unplaced, waiting at most `seconds`; its reason.
    private static func notPlaced(_ call: CallID, from driver: AsteriskDriver, within seconds: TimeInterval) -> String? {
        let limit = Date().addingTimeInterval(seconds)
        while Date() < limit {
            for event in driver.events(until: min(limit, Date().addingTimeInterval(0.2))) {
                if case .notPlaced(call, let reason) = event.kind { return reason }
                if case .hungUp(call, _) = event.kind { return nil }
            }
        }
        return nil
    }

    /// A population whose every call rings for about `seconds` of wall time before a person answers.
    private static func slowlyAnswering(seconds: Double) -> FakeAsterisk.Population {
        FakeAsterisk.Population(unallocatedShare: 0, busyShare: 0, personShare: 1, ringMeanSeconds: seconds / 0.02)
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

    /// An unreachable manager: the driver says why it cannot dial, logs it as an error, and
    /// gives a call handed to it back unplaced (no one was called), never as a failed call.
    @Test func aCallHandedOverWhileAsteriskIsUnreachableIsNotPlaced() throws {
        let log = LogLines()
        let port = try Self.deadPort()
        let driver = try Self.driver(port: port, log: log)
        defer { driver.shutdown() }
        #expect(eventually(within: 10) { log.all.contains { $0.hasPrefix("error: cannot connect to the Asterisk manager at 127.0.0.1:\(port)") } })
        guard case .unavailable(let reason) = driver.availability else {
            Issue.record("an unreachable manager must leave the driver unavailable")
            return
        }
        #expect(reason.contains("cannot connect to the Asterisk manager at 127.0.0.1:\(port)"))
        try driver.place(CallRequest(callID: 7, number: "+84912345678", callerID: nil, ringTimeout: 25, tag: "job=1"))
        #expect(Self.notPlaced(7, from: driver, within: 10)?.contains("cannot connect") == true)
        #expect(!log.all.contains { $0.contains("84912345678") })
    }

    /// A refused login is an error the driver reports as its availability, with Asterisk's reason.
    @Test func aRefusedLoginLeavesTheDriverUnavailableWithTheReason() throws {
        let peer = try FakeAsterisk(population: FakeAsterisk.Population(), agents: ["an"])
        defer { peer.stop() }
        let log = LogLines()
        let driver = try Self.driver(port: peer.port, secret: "wrong-secret", log: log)
        defer { driver.shutdown() }
        #expect(eventually(within: 10) { peer.snapshot.refusedLogins >= 1 && driver.availability != .available })
        #expect(eventually(within: 10) {
            if case .unavailable(let reason) = driver.availability { reason.contains("refused the login") } else { false }
        })
        #expect(log.all.contains { $0.hasPrefix("error: Asterisk refused the login of manager user 'dialer'") })
    }

    /// The driver is available only once logged in and the queue's members have been read.
    @Test func theDriverIsAvailableOnlyAfterTheQueueMembersAreRead() throws {
        let peer = try FakeAsterisk(population: FakeAsterisk.Population(), agents: ["an"])
        defer { peer.stop() }
        let driver = try Self.driver(port: peer.port, log: LogLines())
        defer { driver.shutdown() }
        #expect(eventually(within: 10) { driver.availability == .available })
        let events = driver.events(until: Date().addingTimeInterval(0.5)).map(\.kind)
        #expect(events.contains(.agentPresence(agent: "an", .available)), "the roster came before the driver said it was ready")
    }

    /// A call that waits longer than the longest queue delay for a line is not dialed late: it comes back unplaced.
    @Test func aCallWaitingTooLongForALineIsNotPlaced() throws {
        let peer = try FakeAsterisk(population: Self.slowlyAnswering(seconds: 20), agents: ["an"])
        defer { peer.stop() }
        let log = LogLines()
        let driver = try Self.driver(port: peer.port, maxQueueDelay: 0.3, lines: 1, log: log)
        defer { driver.shutdown() }
        #expect(eventually(within: 10) { driver.availability == .available })
        try driver.place(CallRequest(callID: 7, number: "+84912345671", callerID: nil, ringTimeout: 60, tag: ""))
        try driver.place(CallRequest(callID: 8, number: "+84912345672", callerID: nil, ringTimeout: 60, tag: ""))
        #expect(Self.notPlaced(8, from: driver, within: 10)?.contains("waited more than") == true)
        #expect(log.all.contains { $0.hasPrefix("warning: attempt 8 was not dialed") })
        try driver.cancel(7)
    }

    @Test func aQueuedCallCanBeCancelled() throws {
        let peer = try FakeAsterisk(population: Self.slowlyAnswering(seconds: 20), agents: ["an"])
        defer { peer.stop() }
        let driver = try Self.driver(port: peer.port, lines: 1, log: LogLines())
        defer { driver.shutdown() }
        #expect(eventually(within: 10) { driver.availability == .available })
        try driver.place(CallRequest(callID: 7, number: "+84912345671", callerID: nil, ringTimeout: 60, tag: ""))
        try driver.place(CallRequest(callID: 8, number: "+84912345672", callerID: nil, ringTimeout: 60, tag: ""))
        try driver.cancel(8)
        #expect(Self.end(of: 8, from: driver, within: 10) == .normalClearing)
        try driver.cancel(7)
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
            "the channel template 'PJSIP/trunk' has no {number} or {digits} placeholder",
            "lines must be at least 1",
            "calls per second must be above 0",
            "the call key prefix 'dialer #' may hold only letters, digits, '-', '_' and '.'",
        ])
        #expect(throws: TelephonyError.self) {
            try AsteriskDriver(configuration: configuration, secret: "x", clock: WallClock(), log: AMILog { _, _ in })
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
