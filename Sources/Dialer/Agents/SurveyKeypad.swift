import CampaignDSL

/// Reads the keys pressed on an agentless survey call as answers: the inverse of `Question.key(for:)`.
enum SurveyKeypad {
    /// The answer that `key` stands for on `question`, or nil when the key means nothing there.
    static func answer(forKey key: String, question: Question) -> String? {
        let digits = key.hasSuffix("#") ? String(key.dropLast()) : key
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch question.kind {
        case .choice(let options):
            guard let index = Int(digits), options.indices.contains(index - 1) else { return nil }
            return options[index - 1]
        case .yesNo:
            return digits == "1" ? "yes" : digits == "2" ? "no" : nil
        case .scale, .number:
            guard let value = Int(digits) else { return nil }
            return question.accepts(String(value)) ? String(value) : nil
        case .text:
            return nil
        }
    }

    /// The answers of a keyed survey: keys by question id, read in the survey's order; a key for a
    /// question whose condition is not met, or that means nothing, is dropped.
    static func answers(keys: [String: String], survey: Survey) -> [String: String] {
        var answers: [String: String] = [:]
        for question in survey.questions {
            if let condition = question.condition, !condition.answers.contains(answers[condition.question] ?? "") {
                continue
            }
            if let key = keys[question.id], let answer = answer(forKey: key, question: question) {
                answers[question.id] = answer
            }
        }
        return answers
    }
}
