extension SpecBuilder {
    static let dialKeywords = KeywordTable(context: "'dial'", keywords: ["agents", "ring"])

    /// `dial MODE { agents N  ring 25s }`.
    func readDial(_ node: Node) -> DialPlan? {
        var reader = node.reader(diagnostics)
        guard let modeWord = reader.word("a dialing mode", hint: "modes: " + Self.modeList) else { return nil }
        reader.expectEnd()
        guard let mode = DialMode(rawValue: modeWord.text) else {
            diagnostics.error("unknown-value", "unknown dialing mode '\(modeWord.text)'", at: node.range(of: modeWord),
                              hint: Suggestion.hint(for: modeWord.text, in: DialMode.allCases.map(\.rawValue))
                                ?? "modes: " + Self.modeList)
            return nil
        }
        var agents: Int?
        var ring = DialPlan.defaultRingSeconds
        let seen = visit(node.children, Self.dialKeywords) { child in
            switch child.keyword {
            case "agents": agents = readCount(child, minimum: 1, what: "agents")
            default: ring = readDuration(child, minimum: 1) ?? ring
            }
        }
        if mode != .agentless, !seen.contains("agents") {
            diagnostics.error("missing-required", "'dial \(mode.rawValue)' needs agents", at: node.range(of: modeWord),
                              hint: "add `agents 5` inside the block")
        }
        return DialPlan(mode: mode, agents: agents ?? 0, ringSeconds: ring)
    }

    static let modeList = DialMode.allCases.map(\.rawValue).joined(separator: ", ")

    /// `KEYWORD N`, a whole number of at least `minimum`.
    func readCount(_ node: Node, minimum: Int, what: String) -> Int? {
        var reader = node.reader(diagnostics)
        guard let word = reader.word("a number") else { return nil }
        reader.expectEnd()
        return checkCount(word, in: node, minimum: minimum, what: what)
    }

    func checkCount(_ word: Argument, in node: Node, minimum: Int, what: String) -> Int? {
        guard let value = ValueSyntax.integer(word.text) else {
            diagnostics.error("invalid-number", "'\(word.text)' is not a whole number", at: node.range(of: word))
            return nil
        }
        guard value >= minimum else {
            diagnostics.error("out-of-range", "\(what) must be at least \(minimum)", at: node.range(of: word))
            return nil
        }
        return value
    }

    /// `KEYWORD 25s`, in seconds.
    func readDuration(_ node: Node, minimum: Int) -> Int? {
        var reader = node.reader(diagnostics)
        guard let word = reader.word("a duration", hint: "e.g. `25s`") else { return nil }
        reader.expectEnd()
        return checkDuration(word, in: node, minimum: minimum)
    }

    func checkDuration(_ word: Argument, in node: Node, minimum: Int) -> Int? {
        switch ValueSyntax.duration(word.text) {
        case .success(let seconds) where seconds >= minimum: return seconds
        case .success:
            diagnostics.error("out-of-range", "'\(word.text)' is too short: at least \(minimum)s",
                              at: node.range(of: word))
            return nil
        case .failure(let error):
            report(error, at: node.range(of: word))
            return nil
        }
    }
}
