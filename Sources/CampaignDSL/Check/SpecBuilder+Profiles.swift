extension SpecBuilder {
    static let profileKeywords = KeywordTable(
        context: "'profile'",
        keywords: ["based-on", "rule", "max-abandon", "min-ring", "callee-hours", "calls-per-24h",
                   "lockout-after-abandon", "national-dnc"])

    /// `profile NAME { based-on us-tsr  max-abandon 2%  … }`: a house profile that
    /// may only tighten the profile it is based on.
    func readProfileDefinition(_ node: Node) {
        var reader = node.reader(diagnostics)
        guard let name = reader.word("a profile name", hint: "e.g. `profile acme-us {`") else { return }
        reader.expectEnd()
        checkName(name, in: node, what: "profile")
        if profiles[name.text] != nil {
            diagnostics.error("duplicate", "profile '\(name.text)' is already defined", at: node.range(of: name),
                              hint: ComplianceProfile.builtIn[name.text] != nil ? "built-in profiles cannot be redefined" : nil)
            return
        }
        var base = ComplianceProfile.none
        let children = node.children
        for child in children where child.keyword == "based-on" && !child.statement.isMalformed {
            base = readBaseProfile(child) ?? base
        }
        var profile = base
        profile.name = name.text
        profile.rule = base.rule.isEmpty ? "house profile \(name.text)" : "\(base.rule), tightened by \(name.text)"
        visit(children, Self.profileKeywords) { child in
            readProfileSetting(child, base: base, into: &profile)
        }
        profiles[name.text] = profile
    }

    private func readBaseProfile(_ node: Node) -> ComplianceProfile? {
        var reader = node.reader(diagnostics)
        guard let name = reader.word("a built-in profile", hint: "e.g. `based-on us-tsr`") else { return nil }
        reader.expectEnd()
        let names = ComplianceProfile.builtIn.keys.sorted()
        guard let base = ComplianceProfile.builtIn[name.text] else {
            diagnostics.error("unknown-value", "unknown built-in profile '\(name.text)'", at: node.range(of: name),
                              hint: Suggestion.hint(for: name.text, in: names) ?? "profiles: " + names.joined(separator: ", "))
            return nil
        }
        return base
    }

    private func readProfileSetting(_ node: Node, base: ComplianceProfile, into profile: inout ComplianceProfile) {
        func looser(_ what: String, _ limit: String, at range: SourceRange) {
            diagnostics.error("profile-limit", "\(what) is looser than the \(limit) of profile '\(base.name)'", at: range,
                              notes: ["rule: \(base.rule)"], hint: "a profile may only tighten the one it is based on")
        }
        var reader = node.reader(diagnostics)
        switch node.keyword {
        case "based-on": return  // read first
        case "rule":
            guard let rule = reader.string("the rule's name in quotes") else { return }
            reader.expectEnd()
            profile.rule = base.rule.isEmpty ? rule.text : "\(rule.text), on top of \(base.rule)"
        case "max-abandon":
            guard let word = reader.word("a percentage", hint: "e.g. `max-abandon 2%`") else { return }
            reader.expectEnd()
            switch ValueSyntax.percent(word.text) {
            case .failure(let error): report(error, at: node.range(of: word))
            case .success(let value):
                if let cap = base.maxAbandonPercent, value > cap {
                    looser("max-abandon \(word.text)", "\(Self.format(cap))% cap", at: node.range(of: word))
                } else {
                    profile.maxAbandonPercent = value
                }
            }
        case "min-ring":
            guard let word = reader.word("a duration", hint: "e.g. `min-ring 20s`"),
                  let seconds = checkDuration(word, in: node, minimum: 1) else { return }
            reader.expectEnd()
            if let minimum = base.minRingSeconds, seconds < minimum {
                looser("min-ring \(word.text)", "\(minimum)s minimum ring", at: node.range(of: word))
            } else {
                profile.minRingSeconds = seconds
            }
        case "callee-hours":
            let ranges = reader.list { reader in readTimeRange(&reader, in: node) }
            reader.expectEnd()
            for (range, source) in ranges where !base.calleeHours.isEmpty
                && !base.calleeHours.contains(where: { $0.start <= range.start && range.end <= $0.end }) {
                looser("callee-hours \(range)", "callee hours \(base.calleeHours.map(\.description).joined(separator: ", "))",
                       at: source)
                return
            }
            if !ranges.isEmpty { profile.calleeHours = ranges.map(\.0).sorted { $0.start < $1.start } }
        case "calls-per-24h":
            guard let word = reader.word("a number"),
                  let count = checkCount(word, in: node, minimum: 1, what: "calls-per-24h") else { return }
            reader.expectEnd()
            if let limit = base.maxCallsPer24Hours, count > limit {
                looser("calls-per-24h \(count)", "limit of \(limit)", at: node.range(of: word))
            } else {
                profile.maxCallsPer24Hours = count
            }
        case "lockout-after-abandon":
            guard let word = reader.word("a duration", hint: "e.g. `lockout-after-abandon 72h`"),
                  let seconds = checkDuration(word, in: node, minimum: 1) else { return }
            reader.expectEnd()
            if let lockout = base.lockoutAfterAbandonSeconds, seconds < lockout {
                looser("lockout-after-abandon \(word.text)", "\(lockout / 3_600)h lock-out", at: node.range(of: word))
            } else {
                profile.lockoutAfterAbandonSeconds = seconds
            }
        default:
            reader.expectEnd()
            profile.requiresNationalDNC = true
        }
    }
}
