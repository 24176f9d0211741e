import CampaignDSL
import Foundation

/// Checks an outcome against its campaign: a known disposition, answers each question can take
/// (kind, range) and may be asked (its condition), a callback only with a callback disposition.
/// Whether the callback time is inside the hours is the permit's to say (``CallbackScheduler``).
struct OutcomeValidator {
    let spec: CampaignSpec

    /// The questions an outcome can answer: the agentless survey's, else every survey's, first id wins.
    var questions: [Question] {
        let surveys = spec.dial.survey.flatMap { name in spec.surveys.first { $0.name == name } }.map { [$0] } ?? spec.surveys
        var seen: Set<String> = []
        return surveys.flatMap(\.questions).filter { seen.insert($0.id).inserted }
    }

    /// The campaign's disposition with this id.
    func disposition(_ id: String) -> Disposition? { spec.dispositions.first { $0.id == id } }

    /// What is wrong with `outcome`, one message per problem, in a stable order; empty when it is valid.
    func problems(_ outcome: AgentOutcome) -> [String] {
        var problems: [String] = []
        var chosen: Disposition?
        if let id = outcome.disposition {
            chosen = disposition(id)
            if chosen == nil {
                let known = spec.dispositions.map(\.id).joined(separator: ", ")
                problems.append("unknown disposition '\(id)' (the campaign has \(known.isEmpty ? "none" : known))")
            }
        } else if !outcome.answers.isEmpty || outcome.callback != nil {
            problems.append("a disposition is needed with answers or a callback")
        }
        let questions = self.questions
        for id in outcome.answers.keys.sorted() where !questions.contains(where: { $0.id == id }) {
            problems.append("unknown question '\(id)'")
        }
        for question in questions {
            guard let answer = outcome.answers[question.id] else { continue }
            if !Self.accepts(question, answer) {
                problems.append("'\(answer)' is not an answer to \(question.id) (\(Self.describe(question.kind)))")
            }
            if let condition = question.condition, !condition.answers.contains(outcome.answers[condition.question] ?? "") {
                problems.append("\(question.id) is asked only when \(condition.question) = \(condition.answers.joined(separator: ", "))")
            }
        }
        if let chosen, chosen.flags.contains(.callback), outcome.callback == nil {
            problems.append("disposition '\(chosen.id)' needs a callback time")
        }
        if let chosen, outcome.callback != nil, !chosen.flags.contains(.callback) {
            problems.append("a callback time needs a callback disposition, not '\(chosen.id)'")
        }
        return problems
    }

    /// Whether a question takes `answer`: free text takes any non-blank text.
    static func accepts(_ question: Question, _ answer: String) -> Bool {
        if case .text = question.kind { return !answer.trimmingCharacters(in: .whitespaces).isEmpty }
        return question.accepts(answer)
    }

    /// The answers a kind takes, for messages and call sheets.
    static func describe(_ kind: Question.Kind) -> String {
        switch kind {
        case .choice(let options): options.joined(separator: " / ")
        case .scale(let low, let high): "\(low) to \(high)"
        case .yesNo: "yes / no"
        case .number(let low?, let high?): "a whole number from \(low) to \(high)"
        case .number(let low?, nil): "a whole number from \(low)"
        case .number(nil, let high?): "a whole number up to \(high)"
        case .number(nil, nil): "a whole number"
        case .text: "text"
        }
    }
}
