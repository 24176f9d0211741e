import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// The engine runs whole campaigns through the Asterisk driver against an AMI
/// peer on a loopback socket, on the wall clock with the peer's time scaled down.
@Suite(.serialized) struct AMICampaignTests {
    static let agents = ["agent-1", "agent-2", "agent-3"]

    static func configuration(port: UInt16, lines: Int = 4, reconnectDelay: TimeInterval = 0.05) -> AsteriskConfiguration {
        AsteriskConfiguration(
            host: "127.0.0.1", port: port, username: "dialer", secretVariable: "DIALER_AMI_SECRET",
            channelTemplate: "PJSIP/{number}@trunk", callerIDName: "Dialer", defaultCallerID: "+842873001234",
            queue: "campaign", lines: lines, callsPerSecond: 40, pingInterval: 0.5, reconnectDelay: reconnectDelay,
            maxReconnectDelay: max(0.2, reconnectDelay), connectTimeout: 2, maxQueueDelay: 30)
    }

    /// A progressive campaign open all day, every day, in UTC, with quick retries.
    static func spec() -> CampaignSpec {
        let allDay = [TimeRange(start: TimeOfDay(minutes: 0), end: TimeOfDay(minutes: 1440))]
        return EngineFixture.spec(
            hours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, allDay) }), agents: agents.count,
            retry: [.noAnswer: RetryRule(times: 2, waits: [1]), .busy: RetryRule(times: 2, waits: [1])],
            timeZone: "UTC")
    }

    struct Attempt {
        let id: Int64
        let job: Int64
        let outcome: String?
        let cause: Int?
        let agent: String?
        let state: String
    }

    static func attempts(_ fixture: EngineFixture) throws -> [Attempt] {
        try fixture.store.connection.rows("SELECT id, job_id, outcome, cause, agent, state FROM attempts ORDER BY id") {
            Attempt(id: $0.int64(0), job: $0.int64(1), outcome: $0.optionalString(2),
                    cause: $0.optionalInt64(3).map { Int($0) }, agent: $0.optionalString(4), state: $0.string(5))
        }
    }

    /// Runs `contacts` contacts through a driver connected to `peer`; returns the fixture and the driver's log.
    static func run(
        contacts: Int, peer: FakeAsterisk, lines: Int = 4, reconnectDelay: TimeInterval = 0.05
    ) throws -> (EngineFixture, LogLines) {
        let clock = WallClock()
        let spec = spec()
        let fixture = try EngineFixture(spec: spec, contacts: contacts, start: clock.now)
        let log = LogLines()
        let driver = try AsteriskDriver(
            configuration: configuration(port: peer.port, lines: lines, reconnectDelay: reconnectDelay), secret: "s3cret", clock: clock, log: log.driverLog)
        defer { driver.shutdown() }
        let runner = CampaignRunner(
            campaign: fixture.campaign, spec: spec, timeZone: fixture.zone, store: fixture.store,
            doNotCall: try DoNotCallRegistry(spec: spec, store: fixture.store, cacheDirectory: nil), driver: driver, clock: clock)
        try runner.run(until: clock.now.addingTimeInterval(90))
        return (fixture, log)
    }

    @Test func aCampaignRunsToItsEndAndEveryCallEndsAsAsteriskSaw() throws {
        let peer = try FakeAsterisk(population: FakeAsterisk.Population(seed: 11), agents: Self.agents)
        defer { peer.stop() }
        peer.sendOversizedMessages()
        let (fixture, log) = try Self.run(contacts: 20, peer: peer)
        let tally = peer.snapshot

        let states = try fixture.jobStates()
        #expect(states["pending"] == nil && states["dialing"] == nil)
        #expect(states.values.reduce(0, +) == 20)
        let attempts = try Self.attempts(fixture)
        #expect(attempts.count == tally.originated.count, "every attempt reached Asterisk once")
        #expect(Set(tally.originated).count == tally.originated.count, "no call was dialed twice")
        #expect(tally.mostInProgress <= 4, "lines honoured")
        for attempt in attempts {
            #expect(attempt.state == "ended")
            let record = try #require(tally.records["dialer-\(attempt.id)"])
            #expect(attempt.outcome == record.result?.rawValue, "attempt \(attempt.id)")
            if attempt.outcome == "answered" { #expect(Self.agents.contains(attempt.agent ?? "")) }
        }
        let outcomes = Set(attempts.compactMap(\.outcome))
        #expect(outcomes.isSuperset(of: ["answered", "busy", "invalid", "no-answer"]), "the population gave every kind: \(outcomes)")
        #expect(log.all.contains { $0.contains("skipped a message with a line longer than") })
        #expect(log.all.contains { $0.hasPrefix("debug: ami sent: Action: Originate") }, "every action traced")
        #expect(log.all.contains { $0.hasPrefix("debug: ami received: Event: Hangup") }, "every event traced")
        #expect(!log.all.contains { $0.contains("s3cret") }, "no secret in the log")
        let fullNumber = /\+?849\d{7,}/
        #expect(!log.all.contains { $0.contains(fullNumber) }, "numbers masked: \(log.all.filter { $0.contains(fullNumber) }.prefix(3))")
    }

    /// Three agents would take three calls at once; the trunk has two lines, so the
    /// driver holds the third `Originate` back until a line is free.
    @Test func theDriverKeepsToItsLinesWhenTheEngineWantsMore() throws {
        let peer = try FakeAsterisk(population: FakeAsterisk.Population(seed: 8), agents: Self.agents)
        defer { peer.stop() }
        let (fixture, _) = try Self.run(contacts: 12, peer: peer, lines: 2)
        let tally = peer.snapshot
        #expect(tally.mostInProgress == 2)
        #expect(try fixture.jobStates().values.reduce(0, +) == 12)
        #expect(try Self.attempts(fixture).allSatisfy { $0.state == "ended" && $0.cause != HangupCause.noCircuitAvailable.code })
    }

    /// The peer drops the connection mid-campaign; its calls go on. After the
    /// reconnect (half a second later, longer than short calls last here), calls
    /// Asterisk still has are followed; those that ended unseen are `unknown`
    /// (cause -1), never dialed again.
    @Test func aDroppedConnectionMidCampaignLosesNoCallAndRedialsNone() throws {
        let peer = try FakeAsterisk(population: FakeAsterisk.Population(seed: 5), agents: Self.agents)
        defer { peer.stop() }
        peer.dropConnection(afterOriginate: 6)
        peer.dropConnection(afterOriginate: 14)
        let (fixture, log) = try Self.run(contacts: 20, peer: peer, reconnectDelay: 0.5)
        let tally = peer.snapshot

        #expect(tally.drops == 2 && tally.logins >= 3, "the connection dropped twice and came back")
        let states = try fixture.jobStates()
        #expect(states["pending"] == nil && states["dialing"] == nil)
        #expect(states.values.reduce(0, +) == 20)
        #expect(Set(tally.originated).count == tally.originated.count, "no call was dialed twice")
        let attempts = try Self.attempts(fixture)
        var witnessed = 0
        var unknown = 0
        for attempt in attempts {
            #expect(attempt.state == "ended")
            #expect(attempt.outcome.flatMap(CallOutcome.init(rawValue:)) != nil)
            if attempt.cause == HangupCause.outcomeUnknown.code {
                unknown += 1
                #expect(attempt.outcome == CallOutcome.unknown.rawValue, "a call whose end was lost is recorded as unknown")
            }
            guard let record = tally.records["dialer-\(attempt.id)"] else {
                #expect(attempt.cause == HangupCause.outcomeUnknown.code, "attempt \(attempt.id) never reached Asterisk")
                continue
            }
            if !record.missedEvents {
                witnessed += 1
                #expect(attempt.outcome == record.result?.rawValue, "attempt \(attempt.id)")
            }
        }
        #expect(witnessed >= attempts.count / 2)
        // Unknown attempts count against the limits like no-answers: at most two per contact.
        let limited = Dictionary(grouping: attempts.filter { $0.outcome == "no-answer" || $0.cause == HangupCause.outcomeUnknown.code }, by: \.job)
        #expect(limited.values.allSatisfy { $0.count <= 2 })
        #expect(log.all.filter { $0.contains("lost the Asterisk manager connection") }.count == 2)
        #expect(unknown >= 1, "the outage outlasted some calls")
        #expect(unknown <= tally.drops * 4, "only calls in progress at a drop (at most the 4 lines) can be unknown")
    }
}
