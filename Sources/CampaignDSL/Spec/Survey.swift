/// A script of questions, asked by an agent or played to whoever answers.
public struct Survey: Sendable, Hashable, Codable {
    public var name: String
    public var questions: [Question]

    public init(name: String, questions: [Question]) {
        self.name = name
        self.questions = questions
    }

    /// The question with this id, if any.
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
}

/// One question of a survey.
public struct Question: Sendable, Hashable, Codable {
    /// What kind of answer a question takes.
    public enum Kind: Sendable, Hashable, Codable {
        /// One of the options; in an agentless survey, key 1 is the first option.
        case choice([String])
        /// A whole number from `low` to `high`; the key is the number.
        case scale(low: Int, high: Int)
        /// `yes` (key 1) or `no` (key 2).
        case yesNo
        /// A whole number, optionally bounded; keyed digits ending with `#`.
        case number(low: Int?, high: Int?)
        /// Free text, taken by an agent.
        case text
    }

    public var id: String
    public var prompt: String
    public var kind: Kind
    /// Whether the question must be answered (true unless written `optional`).
    public var required: Bool
    /// Ask only when an earlier question got one of these answers.
    public var condition: Condition?

    public init(id: String, prompt: String, kind: Kind, required: Bool = true, condition: Condition? = nil) {
        self.id = id
        self.prompt = prompt
        self.kind = kind
        self.required = required
        self.condition = condition
    }

    /// Whether `answer` is a possible answer to this question.
    public func accepts(_ answer: String) -> Bool {
        switch kind {
        case .choice(let options): return options.contains(answer)
        case .yesNo: return answer == "yes" || answer == "no"
        case .scale(let low, let high): return Int(answer).map { (low...high).contains($0) } ?? false
        case .number(let low, let high):
            guard let value = Int(answer) else { return false }
            return value >= (low ?? Int.min) && value <= (high ?? Int.max)
        case .text: return false
        }
    }

    /// The DTMF key for an answer in an agentless survey, if it has one.
    public func key(for answer: String) -> String? {
        switch kind {
        case .choice(let options): return options.firstIndex(of: answer).map { String($0 + 1) }
        case .yesNo: return answer == "yes" ? "1" : answer == "no" ? "2" : nil
        case .scale, .number: return accepts(answer) ? answer : nil
        case .text: return nil
        }
    }
}

/// `when renew = no`: the question is asked only after one of these answers.
public struct Condition: Sendable, Hashable, Codable {
    public var question: String
    /// Any of these answers makes the condition true.
    public var answers: [String]

    public init(question: String, answers: [String]) {
        self.question = question
        self.answers = answers
    }
}
