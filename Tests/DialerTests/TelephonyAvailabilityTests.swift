import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// The runner with a backend that cannot dial: it places nothing, records nothing, says why,
/// and (as `dialerd run`) gives up after its grace; calls the backend gives back unplaced are withdrawn.
@Suite struct TelephonyAvailabilityTests {
    static let monday = CampaignRunnerTests.monday

    /// The simulated network behind a switch: unavailable until `availableFrom`; before `placesFrom` the
    /// link breaks under the first calls handed over, which come back unplaced, and stays down until then.
    final class Switchboard: WrappingDriver {
        let wrapped: any TelephonyDriver
        let clock: VirtualClock
        var availableFrom: Date
        var placesFrom: Date
        /// Whether it says it can follow a stopped process's calls (it never reports them).
        var resumes = false
        private var unplaced: [CallEvent] = []
        private var linkBroke = false

        init(_ network: SimulatedNetwork, clock: VirtualClock, availableFrom: Date, placesFrom: Date) {
            wrapped = network
            self.clock = clock
            self.availableFrom = availableFrom
            self.placesFrom = placesFrom
        }

        var availability: TelephonyAvailability {
            if clock.now < availableFrom { return .unavailable(reason: "cannot connect to the Asterisk manager at pbx:5038") }
            if linkBroke && clock.now < placesFrom { return .unavailable(reason: "lost the Asterisk manager connection") }
            return .available
        }

        func place(_ request: CallRequest) throws {
            if clock.now < placesFrom {
                linkBroke = true
                unplaced.append(CallEvent(time: clock.now, kind: .notPlaced(request.callID, reason: "the link broke")))
            } else {
                try wrapped.place(request)
            }
        }

        func resume(_ calls: [CallID]) -> Bool { resumes }

        func events(until deadline: Date) -> [CallEvent] {
            if !unplaced.isEmpty {
                defer { unplaced.removeAll() }
                return unplaced
            }
            return wrapped.events(until: deadline)
        }
    }

    static func runner(_ fixture: EngineFixture, availableFrom: Date, placesFrom: Date) throws -> CampaignRunner {
        let clock = VirtualClock(start: fixture.start)
        let network = SimulatedNetwork(clock: clock, parameters: SimulationParameters(seed: 3),
                                       agents: CampaignRunner.agentIDs(of: fixture.spec))
        let driver = Switchboard(network, clock: clock, availableFrom: availableFrom, placesFrom: placesFrom)
        return CampaignRunner(
            campaign: fixture.campaign, spec: fixture.spec, timeZone: fixture.zone, store: fixture.store,
            doNotCall: try DoNotCallRegistry(spec: fixture.spec, store: fixture.store, cacheDirectory: nil),
            driver: driver, clock: clock)
    }

    static func attemptCount(_ fixture: EngineFixture) throws -> Int {
        try fixture.store.connection.firstRow("SELECT COUNT(*) FROM attempts", []) { $0.int(0) } ?? -1
    }

