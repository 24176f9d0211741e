import CampaignDSL
import Foundation

/// The simulation's agents at their desks: after each wrap-up they choose a disposition, fill in the
/// survey and, for a callback disposition, a callback time; on agentless calls callees press keys.
/// Draws follow ``SimulatedAgentBehaviour`` and are seeded by (seed, call), so runs repeat exactly.
final class SimulatedAgentDesk: AgentDesk {
    private let spec: CampaignSpec
    private let behaviour: SimulatedAgentBehaviour
    private let seed: UInt64
    private let questions: [Question]
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
            outcome.answers = answers(to: questions, &random)
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
        for (id, answer) in answers(to: survey.questions, &random) where random.unit() < behaviour.keypadAnswerShare {
            if let question = survey.question(id), let key = question.key(for: answer) { keys[id] = key }
        }
        return keys
    }

    /// Answers in the survey's order, each question asked only when its condition holds.
    private func answers(to questions: [Question], _ random: inout SeededRandom) -> [String: String] {
        var answers: [String: String] = [:]
        for question in questions {
            if let condition = question.condition, !condition.answers.contains(answers[condition.question] ?? "") { continue }
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
