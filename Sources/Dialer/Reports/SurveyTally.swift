import CampaignDSL

/// How often each answer was given to one survey question.
public struct SurveyFigures: Sendable, Hashable, Codable {
    /// One answer and how many gave it.
    public struct AnswerCount: Sendable, Hashable, Codable {
        public var answer: String
        public var count: Int
    }

    public var survey: String
    public var question: String
    public var prompt: String
    /// `choice`, `scale`, `yes-no`, `number` or `text`.
    public var kind: String
    /// Contacts who answered the question.
    public var answered: Int
    /// Every possible answer in its natural order (options, scale steps, yes/no), then any
    /// other answer given; free-text answers are counted in `answered` only.
    public var answers: [AnswerCount]
}

/// Counts survey answers against the campaign's questions.
///
/// The extension point for survey aggregates: whoever records answers feeds them with
/// `add(survey:question:answer:)` (in `CampaignReports.summary`); until the store keeps
/// answers, every question is reported with none.
struct SurveyTally {
    private let surveys: [Survey]
    private var counts: [String: [String: [String: Int]]] = [:]
    private var answered: [String: [String: Int]] = [:]

    init(spec: CampaignSpec) { surveys = spec.surveys }

    mutating func add(survey: String, question: String, answer: String) {
        counts[survey, default: [:]][question, default: [:]][answer, default: 0] += 1
        answered[survey, default: [:]][question, default: 0] += 1
    }

    /// The figures, in the campaign's order of surveys and questions.
    var figures: [SurveyFigures] {
        surveys.flatMap { survey in
            survey.questions.map { question in
                let given = counts[survey.name]?[question.id] ?? [:]
                let (kind, natural) = Self.describe(question.kind)
                var answers = natural.map { SurveyFigures.AnswerCount(answer: $0, count: given[$0] ?? 0) }
                if question.kind != .text {
                    let others = given.keys.filter { !natural.contains($0) }.sorted { a, b in
                        switch (Int(a), Int(b)) {
                        case let (x?, y?): x < y
                        default: a < b
                        }
                    }
                    answers += others.map { SurveyFigures.AnswerCount(answer: $0, count: given[$0] ?? 0) }
                }
                return SurveyFigures(survey: survey.name, question: question.id, prompt: question.prompt, kind: kind,
                                     answered: answered[survey.name]?[question.id] ?? 0, answers: answers)
            }
        }
    }

    private static func describe(_ kind: Question.Kind) -> (String, [String]) {
        switch kind {
        case .choice(let options): ("choice", options)
        case .scale(let low, let high): ("scale", low <= high && high - low <= 100 ? (low...high).map(String.init) : [])
        case .yesNo: ("yes-no", ["yes", "no"])
        case .number: ("number", [])
        case .text: ("text", [])
        }
    }
}
