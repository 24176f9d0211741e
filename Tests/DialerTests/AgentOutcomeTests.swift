import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Agents: dispositions, surveys, opt-outs")
struct AgentOutcomeTests {
    /// Records an answered call to `contact` by `agent` with this outcome, as the engine would at wrap-up's end.
    static func record(_ outcome: AgentOutcome, contact: Int64, fixture: AgentCampaign) throws -> RecordedOutcomeEffect {
        let runner = try CallbackTests.runner(fixture, clock: VirtualClock(start: AgentCampaign.monday))
        runner.followUps = try FollowUpPlanner(campaign: fixture.campaign.id, spec: fixture.campaign.spec,
                                               configuration: .offline(outboxPath: "unused"))
        return try CallbackTests.record(outcome, contact: contact, agent: "amelia", fixture: fixture,
                                        at: AgentCampaign.monday, runner: runner)
    }

    @Test func anOptOutInOneCampaignBlocksTheNumberInAnother() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        let other = AgentCampaign.source.replacingOccurrences(of: "campaign renewals", with: "campaign winback")
        try other.write(toFile: fixture.directory.file("other.campaign"), atomically: true, encoding: .utf8)
        _ = try CampaignCompilation.compile(file: fixture.directory.file("other.campaign"), databasePath: fixture.databasePath,
                                            cacheDirectory: nil, at: AgentCampaign.monday)
        let winback = try #require(try fixture.store.compiledCampaign(named: "winback"))
        let ann = try #require(try fixture.contacts().first)
        let number = try #require(try fixture.store.openContact(campaign: fixture.campaign.id, contact: ann)?.number)

        let effect = try Self.record(AgentOutcome(disposition: "remove"), contact: ann, fixture: fixture)
        #expect(effect.jobState == .dnc)
        #expect(try fixture.store.isOptedOut(number))

