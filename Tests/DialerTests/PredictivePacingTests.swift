import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// The predictive pacer on the engine and the simulated network: it holds the
/// abandon cap in every compliance window, keeps the laws, and falls back to
/// progressive dialing when it must.
@Suite struct PredictivePacingTests {
    /// Monday 2 March 2026, midnight in Ho Chi Minh City.
    static let monday = Date(timeIntervalSince1970: 1_772_384_400)

    /// A predictive campaign, open `hours` hours from 08:00 on `days` weekdays from Monday.
    static func spec(agents: Int, hours: Int, days: Int = 1, profile: ComplianceProfile = .usTSR,
                     pacing: PacingStrategy = .model) -> CampaignSpec {
        let range = TimeRange(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 8 + hours, minute: 0))
        var spec = EngineFixture.spec(
            hours: Dictionary(uniqueKeysWithValues: Weekday.allCases.prefix(days).map { ($0, [range]) }), agents: agents,
            retry: [.noAnswer: RetryRule(times: 3, waits: [3600]), .busy: RetryRule(times: 2, waits: [600]),
                    .machine: RetryRule(times: 2, waits: [7200]), .abandoned: RetryRule(times: 1, waits: [86_400])])
        spec.dial = DialPlan(mode: .predictive, agents: agents, pacing: pacing)
        spec.compliance = profile
        return spec
    }

    /// Abandoned over (answered + abandoned) per window of `days` days from the first call's day, as recorded.
    static func recordedRates(_ fixture: EngineFixture, windowDays: Int) throws -> [Int: (abandoned: Int, answered: Int)] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = fixture.zone
        let first = calendar.startOfDay(for: try #require(try fixture.attempts().first?.placedAt))
        var windows: [Int: (abandoned: Int, answered: Int)] = [:]
        for call in try fixture.attempts() where call.outcome == "answered" || call.outcome == "abandoned" {
            let day = calendar.dateComponents([.day], from: first, to: calendar.startOfDay(for: call.placedAt)).day ?? 0
            var window = windows[day / windowDays, default: (0, 0)]
            window.answered += 1
            if call.outcome == "abandoned" { window.abandoned += 1 }
            windows[day / windowDays] = window
        }
        return windows
    }

    /// Property over random team sizes, answer rates, talk times and seeds: the rate
    /// of persons abandoned stays under the cap in every window (a day for Ofcom,
    /// the run for the TSR), no call is placed outside the hours, every attempt ends
    /// with one outcome, and no person waits past the connect limit.
    @Test(arguments: 0..<10)
    func theAbandonRateStaysUnderTheCapInEveryWindow(case index: Int) throws {
        var random = SeededRandom(seed: 5_000 + UInt64(index))
        let agents = 6 + Int(random.next() % 20)
        let ofcom = index % 2 == 1
        let spec = Self.spec(agents: agents, hours: 3, days: ofcom ? 2 : 1, profile: ofcom ? .ukOfcom : .usTSR)
        let fixture = try EngineFixture(spec: spec, contacts: agents * 90, start: Self.monday)
        let parameters = SimulationParameters(
            seed: random.next(), personAnswerShare: 0.2 + random.unit() * 0.3, talkMeanSeconds: 60 + random.unit() * 200,
            wrapMeanSeconds: 10 + random.unit() * 40)
        try fixture.run(parameters: parameters, until: Self.monday.addingTimeInterval(2 * 86_400))

        let cap = CampaignRunner.abandonCap(of: spec)
        let windows = try Self.recordedRates(fixture, windowDays: ofcom ? 1 : 30)
        #expect(!windows.isEmpty)
        for (window, counts) in windows {
            #expect(Double(counts.abandoned) <= cap * Double(counts.answered),
                    "window \(window): \(counts.abandoned) abandoned of \(counts.answered) answered")
        }
        let calendar = CallingCalendar(hours: spec.hours, timeZone: fixture.zone)
        let calls = try fixture.store.connection.rows(
            "SELECT placed_at, answered_at, connected_at, state, outcome FROM attempts") {
            ($0.date(0), $0.optionalDate(1), $0.optionalDate(2), $0.string(3), $0.optionalString(4))
        }
        for call in calls {
            #expect(calendar.isOpen(at: call.0), "call placed outside the hours")
            #expect(call.3 == "ended" && call.4.flatMap(CallOutcome.init(rawValue:)) != nil, "one outcome per attempt")
            if let answered = call.1, let connected = call.2 { #expect(connected.timeIntervalSince(answered) < 2) }
        }
    }

    /// With machines, AMD on and 1 % of persons taken for machines (which counts as
    /// abandoned), the truth the network saw stays under the cap.
    @Test(arguments: [8, 30])
    func theCapHoldsWithAnsweringMachineDetection(agents: Int) throws {
        let spec = Self.spec(agents: agents, hours: 4)
        let fixture = try EngineFixture(spec: spec, contacts: agents * 120, start: Self.monday)
        var parameters = SimulationParameters.reference(seed: UInt64(agents))
        parameters.amd = true
        parameters.amdFalsePositiveShare = 0.01
        let tally = try fixture.run(parameters: parameters, until: Self.monday.addingTimeInterval(86_400))
        #expect(tally.personsAnswered > 200)
        #expect(tally.personsHungUpAsMachines > 0, "AMD hangs up on some persons")
        #expect(tally.abandonRate <= 0.03, "\(tally.personsAbandoned) + \(tally.personsHungUpAsMachines) of \(tally.personsAnswered)")
    }

    /// The predictive pacer keeps agents busier than progressive dialing on the same list.
    @Test func predictiveBeatsProgressiveOnOccupancy() throws {
        func occupancy(_ mode: DialMode) throws -> Double {
            var spec = Self.spec(agents: 20, hours: 3)
            spec.dial.mode = mode
            let fixture = try EngineFixture(spec: spec, contacts: 1_800, start: Self.monday)
            try fixture.run(parameters: .reference(seed: 3), until: Self.monday.addingTimeInterval(86_400))
            return try CampaignSummary(store: fixture.store, campaign: fixture.campaign).occupancy
        }
        #expect(try occupancy(.predictive) > occupancy(.progressive))
    }

    /// A pacer that has learnt the campaign over-dials when the window has room, and dials
    /// progressively when one more abandoned call would bring the rate near the cap,
    /// with too few agents, or before it knows enough.
    @Test func theModelFallsBackToProgressive() {
        var pacer = ModelPacer(settings: ModelPacer.Settings(cap: 0.03, connectLimit: 2, ringTimeout: 25))
        var snapshot = PacingSnapshot(
            now: Self.monday, loggedInAgents: 20, readyAgents: 4, callsRinging: 0, callsWaiting: 0, callsInFlight: 16)
        snapshot.busyAgents = (0..<16).map { .wrappingUp(seconds: Double(20 + $0)) }
        snapshot.answeredInWindow = 2_000
        snapshot.abandonedInWindow = 10
        #expect(pacer.targetCallsRinging(snapshot) == 4, "knows nothing yet")

        Self.teach(&pacer)
        #expect(pacer.targetCallsRinging(snapshot) > 8, "over-dials with room under the cap")

        var nearCap = snapshot
        nearCap.abandonedInWindow = 60
        #expect(pacer.targetCallsRinging(nearCap) == 4, "one more abandon would pass the cap: progressive")
        var fewAnswers = snapshot
        (fewAnswers.abandonedInWindow, fewAnswers.answeredInWindow) = (0, 20)
        #expect(pacer.targetCallsRinging(fewAnswers) == 4, "one abandon among 21 answers would pass the cap")
        var enoughAnswers = snapshot
        (enoughAnswers.abandonedInWindow, enoughAnswers.answeredInWindow) = (0, 40)
        #expect(pacer.targetCallsRinging(enoughAnswers) > 4, "one abandon among 41 answers stays under 3 %: over-dials")
        let few = PacingSnapshot(now: Self.monday, loggedInAgents: 3, readyAgents: 2, callsRinging: 0, callsWaiting: 0, callsInFlight: 1)
        #expect(pacer.targetCallsRinging(few) == 2, "too few agents: progressive")
    }

    /// Under a high cap (a house profile's 20 %) a gain steered up by answers that all found an
    /// agent would accept every call; the pacer still places none more likely abandoned than
    /// connected, so the calls in the air when the near-cap check stops dialing cannot carry the
    /// rate far past the cap (a 100-agent day reached 50 % abandoned under a 20 % cap before).
    @Test func aHighCapDoesNotFloodTheAgents() {
        var pacer = ModelPacer(settings: ModelPacer.Settings(cap: 0.2, connectLimit: 2, ringTimeout: 25))
        Self.teach(&pacer)
        for _ in 0..<1_000 { pacer.observe(.delivered(at: Self.monday, abandoned: false)) }
        var snapshot = PacingSnapshot(
            now: Self.monday, loggedInAgents: 20, readyAgents: 4, callsRinging: 0, callsWaiting: 0, callsInFlight: 16)
        snapshot.busyAgents = (0..<16).map { .wrappingUp(seconds: Double(20 + $0)) }
        snapshot.answeredInWindow = 2_000
        snapshot.abandonedInWindow = 10
        let target = pacer.targetCallsRinging(snapshot)
        #expect(target > 8, "over-dials with room under the cap")
        // The most a decision may place is 4 a logged-in agent and 8 more: every call accepted.
        #expect(target < 4 * 20 + 8, "\(target) calls ringing for 20 agents: every call was accepted")
    }

    /// Teaches a pacer the reference scenario: 2,000 dials answered by persons 30 % of the
    /// time after 9 s, 300 talks of 150 s and wrap-ups of 30 s (log-normal).
    static func teach(_ pacer: inout ModelPacer) {
        var random = SeededRandom(seed: 9)
        for _ in 0..<2_000 {
            let answered = random.unit() < 0.3
            pacer.observe(.dialResolved(afterSeconds: answered ? random.logNormal(mean: 9, coefficientOfVariation: 0.5) : 25,
                                        needsAgent: answered))
        }
        for _ in 0..<300 {
            pacer.observe(.talkEnded(seconds: random.logNormal(mean: 150, coefficientOfVariation: 1)))
            pacer.observe(.wrapEnded(seconds: random.logNormal(mean: 30, coefficientOfVariation: 0.5)))
        }
    }

    /// A campaign run again (a second day, as `dialerd run` from cron does) starts with a pacer
    /// taught by the store: informed before its first call, it over-dials from its first second,
    /// and the cap holds over both runs (persons abandoned, as the network saw them, over persons
    /// answering). A campaign with no history is informed by priors (PacingPriorsTests).
    @Test func aSecondRunPacesFromTheCampaignsHistory() throws {
        let agents = 12
        let spec = Self.spec(agents: agents, hours: 3, days: 2)
        let fixture = try EngineFixture(spec: spec, contacts: agents * 150, start: Self.monday)
        func runner(at start: Date) throws -> (CampaignRunner, SimulatedNetwork) {
            let clock = VirtualClock(start: start)
            let network = SimulatedNetwork(
                clock: clock, parameters: .reference(seed: 21), agents: CampaignRunner.agentIDs(of: spec), timeZone: fixture.zone)
            let doNotCall = try DoNotCallRegistry(spec: spec, store: fixture.store, cacheDirectory: nil)
            let runner = CampaignRunner(campaign: fixture.campaign, spec: spec, timeZone: fixture.zone, store: fixture.store,
                                        doNotCall: doNotCall, driver: network, clock: clock)
            return (runner, network)
        }
        let (fresh, _) = try runner(at: Self.monday)
        try fresh.learnFromHistory()
        #expect((fresh.pacer as? ModelPacer)?.isInformed == true, "no history anywhere: the default priors")

        let first = try fixture.run(parameters: .reference(seed: 20), until: Self.monday.addingTimeInterval(86_400))
        let tuesday = Self.monday.addingTimeInterval(86_400)
        let (second, network) = try runner(at: tuesday)
        try second.learnFromHistory()
        #expect((second.pacer as? ModelPacer)?.isInformed == true, "informed before its first call")

        try second.run(until: tuesday.addingTimeInterval(86_400))
        let opening = tuesday.addingTimeInterval(8 * 3_600)
        let firstSecond = try fixture.attempts().filter { $0.placedAt >= opening && $0.placedAt < opening + 1 }.count
        #expect(firstSecond > agents, "\(firstSecond) calls in the first second for \(agents) agents")
        // One 30-day window: persons abandoned (none hung up on by AMD here) over persons answering, on both days.
        let abandoned = first.personsAbandoned + network.tally.personsAbandoned
        let answered = first.personsAnswered + network.tally.personsAnswered
        #expect(Double(abandoned) <= 0.03 * Double(answered), "\(abandoned) of \(answered)")
    }

    /// The reactive baseline raises its level while agents wait and holds it at 1 once the day's drops pass the cap.
    @Test func theReactiveLevelRisesWithIdleAgentsAndDropsOverTheCap() {
        var pacer = ReactivePacer(cap: 0.03, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
        var now = Self.monday.addingTimeInterval(9 * 3600)
        func idle(_ time: Date) -> PacingSnapshot {
            PacingSnapshot(now: time, loggedInAgents: 10, readyAgents: 5, callsRinging: 0, callsWaiting: 0, callsInFlight: 5)
        }
        for _ in 0..<8 {
            _ = pacer.targetCallsRinging(idle(now))
            now += 15
        }
        #expect(pacer.level == 3, "idle agents push the level to its ceiling")
        #expect(pacer.targetCallsRinging(idle(now)) == 25, "3 × 10 agents in progress, 5 of them talking")
        for index in 0..<60 { pacer.observe(.delivered(at: now, abandoned: index % 10 == 0)) }
        now += 61
        _ = pacer.targetCallsRinging(idle(now))
        #expect(pacer.level == 1)
    }
}
