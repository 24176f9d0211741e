extension SpecBuilder {
    static let questionKinds = ["choice", "scale", "yes/no", "number", "text"]

    /// `survey NAME { ask ID "prompt" KIND … [when Q = A, B] [optional] }`.
    func readSurvey(_ node: Node) -> Survey? {
        var reader = node.reader(diagnostics)
        guard let name = reader.word("a survey name", hint: "e.g. `survey renewal {`") else { return nil }
        reader.expectEnd()
        checkName(name, in: node, what: "survey")
        if surveys.contains(where: { $0.name == name.text }) {
            diagnostics.error("duplicate", "survey '\(name.text)' is defined twice", at: node.range(of: name))
            return nil
        }
        var questions: [Question] = []
        visit(node.children, KeywordTable(context: "'survey'", keywords: ["ask"], repeatable: ["ask"])) { child in
            guard let question = readQuestion(child, earlier: questions) else { return }
            questions.append(question)
        }
        if questions.isEmpty, node.children.isEmpty {
            diagnostics.error("missing-required", "survey '\(name.text)' asks nothing", at: node.range(of: name),
                              hint: "add `ask ID \"question\" yes/no`")
        }
        return Survey(name: name.text, questions: questions)
    }

    private func readQuestion(_ node: Node, earlier: [Question]) -> Question? {
        var reader = node.reader(diagnostics)
        guard let id = reader.word("a question id", hint: "e.g. `ask renew \"Will you renew?\" yes/no`") else { return nil }
        checkName(id, in: node, what: "question")
        if earlier.contains(where: { $0.id == id.text }) {
            diagnostics.error("duplicate", "question '\(id.text)' is asked twice", at: node.range(of: id))
            return nil
        }
        guard let prompt = reader.string("the question in quotes"),
              let kindWord = reader.word("an answer kind", hint: "kinds: " + Self.questionKinds.joined(separator: ", ")),
              let kind = readQuestionKind(kindWord, &reader, in: node)
        else { return nil }
        var question = Question(id: id.text, prompt: prompt.text, kind: kind)
        var progress = LoopProgress()
        while let word = reader.peek, progress.advanced(to: word.start) {
            if reader.accept("optional") {
                question.required = false
            } else if reader.accept("required") {
                question.required = true
            } else if reader.accept("when") {
                question.condition = readCondition(&reader, in: node, questions: earlier)
            } else {
                reader.expectEnd()
            }
        }
        return question
    }

    private func readQuestionKind(_ word: Argument, _ reader: inout ArgumentReader, in node: Node) -> Question.Kind? {
        switch word.text {
        case "yes/no": return .yesNo
        case "text": return .text
        case "choice":
            let options = reader.list { reader in reader.word("an option", hint: "e.g. `choice basic, plus, premium`")?.text }
            if Set(options).count != options.count {
                diagnostics.error("duplicate", "a choice lists the same option twice", at: node.range(of: word))
            }
            return options.isEmpty ? nil : .choice(options)
        case "scale":
            guard let bounds = readBounds(&reader, in: node, required: true) else { return nil }
            return .scale(low: bounds.0, high: bounds.1)
        case "number":
            let bounds = reader.peek?.text.first?.isNumber ?? false ? readBounds(&reader, in: node, required: false) : nil
            return .number(low: bounds?.0, high: bounds?.1)
        default:
            diagnostics.error("unknown-value", "unknown answer kind '\(word.text)'", at: node.range(of: word),
                              hint: Suggestion.hint(for: word.text, in: Self.questionKinds)
                                ?? "kinds: " + Self.questionKinds.joined(separator: ", "))
            return nil
        }
    }

    /// `1-5`: whole numbers, low below high.
    private func readBounds(_ reader: inout ArgumentReader, in node: Node, required: Bool) -> (Int, Int)? {
        guard let word = reader.word("a range of numbers", hint: "e.g. `1-5`") else { return nil }
        let parts = word.text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = ValueSyntax.integer(String(parts[0])),
              let high = ValueSyntax.integer(String(parts[1])), low < high
        else {
            diagnostics.error("invalid-range", "'\(word.text)' is not a range of whole numbers, low to high",
                              at: node.range(of: word), hint: "e.g. `1-5`")
            return nil
        }
        return (low, high)
    }

    /// `Q = A[, B]…`: Q one of `questions` (the earlier ones of its survey, after
    /// `when`; any survey's, in SMS triggers), each answer possible for it.
    func readCondition(_ reader: inout ArgumentReader, in node: Node, questions: [Question],
                       inSurvey: Bool = true) -> Condition? {
        guard let id = reader.word("a question id", hint: "e.g. `when renew = no`") else { return nil }
        guard reader.acceptEquals() else {
            reader.report(expected: "`=`", hint: "e.g. `when \(id.text) = no`")
            return nil
        }
        let answers = reader.list { reader -> Argument? in reader.word("an answer", hint: "e.g. `no`") }
        guard let question = questions.first(where: { $0.id == id.text }) else {
            diagnostics.error("unknown-question",
                              inSurvey ? "no question '\(id.text)' is asked before this" : "no survey asks '\(id.text)'",
                              at: node.range(of: id), notes: inSurvey ? ["a condition can name only an earlier question"] : [],
                              hint: Suggestion.hint(for: id.text, in: questions.map(\.id)))
            return nil
        }
        var possible = true
        for answer in answers where !question.accepts(answer.text) {
            possible = false
            diagnostics.error("impossible-answer", "question '\(id.text)' cannot be answered '\(answer.text)'",
                              at: node.range(of: answer), hint: Self.describeAnswers(of: question))
        }
        guard possible, !answers.isEmpty else { return nil }
        return Condition(question: id.text, answers: answers.map(\.text))
    }

    static func describeAnswers(of question: Question) -> String {
        switch question.kind {
        case .choice(let options): "its answers are: " + options.joined(separator: ", ")
        case .yesNo: "its answers are: yes, no"
        case .scale(let low, let high): "its answers are \(low) to \(high)"
        case .number(let low, let high): "its answers are whole numbers" + (low.map { " from \($0) to \(high ?? $0)" } ?? "")
        case .text: "a text answer cannot be compared; ask a choice question instead"
        }
    }
}