        let clock = VirtualClock(start: AgentCampaign.monday)
        let runner = CampaignRunner(
            campaign: winback.id, spec: winback.spec, timeZone: try #require(TimeZone(identifier: "Europe/London")),
            store: fixture.store, doNotCall: try DoNotCallRegistry(spec: winback.spec, store: fixture.store, cacheDirectory: nil),
            driver: SimulatedNetwork(clock: clock, parameters: SimulationParameters()), clock: clock)
        try runner.run(until: AgentCampaign.monday.addingTimeInterval(3 * 86_400))
        let dialed = try fixture.store.connection.rows(
            "SELECT number FROM attempts WHERE campaign_id = ?", [winback.id]) { $0.string(0) }
        #expect(!dialed.isEmpty, "the other campaign dialed its other contacts")
        #expect(!dialed.contains(number))
        let state = try fixture.store.connection.firstRow(
            "SELECT j.state FROM jobs j JOIN contacts c ON c.id = j.contact_id WHERE c.campaign_id = ? AND c.phone_e164 = ?",
            [winback.id, number]) { $0.string(0) }
        #expect(state == "dnc")
    }

    @Test func dispositionFlagsDecideTheJob() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        let ids = try fixture.contacts()
        #expect(try Self.record(AgentOutcome(disposition: "done", answers: ["rating": "5", "renew": "yes"]),
                                contact: ids[0], fixture: fixture).jobState == .completed)
        #expect(try Self.record(AgentOutcome(disposition: "refused"), contact: ids[1], fixture: fixture).jobState == .completed)
        #expect(try Self.record(AgentOutcome(disposition: "chat", optOut: true), contact: ids[2], fixture: fixture).jobState == .dnc)
        let answers = try fixture.store.latestAnswers(contact: ids[0])
        #expect(answers == ["rating": "5", "renew": "yes"])
        #expect(try fixture.store.dispositionCounts(campaign: fixture.campaign.id) == ["amelia": ["done": 1, "refused": 1, "chat": 1]])
        #expect(try fixture.store.connection.rows("SELECT trigger FROM outbox") { $0.string(0) } == ["sms:disposition:done"])
    }

    @Test func theValidatorNamesEveryProblem() throws {
        let fixture = try AgentCampaign(rows: AgentCampaign.londonRows)
        let validator = OutcomeValidator(spec: fixture.campaign.spec)
        #expect(validator.problems(AgentOutcome(disposition: "done", answers: ["rating": "3", "renew": "no", "why": "price"])).isEmpty)
        #expect(validator.problems(AgentOutcome(disposition: "callback")) == ["disposition 'callback' needs a callback time"])
        #expect(validator.problems(AgentOutcome(disposition: "done", callback: CallbackRequest(at: AgentCampaign.monday)))
            == ["a callback time needs a callback disposition, not 'done'"])
        #expect(validator.problems(AgentOutcome(disposition: "done", answers: ["colour": "red", "renew": "maybe"])) == [
            "unknown question 'colour'", "'maybe' is not an answer to renew (yes / no)",
        ])
        #expect(validator.problems(AgentOutcome(answers: ["rating": "2"])) == ["a disposition is needed with answers or a callback"])
    }

    @Test func keysReadBackAsTheAnswersTheyStandFor() {
        let questions = [
            Question(id: "pick", prompt: "", kind: .choice(["red", "green", "blue"])),
            Question(id: "ok", prompt: "", kind: .yesNo),
            Question(id: "score", prompt: "", kind: .scale(low: 0, high: 10)),
            Question(id: "count", prompt: "", kind: .number(low: 1, high: 500)),
        ]
        var random = SeededRandom(seed: 0x4E7)
        for _ in 0..<400 {
            let question = questions[Int(random.next() % UInt64(questions.count))]
            let answer: String
            switch question.kind {
            case .choice(let options): answer = options[Int(random.next() % UInt64(options.count))]
            case .yesNo: answer = random.next() % 2 == 0 ? "yes" : "no"
            case .scale: answer = String(random.next() % 11)
            default: answer = String(1 + random.next() % 500)
            }
            #expect(question.key(for: answer).flatMap { SurveyKeypad.answer(forKey: $0, question: question) } == answer)
        }
        #expect(SurveyKeypad.answer(forKey: "4", question: questions[0]) == nil)
        #expect(SurveyKeypad.answer(forKey: "12#", question: questions[3]) == "12")
        #expect(SurveyKeypad.answer(forKey: "*", question: questions[1]) == nil)
        let survey = Survey(name: "s", questions: [
            Question(id: "ok", prompt: "", kind: .yesNo),
            Question(id: "pick", prompt: "", kind: .choice(["red", "green"]), condition: Condition(question: "ok", answers: ["no"])),
        ])
        #expect(SurveyKeypad.answers(keys: ["ok": "1", "pick": "2"], survey: survey) == ["ok": "yes"])
        #expect(SurveyKeypad.answers(keys: ["ok": "2", "pick": "2"], survey: survey) == ["ok": "no", "pick": "green"])
    }

    /// Forty London mobiles with owners in turn.
    static var manyRows: [(String, String, String, String)] {
        (0..<40).map { ("Person \($0)", "0798398\(String(1000 + $0))", $0 % 2 == 0 ? "amelia" : "george", "Europe/London") }
    }

    @Test func simulatedAgentsRecordValidOutcomesForEveryConnectedCall() throws {
        let fixture = try AgentCampaign(rows: Self.manyRows)
        let source = AgentCampaign.source.replacingOccurrences(of: "campaign renewals", with: "campaign simulated")
        try source.write(toFile: fixture.directory.file("sim.campaign"), atomically: true, encoding: .utf8)
        let result = try Simulator.run(SimulationRequest(
            campaignPath: fixture.directory.file("sim.campaign"), outputDirectory: fixture.directory.file("out"),
            start: LocalDate(year: 2026, month: 3, day: 9)))
        let store = try CampaignStore(path: result.databasePath, now: AgentCampaign.monday)
        let spec = try #require(try store.compiledCampaign(named: "simulated")).spec
        let connected = try store.connection.firstRow(
            "SELECT COUNT(*) FROM attempts WHERE outcome = 'answered' AND agent IS NOT NULL") { $0.int(0) } ?? 0
        #expect(connected > 0)
        let outcomes = try store.connection.rows("SELECT id, disposition, callback_at FROM outcomes WHERE source = 'agent'") {
            ($0.int64(0), $0.string(1), $0.optionalDouble(2))
        }
        #expect(outcomes.count == connected)
        let validator = OutcomeValidator(spec: spec)
        for (id, disposition, callbackAt) in outcomes {
            var answers: [String: String] = [:]
            for (question, answer) in try store.connection.rows(
                "SELECT question, answer FROM survey_answers WHERE outcome_id = ?", [id], { ($0.string(0), $0.string(1)) }) {
                answers[question] = answer
            }
            let outcome = AgentOutcome(disposition: disposition, answers: answers,
                                       callback: callbackAt.map { CallbackRequest(at: Date(timeIntervalSince1970: $0)) })
            #expect(validator.problems(outcome) == [])
        }
        // Assigned preview: every call of a contact without a callback was taken by the agent it was assigned to.
        let strangers = try store.connection.firstRow(
            """
            SELECT COUNT(*) FROM attempts a JOIN jobs j ON j.id = a.job_id JOIN assignments s ON s.contact_id = j.contact_id
            WHERE a.agent <> s.agent AND j.callback_at IS NULL
            """) { $0.int(0) }
        #expect(strangers == 0)
        let report = try AgentReport.read(campaign: "simulated", databasePath: result.databasePath, at: AgentCampaign.monday)
        #expect(report.lines.map(\.agent) == ["amelia", "george"])
        #expect(report.lines.map(\.calls).reduce(0, +) == connected)
        #expect(report.lines.map { $0.dispositions.values.reduce(0, +) }.reduce(0, +) == outcomes.count)
        #expect(report.lines.allSatisfy { ($0.occupancy ?? 0) > 0 && ($0.occupancy ?? 1) < 1 })
        let done = outcomes.count { $0.1 == "done" }
        let texts = try store.connection.firstRow("SELECT COUNT(*) FROM outbox WHERE trigger = 'sms:disposition:done'") { $0.int(0) }
        #expect(texts == done)
    }

    @Test func scenarioKeysSetTheSimulatedAgents() throws {
        var parameters = SimulationParameters()
        try SimulationScenario.apply("""
            agent-dispositions  done=1, remove=0
            agent-callback-hours 1-3
            keypad-answers 50%
            """, to: &parameters)
        #expect(parameters.agentBehaviour.dispositionShares == ["done": 1, "remove": 0])
        #expect(parameters.agentBehaviour.callbackHours == 1...3)
        #expect(parameters.agentBehaviour.keypadAnswerShare == 0.5)
        #expect(throws: ScenarioError.self) { try SimulationScenario.apply("agent-callback-hours 5-2", to: &parameters) }
        #expect(throws: ScenarioError.self) { try SimulationScenario.apply("agent-dispositions done", to: &parameters) }

        let fixture = try AgentCampaign(rows: Self.manyRows)
        let result = try Simulator.run(SimulationRequest(
            campaignPath: fixture.directory.file("c.campaign"), outputDirectory: fixture.directory.file("out"),
            start: LocalDate(year: 2026, month: 3, day: 9), parameters: parameters))
        let store = try CampaignStore(path: result.databasePath, now: AgentCampaign.monday)
        let chosen = try store.connection.rows("SELECT DISTINCT disposition FROM outcomes") { $0.string(0) }
        #expect(chosen == ["done"])
    }

    @Test func anAgentlessSurveyTakesAnswersByKeypad() throws {
        let source = """
            campaign poll {
              timezone Europe/London
              list "list.csv" {
                phone    column "Phone"
                name     column "Name"
                timezone column "TZ"
                country  GB
              }
              hours { mon-fri 09:00-20:00 }
              dial agentless {
                lines  4
                survey s
              }
              survey s {
                ask happy "Happy?" yes/no
                ask score "Score?" scale 1-9 when happy = yes
              }
            }
            """
        let fixture = try AgentCampaign(name: "poll", rows: Self.manyRows, source: source)
        let clock = VirtualClock(start: AgentCampaign.monday)
        let runner = try CallbackTests.runner(fixture, clock: clock)
        runner.agentDesk = try SimulatedAgentDesk(spec: fixture.campaign.spec, behaviour: SimulatedAgentBehaviour(), seed: 5)
        try runner.run(until: AgentCampaign.monday.addingTimeInterval(86_400))
        let answers = try fixture.store.connection.rows(
            "SELECT s.question, s.answer FROM survey_answers s JOIN outcomes o ON o.id = s.outcome_id WHERE o.source = 'keypad'"
        ) { ($0.string(0), $0.string(1)) }
        #expect(!answers.isEmpty)
        let survey = try #require(fixture.campaign.spec.surveys.first)
        for (question, answer) in answers {
            #expect(try #require(survey.question(question)).accepts(answer))
        }
    }
}
