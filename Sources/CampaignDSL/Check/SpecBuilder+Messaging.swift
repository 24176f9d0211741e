extension SpecBuilder {
    static let smsKeywords = KeywordTable(context: "'sms'", keywords: ["sender", "on", "before"], repeatable: ["on", "before"])

    /// `sms { sender "ACME"  on no-answer final "…"  on disposition callback "…"  on answer renew = yes "…"  before callback 1h "…" }`.
    func readSMS(_ node: Node) -> SMSPlan {
        var plan = SMSPlan(messages: [])
        var firstUse: [(name: String, at: SourceRange)] = []
        visit(node.children, Self.smsKeywords) { child in
            let message: SMSMessage?
            switch child.keyword {
            case "sender":
                plan.sender = readSender(child)
                return
            case "before": message = readReminder(child)
            default: message = readTriggered(child)
            }
            guard let message else { return }
            plan.messages.append(message)
            for name in SMSMessage.placeholders(in: message.template) ?? [] where !firstUse.contains(where: { $0.name == name }) {
                firstUse.append((name, child.keywordRange))
            }
        }
        warnAboutEmptyColumns(firstUse)
        return plan
    }

    /// Warns, once per list and placeholder, when the column a placeholder reads is empty in some rows:
    /// those contacts' texts leave it out (and a text left with nothing is skipped, never sent).
    private func warnAboutEmptyColumns(_ placeholders: [(name: String, at: SourceRange)]) {
        for list in listPlaceholderColumns {
            let used = placeholders.compactMap { placeholder in list.columns[placeholder.name].map { (placeholder, $0) } }
            guard !used.isEmpty,
                  let cells = try? environment.emptyCells(list.list, columns: used.map(\.1))
            else { continue }
            for (placeholder, column) in used {
                guard let empty = cells.empty[column], empty > 0 else { continue }
                diagnostics.warning(
                    "empty-placeholder",
                    "{\(placeholder.name)} is empty in \(empty) of \(cells.rows) rows of '\(list.written)' (column '\(column)')",
                    at: placeholder.at,
                    notes: ["those contacts' texts leave it out; a text left with no letter or digit is skipped, never sent"],
                    hint: "fill the column, or word the message so it reads well without it")
            }
        }
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

    /// The placeholders every message may use besides the lists' fields: the call's, and each survey
    /// question's answer by its id (docs/messaging.md).
    private var callPlaceholders: Set<String> {
        Set(["agent", "outcome", "disposition"] + surveys.flatMap(\.questions).map(\.id))
    }

    /// The message text: placeholders must be fields of every list, the call's or survey answers.
    private func readTemplate(_ reader: inout ArgumentReader, in node: Node) -> String? {
        guard let text = reader.string("the message text in quotes") else { return nil }
        reader.expectEnd()
        guard let names = SMSMessage.placeholders(in: text.text) else {
            diagnostics.error("invalid-template", "the braces in this message do not pair up", at: node.range(of: text),
                              hint: "write placeholders as `{field}`")
            return nil
        }
        var valid = true
        let call = callPlaceholders
        for name in names where !call.contains(name) {
            for list in listFields where !list.fields.contains(name) {
                valid = false
                diagnostics.error("unknown-placeholder", "'{\(name)}' is not a field of list '\(list.path)'",
                                  at: node.range(of: text),
                                  notes: ["fields: " + list.fields.sorted().joined(separator: ", "),
                                          "and the call's: " + call.sorted().map { "{\($0)}" }.joined(separator: ", ")],
                                  hint: Suggestion.hint(for: name, in: list.fields.union(call))
                                    ?? "define it in the list: `field \(name) column \"…\"`")
            }
        }
        return valid ? text.text : nil
    }
}
