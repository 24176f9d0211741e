extension SpecBuilder {
    static let retryKeywords = KeywordTable(context: "'retry'", keywords: RetryOutcome.allCases.map(\.rawValue))

    /// `retry { no-answer 3 times, wait 2h, then 1d }`.
    func readRetry(_ node: Node) -> RetryPolicy {
        var rules: [RetryOutcome: RetryRule] = [:]
        visit(node.children, Self.retryKeywords) { child in
            guard let outcome = RetryOutcome(rawValue: child.keyword), let rule = readRule(child) else { return }
            rules[outcome] = rule
        }
        return RetryPolicy(rules: rules)
    }

    /// `N times[, wait D[, then D]…]`.
    private func readRule(_ node: Node) -> RetryRule? {
        var reader = node.reader(diagnostics)
        guard let countWord = reader.word("how many times", hint: "e.g. `\(node.keyword) 3 times, wait 2h`"),
              let times = checkCount(countWord, in: node, minimum: 1, what: "times")
        else { return nil }
        guard reader.accept("times") || reader.accept("time") else {
            reader.report(expected: "`times`", hint: "e.g. `\(node.keyword) \(times) times, wait 2h`")
            return nil
        }
        var waits: [Int] = []
        let writesWait = reader.peek?.kind == .comma
        if reader.acceptComma() {
            guard reader.expect("wait", hint: "e.g. `wait 2h, then 1d`") else { return nil }
            var first = true
            waits = reader.list { reader -> Int? in
                if !first {
                    guard reader.expect("then", hint: "growing waits read `wait 1h, then 4h, then 1d`") else { return nil }
                }
                first = false
                guard let word = reader.word("a duration", hint: "e.g. `2h`") else { return nil }
                return checkDuration(word, in: node, minimum: 1)
            }
        }
        reader.expectEnd()
        if writesWait, waits.isEmpty { return nil }
        if times > 1, !writesWait {
            diagnostics.error("missing-wait", "'\(node.keyword) \(times) times' needs a wait between calls",
                              at: node.range(of: countWord), hint: "add `, wait 2h`")
            return nil
        }
        return RetryRule(times: times, waits: waits)
    }
}
