extension SpecBuilder {
    static let smsKeywords = KeywordTable(context: "'sms'", keywords: ["sender", "on", "before"], repeatable: ["on", "before"])

    /// `sms { sender "ACME"  on no-answer final "…"  on disposition callback "…"  on answer renew = yes "…"  before callback 1h "…" }`.
    func readSMS(_ node: Node) -> SMSPlan {
        var plan = SMSPlan(messages: [])
        visit(node.children, Self.smsKeywords) { child in
            switch child.keyword {
            case "sender": plan.sender = readSender(child)
            case "before": if let message = readReminder(child) { plan.messages.append(message) }
            default: if let message = readTriggered(child) { plan.messages.append(message) }
            }
        }
        return plan
    }

    private func readSender(_ node: Node) -> String? {
        guard let sender = readString(node, what: "a sender name in quotes") else { return nil }
        if sender.count > 11 || !sender.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " ") }) {
            diagnostics.warning("long-sender", "sender '\(sender)' may be replaced by a number",
                                at: node.keywordRange,
                                notes: ["many networks allow at most 11 letters, digits and spaces as a sender name"])
        }
        return sender
    }

    /// `on OUTCOME final "…"`, `on disposition ID "…"`, `on answer Q = A "…"`.
    private func readTriggered(_ node: Node) -> SMSMessage? {
        var reader = node.reader(diagnostics)
        let outcomes = RetryOutcome.allCases.map(\.rawValue)
        guard let what = reader.word("a trigger", hint: "e.g. `on no-answer final`, `on disposition callback`, `on answer renew = yes`")
        else { return nil }
        let trigger: SMSMessage.Trigger
        switch what.text {
        case "disposition":
            guard let id = reader.word("a disposition id"),
                  checkDefined(id, in: node, among: dispositions.map(\.id), id: "unknown-disposition", what: "disposition")
            else { return nil }
            trigger = .disposition(id.text)
        case "answer":
            guard let condition = readCondition(&reader, in: node, questions: surveys.flatMap(\.questions), inSurvey: false) else { return nil }
            trigger = .answer(question: condition.question, answers: condition.answers)
        default:
            guard let outcome = RetryOutcome(rawValue: what.text) else {
                diagnostics.error("unknown-value", "unknown trigger '\(what.text)'", at: node.range(of: what),
                                  hint: Suggestion.hint(for: what.text, in: outcomes + ["disposition", "answer"])
                                    ?? "triggers: an outcome and `final`, `disposition ID`, `answer Q = A`")
                return nil
            }
            guard reader.expect("final", hint: "e.g. `on \(what.text) final \"…\"`") else { return nil }
            trigger = .finalOutcome(outcome)
        }
        return readTemplate(&reader, in: node).map { SMSMessage(trigger: trigger, template: $0) }
    }

    /// `before callback 1h "…"`.
    private func readReminder(_ node: Node) -> SMSMessage? {
        var reader = node.reader(diagnostics)
        guard reader.expect("callback", hint: "e.g. `before callback 1h \"…\"`"),
              let word = reader.word("a duration", hint: "e.g. `1h`"),
              let seconds = checkDuration(word, in: node, minimum: 60)
        else { return nil }
        if !dispositions.contains(where: { $0.flags.contains(.callback) }) {
            diagnostics.warning("no-callback-disposition", "no disposition schedules a callback, so this reminder is never sent",
                                at: node.keywordRange, hint: "flag a disposition `callback`")
        }
        return readTemplate(&reader, in: node).map { SMSMessage(trigger: .beforeCallback(seconds: seconds), template: $0) }
    }

    /// The message text: placeholders must be fields of every list.
    private func readTemplate(_ reader: inout ArgumentReader, in node: Node) -> String? {
        guard let text = reader.string("the message text in quotes") else { return nil }
        reader.expectEnd()
        guard let names = SMSMessage.placeholders(in: text.text) else {
            diagnostics.error("invalid-template", "the braces in this message do not pair up", at: node.range(of: text),
                              hint: "write placeholders as `{field}`")
            return nil
        }
        var valid = true
        for name in names {
            for list in listFields where !list.fields.contains(name) {
                valid = false
                diagnostics.error("unknown-placeholder", "'{\(name)}' is not a field of list '\(list.path)'",
                                  at: node.range(of: text),
                                  notes: ["fields: " + list.fields.sorted().joined(separator: ", ")],
                                  hint: Suggestion.hint(for: name, in: list.fields)
                                    ?? "define it in the list: `field \(name) column \"…\"`")
            }
        }
        return valid ? text.text : nil
    }
}
