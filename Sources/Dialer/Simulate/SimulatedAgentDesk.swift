import CampaignDSL
import Foundation

/// The simulation's agents at their desks: after each wrap-up they choose a disposition, fill in the
/// survey and, for a callback disposition, a callback time; on agentless calls callees press keys.
/// Draws follow ``SimulatedAgentBehaviour`` and are seeded by (seed, call), so runs repeat exactly.
///
/// A disposition and the survey answers agree: the survey's *decisions* — yes/no questions that other
/// questions' conditions or the campaign's `on answer` texts depend on (`renew`) — are answered `yes` with
/// a success disposition, `no` with a final or do-not-call one without success, and left unanswered
/// (with the questions that depend on them) when the contact has not decided: a callback, or a disposition
/// without flags. So no "will not renew" comes with `renew = yes`, and no renewal thanks follow a "call back".
final class SimulatedAgentDesk: AgentDesk {
    /// What a disposition says about the contact's decision.
    private enum Stance {
        case yes, no, undecided

        init(_ flags: Set<Disposition.Flag>) {
            if flags.contains(.success) {
                self = .yes
            } else if flags.contains(.callback) || flags.isEmpty {
                self = .undecided
            } else {
                self = .no
            }
        }
    }

    private let spec: CampaignSpec
    private let behaviour: SimulatedAgentBehaviour
    private let seed: UInt64
    private let questions: [Question]
    /// The ids of the yes/no questions that decide (see the type's comment).
    private let decisions: Set<String>
    private let weightedDispositions: [(disposition: Disposition, weight: Double)]

    /// - Throws: ``EnvironmentError`` when the behaviour names a disposition the campaign does not have.
    init(spec: CampaignSpec, behaviour: SimulatedAgentBehaviour, seed: UInt64) throws {
        for id in behaviour.dispositionShares.keys.sorted() where !spec.dispositions.contains(where: { $0.id == id }) {
            throw EnvironmentError("the simulated agents' disposition shares name '\(id)', which \(spec.id) does not define")
        }
        self.spec = spec
        self.behaviour = behaviour
        self.seed = seed
        questions = OutcomeValidator(spec: spec).questions
        var dependedOn = Set(questions.compactMap(\.condition?.question))
        for message in spec.sms?.messages ?? [] {
            if case .answer(let question, _) = message.trigger { dependedOn.insert(question) }
        }
        decisions = Set(questions.filter { $0.kind == .yesNo && dependedOn.contains($0.id) }.map(\.id))
        weightedDispositions = spec.dispositions.map { disposition in
            (disposition, behaviour.dispositionShares.isEmpty ? 1 : max(0, behaviour.dispositionShares[disposition.id] ?? 0))
        }
    }

    func outcome(of call: CallID, agent: String, endedAt: Date) -> AgentOutcome? {
        var random = SeededRandom(seed: seed, mixing: 0xA6E7, UInt64(bitPattern: call))
        guard let disposition = pick(weightedDispositions.map(\.weight), &random).map({ weightedDispositions[$0].disposition })
        else { return nil }
        var outcome = AgentOutcome(disposition: disposition.id)
        if !disposition.flags.contains(.doNotCall) {
            outcome.answers = answers(to: questions, stance: Stance(disposition.flags), &random)
        }
        if disposition.flags.contains(.callback) {
            let span = behaviour.callbackHours
            let hours = span.lowerBound + random.unit() * (span.upperBound - span.lowerBound)
            let quarter: TimeInterval = 900
            let at = (endedAt.timeIntervalSince1970 + hours * 3600) / quarter
            outcome.callback = CallbackRequest(
                at: Date(timeIntervalSince1970: at.rounded(.up) * quarter),
                agent: random.unit() < behaviour.sameAgentCallbackShare ? agent : nil)
        }
        return outcome
    }

    func keys(of call: CallID, survey: Survey) -> [String: String] {
        var random = SeededRandom(seed: seed, mixing: 0x4E7A, UInt64(bitPattern: call))
        var keys: [String: String] = [:]
        for (id, answer) in answers(to: survey.questions, stance: nil, &random) where random.unit() < behaviour.keypadAnswerShare {
            if let question = survey.question(id), let key = question.key(for: answer) { keys[id] = key }
        }
        return keys
    }

    /// Answers in the survey's order, each question asked only when its condition holds; the decisions
    /// follow `stance` when there is one (an agent's outcome, not a keypad).
    private func answers(to questions: [Question], stance: Stance?, _ random: inout SeededRandom) -> [String: String] {
        var answers: [String: String] = [:]
        for question in questions {
            if let condition = question.condition, !condition.answers.contains(answers[condition.question] ?? "") { continue }
            if let stance, decisions.contains(question.id) {
                switch stance {
                case .yes: answers[question.id] = "yes"
                case .no: answers[question.id] = "no"
                case .undecided: break
                }
                continue
            }
            if !question.required, random.unit() < behaviour.skipOptionalShare { continue }
            if let answer = answer(to: question, &random) { answers[question.id] = answer }
        }
        return answers
    }

    private func answer(to question: Question, _ random: inout SeededRandom) -> String? {
        switch question.kind {
        case .yesNo:
            return random.unit() < behaviour.yesShare ? "yes" : "no"
        case .choice(let options):
            let weights = options.indices.map { behaviour.choiceWeights[safe: $0] ?? (behaviour.choiceWeights.isEmpty ? 1 : 0) }
            return pick(weights, &random).map { options[$0] }
        case .scale(let low, let high):
            return String(number(low: low, high: high, &random))
        case .number(let low, let high):
            let low = low ?? 0
            return String(number(low: low, high: high ?? low + 10, &random))
        case .text:
            return behaviour.textAnswers.isEmpty ? nil
                : behaviour.textAnswers[Int(random.unit() * Double(behaviour.textAnswers.count))]
        }
    }

    /// A whole number in `low...high`, in the top half with the behaviour's share.
    private func number(low: Int, high: Int, _ random: inout SeededRandom) -> Int {
        guard high > low else { return low }
        let middle = low + (high - low + 1) / 2
        let (from, to) = random.unit() < behaviour.highAnswerShare ? (middle, high) : (low, max(low, middle - 1))
        return from + Int(random.unit() * Double(to - from + 1))
    }

    /// An index drawn in proportion to `weights`; nil when every weight is zero.
    private func pick(_ weights: [Double], _ random: inout SeededRandom) -> Int? {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var draw = random.unit() * total
        for (index, weight) in weights.enumerated() where weight > 0 {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.lastIndex { $0 > 0 }
    }
}
