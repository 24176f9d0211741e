import CampaignDSL
@testable import Dialer
import Foundation
import Testing

@Suite struct CampaignRunnerTests {
    /// Monday 2 March 2026, midnight in Ho Chi Minh City.
    static let monday = Date(timeIntervalSince1970: 1_772_384_400)

    @Test func everyJobEndsFinalAndEveryAttemptHasOneOutcome() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(), contacts: 60, start: Self.monday)
        try fixture.run(parameters: SimulationParameters(seed: 5))
        let states = try fixture.jobStates()
        #expect(states["pending"] == nil && states["dialing"] == nil)
        #expect(states.values.reduce(0, +) == 60)
        for attempt in try fixture.attempts() {
            #expect(attempt.state == "ended")
            #expect(attempt.outcome.flatMap(CallOutcome.init(rawValue:)) != nil)
        }
    }

    /// Property over random campaigns: no call outside the hours, never more calls
    /// ending in an outcome than its rule allows, every attempt ended with one outcome.
    @Test(arguments: 0..<24)
    func randomCampaignsKeepTheLaws(case index: Int) throws {
        var random = SeededRandom(seed: 1_000 + UInt64(index))
        var weekly: [Weekday: [TimeRange]] = [:]
        for day in Weekday.allCases where random.unit() < 0.6 {
            let startMinute = 6 * 60 + Int(random.next() % 600)
            let length = 15 + Int(random.next() % 300)
            weekly[day] = [TimeRange(start: TimeOfDay(minutes: startMinute), end: TimeOfDay(minutes: min(1440, startMinute + length)))]
        }
        if weekly.isEmpty { weekly[.wednesday] = [TimeRange(start: TimeOfDay(hour: 10, minute: 0), end: TimeOfDay(hour: 11, minute: 0))] }
        let times = 1 + Int(random.next() % 5)
        let spec = EngineFixture.spec(
            hours: weekly, agents: 1 + Int(random.next() % 6),
            retry: [.noAnswer: RetryRule(times: times, waits: [60 * (1 + Int(random.next() % 240))])],
            timeZone: ["Asia/Ho_Chi_Minh", "America/New_York", "Europe/London"][index % 3])
        let fixture = try EngineFixture(spec: spec, contacts: 40, start: Self.monday)
        try fixture.run(parameters: SimulationParameters(seed: random.next(), personAnswerShare: random.unit() * 0.6))

        let calendar = CallingCalendar(hours: spec.hours, timeZone: fixture.zone)
        var noAnswers: [Int64: Int] = [:]
        for attempt in try fixture.attempts() {
            #expect(calendar.isOpen(at: attempt.placedAt), "call placed outside the hours")
            #expect(attempt.state == "ended")
            if attempt.outcome == CallOutcome.noAnswer.rawValue { noAnswers[attempt.job, default: 0] += 1 }
        }
        #expect(noAnswers.values.allSatisfy { $0 <= times })
        let states = try fixture.jobStates()
        #expect(states["dialing"] == nil)
    }

    @Test func progressiveNeverAbandonsAndKeepsOneCallPerAgent() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(agents: 2), contacts: 50, start: Self.monday)
        try fixture.run(parameters: SimulationParameters(seed: 11, personAnswerShare: 0.6))
        let abandoned = try fixture.store.connection.firstRow(
            "SELECT COUNT(*) FROM attempts WHERE outcome = 'abandoned'") { $0.int(0) }
        #expect(abandoned == 0)
        // Calls overlapping any instant never outnumber the agents.
        let spans = try fixture.store.connection.rows("SELECT placed_at, ended_at FROM attempts") { ($0.double(0), $0.double(1)) }
        for (start, _) in spans {
            #expect(spans.count { $0.0 <= start && start < $0.1 } <= 2)
        }
    }

    @Test func anAttemptLeftInProgressIsReconciledAsUnknownNotRedialed() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(), contacts: 1, start: Self.monday.addingTimeInterval(10 * 3600))
        let job = try #require(try fixture.store.dueJobs(campaign: fixture.campaign, at: fixture.start, limit: 1).first)
        // A dialer recorded the attempt, then died before learning the call's end.
        _ = try fixture.store.beginAttempt(campaign: fixture.campaign, job: job, agent: nil, at: fixture.start)
        try fixture.run(parameters: SimulationParameters(seed: 1, personAnswerShare: 0, busyShare: 0, unallocatedShare: 0))
        let outcomes = try fixture.attempts().map(\.outcome)
        #expect(outcomes.first == "unknown")
        #expect(outcomes.count == 3, "the unknown call counts against 'no-answer 3 times'")
    }

    @Test func theLoggedInTimeCoversOnlyOpenHours() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(agents: 2), contacts: 30, start: Self.monday)
        try fixture.run(parameters: SimulationParameters(seed: 2))
        let sessions = try fixture.store.connection.rows("SELECT started_at, ended_at FROM agent_sessions") {
            ($0.date(0), $0.date(1))
        }
        #expect(!sessions.isEmpty)
        let calendar = CallingCalendar(hours: fixture.spec.hours, timeZone: fixture.zone)
        for (start, _) in sessions {
            #expect(calendar.isOpen(at: start))
        }
    }
}

@Suite struct ChangedUnderTheRunnerTests {
    /// An outcome imported (or an operator's change) after the runner read a due job: the job is
    /// skipped, nothing is recorded or dialed, and the campaign goes on.
    @Test func aJobThatStoppedBeingPendingIsSkippedNotDialed() throws {
        let start = CampaignRunnerTests.monday.addingTimeInterval(10 * 3600)
        let fixture = try EngineFixture(spec: EngineFixture.spec(), contacts: 2, start: start)
        let clock = VirtualClock(start: start)
        let network = SimulatedNetwork(
            clock: clock, parameters: SimulationParameters(seed: 1), agents: CampaignRunner.agentIDs(of: fixture.spec),
            timeZone: fixture.zone)
        let runner = CampaignRunner(
            campaign: fixture.campaign, spec: fixture.spec, timeZone: fixture.zone, store: fixture.store,
            doNotCall: try DoNotCallRegistry(spec: fixture.spec, store: fixture.store, cacheDirectory: nil),
            driver: network, clock: clock)
        let job = try #require(try fixture.store.dueJobs(campaign: fixture.campaign, at: start, limit: 1).first)
        try fixture.store.connection.run("UPDATE jobs SET state = 'completed' WHERE id = ?", [job.job])
        #expect(try runner.dial(job, agent: nil, at: start) == false)
        #expect(try fixture.attempts().isEmpty)
        try runner.run(until: start.addingTimeInterval(30 * 86_400))
        #expect(try fixture.attempts().allSatisfy { $0.job != job.job }, "the completed job is never dialed")
        #expect(try fixture.jobStates()["completed", default: 0] >= 1)
    }
}