    @Test func aRunGivesUpOnAnUnavailableBackendWithoutRecordingAnything() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(), contacts: 10, start: Self.monday)
        let open = Self.monday.addingTimeInterval(9 * 3600)
        let runner = try Self.runner(fixture, availableFrom: .distantFuture, placesFrom: .distantPast)
        runner.unavailableGiveUp = 30
        try runner.run(until: open.addingTimeInterval(3600))
        #expect(runner.telephonyFailure == "cannot connect to the Asterisk manager at pbx:5038")
        #expect(try Self.attemptCount(fixture) == 0)
        #expect(try fixture.jobStates() == ["pending": 10])
    }

    @Test func theLiveStateSaysWhyWhileTheBackendIsUnavailable() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(), contacts: 10, start: Self.monday)
        let open = Self.monday.addingTimeInterval(9 * 3600)
        let runner = try Self.runner(fixture, availableFrom: .distantFuture, placesFrom: .distantPast)
        runner.publishesLiveState = true
        // What `status` would read while the runner waits (asked on every turn of its loop).
        var seen: LiveState?
        runner.stopRequested = {
            seen = (try? fixture.store.liveState(campaign: fixture.campaign)) ?? seen
            return false
        }
        // serve waits as long as it takes; the run here ends with the window.
        try runner.run(until: open.addingTimeInterval(60))
        #expect(runner.telephonyFailure == nil, "serve does not give up")
        #expect(try Self.attemptCount(fixture) == 0)
        #expect(seen?.telephony == .unavailable(reason: "cannot connect to the Asterisk manager at pbx:5038"))
        #expect(try fixture.store.liveState(campaign: fixture.campaign) == nil, "cleared when the worker stops")
        var status = CampaignStatus(
            campaign: "c", paused: false, timeZone: "UTC", contacts: 10, done: 0, jobs: [:], dueNow: 10, open: true,
            nextWindow: nil, callsInFlight: 0, agents: 3, attempts: 0, answered: 0, abandoned: 0, abandonRate: 0,
            abandonCap: nil, notDialed: [:])
        status.showLive(LiveState(telephony: .unavailable(reason: "Asterisk refused the login"), agentsLoggedIn: 2,
                                  agentsReady: 2, agentsPaused: 1))
        #expect(status.dueNow == 0)
        #expect(status.notDialed == ["telephony-unavailable": 10])
        #expect(status.telephonyError == "Asterisk refused the login")
        #expect(status.liveAgents?.paused == 1 && status.liveAgents?.loggedIn == 2)
    }

    /// Calls handed over while the link is down come back unplaced: their attempts are withdrawn, the
    /// contacts called later as if nothing happened, and no contact is charged an attempt for them.
    @Test func callsTheBackendNeverPlacedAreWithdrawnAndDialedLater() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(agents: 3), contacts: 12, start: Self.monday)
        let open = Self.monday.addingTimeInterval(9 * 3600)
        let runner = try Self.runner(fixture, availableFrom: .distantPast, placesFrom: open.addingTimeInterval(120))
        try runner.run(until: open.addingTimeInterval(8 * 3600))
        let attempts = try fixture.attempts()
        #expect(attempts.allSatisfy { $0.placedAt >= open.addingTimeInterval(120) }, "no attempt left from the unplaced calls")
        #expect(attempts.allSatisfy { $0.state == "ended" })
        let charged = try fixture.store.connection.firstRow(
            "SELECT COUNT(*) FROM jobs j WHERE j.attempts <> (SELECT COUNT(*) FROM attempts a WHERE a.job_id = j.id)", []) { $0.int(0) }
        #expect(charged == 0, "a job's attempt count matches its attempts")
        #expect(try fixture.jobStates()["pending"] == nil)
    }

    /// The daemon's watched driver stops waiting when the backend's availability changes, so the
    /// runner stores why it does not dial (status: telephony-unavailable) without waiting for an event.
    @Test func aWatchedWaitEndsWhenTheBackendIsLostOrBack() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(), contacts: 1, start: Self.monday)
        let clock = VirtualClock(start: fixture.start)
        let network = SimulatedNetwork(clock: clock, parameters: SimulationParameters(seed: 1))
        let back = fixture.start.addingTimeInterval(30)
        let switchboard = Switchboard(network, clock: clock, availableFrom: back, placesFrom: .distantPast)
        let watched = SupervisedDriver(switchboard, clock: clock, slice: 0.25, stopRequested: { false })
        #expect(watched.events(until: fixture.start.addingTimeInterval(3_600)).isEmpty)
        #expect(clock.now >= back && clock.now < back.addingTimeInterval(1), "woke at \(clock.now.timeIntervalSince(fixture.start)) s")
    }

    /// `run` gives up on an unreachable backend even with a stopped process's calls to follow: they
    /// stay in progress in the store for the next start, instead of holding the run for ever.
    @Test func aRunWithCallsToFollowGivesUpAndLeavesThemForTheNextStart() throws {
        let fixture = try EngineFixture(spec: EngineFixture.spec(), contacts: 3, start: Self.monday)
        let open = Self.monday.addingTimeInterval(9 * 3600)
        let due = try #require(try fixture.store.dueJobs(campaign: fixture.campaign, at: open, limit: 1).first)
        let call = try fixture.store.beginAttempt(campaign: fixture.campaign, job: due, agent: nil, at: open)
        let clock = VirtualClock(start: open)
        let network = SimulatedNetwork(clock: clock, parameters: SimulationParameters(seed: 3))
        let driver = Switchboard(network, clock: clock, availableFrom: .distantFuture, placesFrom: .distantPast)
        driver.resumes = true
        let runner = CampaignRunner(
            campaign: fixture.campaign, spec: fixture.spec, timeZone: fixture.zone, store: fixture.store,
            doNotCall: try DoNotCallRegistry(spec: fixture.spec, store: fixture.store, cacheDirectory: nil),
            driver: driver, clock: clock)
        runner.unavailableGiveUp = 30
        try runner.run(until: open.addingTimeInterval(3600))
        #expect(runner.telephonyFailure != nil)
        #expect(clock.now < open.addingTimeInterval(120), "gave up after its grace, not at the window's end")
        let state = try fixture.store.connection.firstRow("SELECT state FROM attempts WHERE id = ?", [call]) { $0.string(0) }
        #expect(state == "dialing", "left for the next start to follow")
    }
}
