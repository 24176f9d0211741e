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
/// Answers are counted by question id (`read` takes them from the store's `survey_answers`).
struct SurveyTally {
    private let surveys: [Survey]
    private var counts: [String: [String: Int]] = [:]
    private var answered: [String: Int] = [:]

    init(spec: CampaignSpec) { surveys = spec.surveys }

    mutating func add(question: String, answer: String, count: Int = 1) {
        counts[question, default: [:]][answer, default: 0] += count
        answered[question, default: 0] += count
    }

    /// Adds the answers of the campaign's outcomes recorded in `[start, end)` (seconds since 1970).
    mutating func read(store: CampaignStore, campaign: Int64, from start: Double, to end: Double) throws {
        for (question, answer, count) in try store.connection.rows(
            """
            SELECT a.question, a.answer, COUNT(*) FROM survey_answers a JOIN outcomes o ON o.id = a.outcome_id
            WHERE o.campaign_id = ? AND o.recorded_at >= ? AND o.recorded_at < ? GROUP BY a.question, a.answer
            """,
            [campaign, start, end], { ($0.string(0), $0.string(1), $0.int(2)) }) {
            add(question: question, answer: answer, count: count)
        }
    }

    /// The figures, in the campaign's order of surveys and questions.
    var figures: [SurveyFigures] {
        surveys.flatMap { survey in
            survey.questions.map { question in
                let given = counts[question.id] ?? [:]
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
                                     answered: answered[question.id] ?? 0, answers: answers)
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
