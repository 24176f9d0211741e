extension SpecBuilder {
    static let retryKeywords = KeywordTable(
        context: "'retry'", keywords: RetryOutcome.allCases.map(\.rawValue) + ["at-most"], repeatable: ["at-most"])

    /// `retry { no-answer 3 times, wait 2h, then 1d  busy final  at-most 3 attempts per day }`.
    func readRetry(_ node: Node) -> RetryPolicy {
        var policy = RetryPolicy(maxPer24Hours: profile.maxCallsPer24Hours)
        var periods: [String: Node] = [:]
        visit(node.children, Self.retryKeywords) { child in
            if child.keyword == "at-most" {
                readCap(child, into: &policy, periods: &periods)
                return
            }
            guard let outcome = RetryOutcome(rawValue: child.keyword), let rule = readRule(child, outcome: outcome)
            else { return }
            policy.rules[outcome] = rule
        }
        return policy
    }

    /// `N times[, wait D[, then D]…]` or `final` (not retried, the same as no rule).
    private func readRule(_ node: Node, outcome: RetryOutcome) -> RetryRule? {
        var reader = node.reader(diagnostics)
        if reader.accept("final") {
            reader.expectEnd()
            return nil
        }
        guard let countWord = reader.word("how many times, or `final`", hint: "e.g. `\(node.keyword) 3 times, wait 2h`"),
              let times = checkCount(countWord, in: node, minimum: 1, what: "times")
        else { return nil }
        guard reader.accept("times") || reader.accept("time") else {
            reader.report(expected: "`times`", hint: "e.g. `\(node.keyword) \(times) times, wait 2h`")
            return nil
        }
        var waits: [(seconds: Int, range: SourceRange)] = []
        let writesWait = reader.peek?.kind == .comma
        if reader.acceptComma() {
            guard reader.expect("wait", hint: "e.g. `wait 2h, then 1d`") else { return nil }
            var first = true
            waits = reader.list { reader -> (Int, SourceRange)? in
                if !first {
                    guard reader.expect("then", hint: "growing waits read `wait 1h, then 4h, then 1d`") else { return nil }
                }
                first = false
                guard let word = reader.word("a duration", hint: "e.g. `2h`"),
                      let seconds = checkDuration(word, in: node, minimum: 1) else { return nil }
                return (seconds, node.range(of: word))
            }
        }
        reader.expectEnd()
        if writesWait, waits.isEmpty { return nil }
        if times > 1, !writesWait {
            diagnostics.error("missing-wait", "'\(node.keyword) \(times) times' needs a wait between calls",
                              at: node.range(of: countWord), hint: "add `, wait 2h`")
            return nil
        }
        if outcome == .abandoned, let lockout = profile.lockoutAfterAbandonSeconds {
            for wait in waits where wait.seconds < lockout {
                diagnostics.error("profile-limit",
                                  "a wait of \(wait.seconds / 3_600)h after an abandoned call is shorter than the \(lockout / 3_600)h lock-out of profile '\(profile.name)'",
                                  at: wait.range, notes: ["rule: \(profile.rule)"], hint: "wait at least \(lockout / 3_600)h")
            }
        }
        return RetryRule(times: times, waits: waits.map(\.seconds))
    }

    /// `at-most N attempts per day`, `per 24h` or `in total`.
    private func readCap(_ node: Node, into policy: inout RetryPolicy, periods: inout [String: Node]) {
        var reader = node.reader(diagnostics)
        let hint = "e.g. `at-most 3 attempts per day`, `per 24h` or `in total`"
        guard let countWord = reader.word("a number of attempts", hint: hint),
              let count = checkCount(countWord, in: node, minimum: 1, what: "at-most"),
              reader.accept("attempts") || reader.accept("attempt") || reader.expect("attempts", hint: hint)
        else { return }
        let period: String
        if reader.accept("in") {
            guard reader.expect("total", hint: hint) else { return }
            period = "in total"
        } else {
            guard reader.expect("per", hint: hint) else { return }
            if reader.accept("day") {
                period = "per day"
            } else if reader.accept("24h") {
                period = "per 24h"
            } else {
                reader.report(expected: "`day` or `24h`", hint: hint)
                return
            }
        }
        reader.expectEnd()
        if let first = periods[period] {
            diagnostics.error("duplicate", "'at-most … \(period)' is given twice", at: node.keywordRange,
                              notes: ["first given at \(describe(first.keywordRange))"])
            return
        }
        periods[period] = node
        switch period {
        case "per day": policy.maxPerDay = count
        case "per 24h":
            if let limit = profile.maxCallsPer24Hours, count > limit {
                diagnostics.error("profile-limit",
                                  "\(count) attempts per 24h is more than the \(limit) that profile '\(profile.name)' allows",
                                  at: node.range(of: countWord), notes: ["rule: \(profile.rule)"])
                return
            }
            policy.maxPer24Hours = count
        default: policy.maxTotal = count
        }
    }
}
