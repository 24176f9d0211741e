import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Simulated agents: dispositions and survey answers agree")
struct SimulatedAgentConsistencyTests {
    /// The renewal campaign's dispositions, survey and texts, as in docs/campaign-language.md.
    static func spec() -> CampaignSpec {
        var spec = EngineFixture.spec()
        spec.dispositions = [
            Disposition(id: "renewed", label: "Renewed", flags: [.success, .final]),
            Disposition(id: "callback", label: "Call back later", flags: [.callback]),
            Disposition(id: "refused", label: "Will not renew", flags: [.final]),
            Disposition(id: "remove", label: "Never call again", flags: [.doNotCall, .final]),
            Disposition(id: "chat", label: "Just chatted"),
        ]
        spec.surveys = [Survey(name: "renewal", questions: [
            Question(id: "satisfied", prompt: "How satisfied?", kind: .scale(low: 1, high: 5)),
            Question(id: "renew", prompt: "Will you renew?", kind: .yesNo),
            Question(id: "why", prompt: "Why not?", kind: .text, required: false,
                     condition: Condition(question: "renew", answers: ["no"])),
            Question(id: "plan", prompt: "Which plan?", kind: .choice(["basic", "plus"]),
                     condition: Condition(question: "renew", answers: ["yes"])),
            Question(id: "newsletter", prompt: "Newsletter?", kind: .yesNo),
        ])]
        spec.sms = SMSPlan(messages: [
            SMSMessage(trigger: .answer(question: "renew", answers: ["yes"]), template: "Thank you for renewing!"),
        ])
        return spec
    }

    @Test("no 'will not renew' with renew = yes, no renewal answers after a callback, thanks only after a renewal")
    func dispositionsAndAnswersAgree() throws {
        let spec = Self.spec()
        let desk = try SimulatedAgentDesk(spec: spec, behaviour: SimulatedAgentBehaviour(), seed: 19)
        let planner = try FollowUpPlanner(campaign: 1, spec: spec, configuration: .offline(outboxPath: "unused"))
        let contact = ContactFacts(id: 1, number: "+84912345678", timeZone: nil, name: nil, fields: [:])
        var seen: [String: Int] = [:]
        var newsletterAnswers: Set<String> = []
        let ended = Date(timeIntervalSince1970: 1_772_420_400)
        for call in Int64(1)...2_000 {
            let outcome = try #require(desk.outcome(of: call, agent: "an", endedAt: ended))
            let disposition = try #require(outcome.disposition)
            seen[disposition, default: 0] += 1
            let renew = outcome.answers["renew"]
            switch disposition {
            case "renewed": #expect(renew == "yes")
            case "refused": #expect(renew == "no")
            case "callback", "chat":
                #expect(renew == nil, "\(disposition) with renew = \(renew ?? "")")
                #expect(outcome.answers["plan"] == nil && outcome.answers["why"] == nil)
            default: #expect(outcome.answers.isEmpty)
            }
            if let newsletter = outcome.answers["newsletter"] { newsletterAnswers.insert(newsletter) }
            let texts = planner.onAttemptEnded(AttemptFacts(
                call: call, contact: contact, number: contact.number, outcome: .answered, placedAt: ended, endedAt: ended,
                agent: "an", disposition: disposition, answers: outcome.answers, callbackAt: outcome.callback?.at))
            #expect(texts.isEmpty == (disposition != "renewed"), "\(disposition): \(texts.map(\.body))")
        }
        #expect(seen.keys.sorted() == ["callback", "chat", "refused", "remove", "renewed"])
        // A question nothing depends on is still drawn freely.
        #expect(newsletterAnswers == ["no", "yes"])
    }
}
