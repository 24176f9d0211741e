extension SpecBuilder {
    static let dialKeywords: [DialMode: [String]] = [
        .preview: ["team", "agents", "assigned", "assign", "preview", "ring", "calls-per-second"],
        .progressive: ["team", "agents", "ring", "calls-per-second"],
        .predictive: ["team", "agents", "max-abandon", "pacing", "ring", "lines", "max-lines-per-agent", "calls-per-second"],
        .agentless: ["lines", "survey", "message", "ring", "calls-per-second"],
    ]

    static let modeList = DialMode.allCases.map(\.rawValue).joined(separator: ", ")

    /// `dial MODE { … }`, checked against the mode, the teams and the profile.
    func readDial(_ node: Node, lists: [ListSpec]) -> DialPlan? {
        var reader = node.reader(diagnostics)
        guard let modeWord = reader.word("a dialing mode", hint: "modes: " + Self.modeList) else { return nil }
        reader.expectEnd()
        guard let mode = DialMode(rawValue: modeWord.text) else {
            diagnostics.error("unknown-value", "unknown dialing mode '\(modeWord.text)'", at: node.range(of: modeWord),
                              hint: Suggestion.hint(for: modeWord.text, in: DialMode.allCases.map(\.rawValue))
                                ?? "modes: " + Self.modeList)
            return nil
        }
        let allKeywords = Array(Set(Self.dialKeywords.values.joined())).sorted()
        let allowed = Self.dialKeywords[mode] ?? []
        var plan = DialPlan(mode: mode, agents: 0, ringSeconds: max(DialPlan.defaultRingSeconds, profile.minRingSeconds ?? 0))
        var agentsGiven = false
        let seen = visit(node.children, KeywordTable(context: "'dial'", keywords: allKeywords)) { child in
            guard allowed.contains(child.keyword) else {
                let modes = DialMode.allCases.filter { Self.dialKeywords[$0]?.contains(child.keyword) ?? false }
                diagnostics.error("wrong-mode", "'\(child.keyword)' does not apply to \(mode.rawValue) dialing",
                                  at: child.keywordRange,
                                  notes: ["it applies to: " + modes.map(\.rawValue).joined(separator: ", ")])
                return
            }
            switch child.keyword {
            case "team": readDialTeam(child, into: &plan)
            case "agents": agentsGiven = readAgents(child, into: &plan)
            case "assigned":
                var reader = child.reader(diagnostics)
                reader.expectEnd()
                plan.assignedAgents = true
                if !node.children.contains(where: { $0.keyword == "assign" }), !lists.isEmpty, !lists.allSatisfy({ $0.agentColumn != nil }) {
                    diagnostics.error("missing-agent-column", "'assigned' needs an agent column in every list",
                                      at: child.keywordRange, hint: "add `agent column \"Owner\"` to each list, or `assign balanced`")
                }
            case "assign":
                plan.assignment = readAssign(child, lists: lists)
                plan.assignedAgents = true
            case "preview": plan.previewSeconds = readDuration(child, minimum: 1)
            case "ring": plan.ringSeconds = readRing(child) ?? plan.ringSeconds
            case "calls-per-second": plan.callsPerSecond = readCount(child, minimum: 1, what: "calls-per-second")
            case "max-abandon": plan.maxAbandonPercent = readMaxAbandon(child)
            case "pacing": plan.pacing = readPacing(child) ?? plan.pacing
            case "lines": plan.lines = readCount(child, minimum: 1, what: "lines")
            case "max-lines-per-agent": plan.maxLinesPerAgent = readCount(child, minimum: 1, what: "max-lines-per-agent")
            case "survey": readDialSurvey(child, into: &plan)
            default: plan.message = readMessage(child)
            }
        }
        checkRequirements(of: &plan, seen: seen, agentsGiven: agentsGiven, at: node.range(of: modeWord))
        return plan
    }

    private func checkRequirements(of plan: inout DialPlan, seen: Set<String>, agentsGiven: Bool, at range: SourceRange) {
        let mode = plan.mode.rawValue
        if plan.mode == .agentless {
            if !seen.contains("lines") {
                diagnostics.error("missing-required", "'dial agentless' needs lines", at: range, hint: "add `lines 10`")
            }
            if seen.contains("survey") == seen.contains("message") {
                diagnostics.error(seen.contains("survey") ? "conflict" : "missing-required",
                                  "'dial agentless' plays either a survey or a message", at: range,
                                  hint: "keep one of `survey NAME` and `message \"recordings/x.wav\"`")
            }
            return
        }
        if seen.contains("team"), seen.contains("agents") {
            diagnostics.error("conflict", "'dial \(mode)' names both a team and agents", at: range,
                              hint: "keep `team NAME`, or `agents`, not both")
        } else if !seen.contains("team"), !seen.contains("agents"), !plan.assignedAgents {
            diagnostics.error("missing-required", "'dial \(mode)' needs agents", at: range,
                              hint: "add `agents 5` or `team NAME` inside the block")
        }
        if plan.mode == .predictive, plan.maxAbandonPercent == nil {
            plan.maxAbandonPercent = profile.maxAbandonPercent ?? 3
        }
        if plan.assignedAgents, !agentsGiven, plan.team == nil {
            plan.agents = Set(teams.values.flatMap { $0.team.agents.map(\.id) }).count
        }
    }

    /// `assign owner [column "Owner"]`, `assign round-robin` or `assign balanced`. The owner's column
    /// must be in every list whose header can be read; without one, every list needs an agent column.
    private func readAssign(_ node: Node, lists: [ListSpec]) -> AssignmentRule? {
        var reader = node.reader(diagnostics)
        let hint = "e.g. `assign round-robin`; methods: " + AssignmentRule.methods.joined(separator: ", ")
        guard let method = reader.word("an assignment method", hint: hint) else { return nil }
        switch method.text {
        case "round-robin":
            reader.expectEnd()
            return .roundRobin
        case "balanced":
            reader.expectEnd()
            return .balanced
        case "owner":
            guard reader.peek != nil else {
                if !lists.isEmpty, !lists.allSatisfy({ $0.agentColumn != nil }) {
                    diagnostics.error("missing-agent-column", "'assign owner' needs an agent column in every list",
                                      at: node.range(of: method),
                                      hint: "name the column: `assign owner column \"Owner\"`, or add `agent column` to each list")
                }
                return .owner(column: nil)
            }
            guard let (column, range) = readColumn(&reader, in: node) else { return nil }
            reader.expectEnd()
            for list in listHeaders where !list.header.contains(column) {
                diagnostics.error("unknown-column", "'\(list.path)' has no column '\(column)'", at: range,
                                  notes: ["its columns are: " + list.header.map { "'\($0)'" }.joined(separator: ", ")],
                                  hint: Suggestion.hint(for: column, in: list.header))
            }
            return .owner(column: column)
        default:
            diagnostics.error("unknown-value", "unknown assignment method '\(method.text)'", at: node.range(of: method),
                              hint: method.text == "workload" ? "`balanced` shares contacts by expected workload"
                                : Suggestion.hint(for: method.text, in: AssignmentRule.methods) ?? hint)
            return nil
        }
    }

    /// `team NAME`: a team defined in this or an included file.
    private func readDialTeam(_ node: Node, into plan: inout DialPlan) {
        var reader = node.reader(diagnostics)
        guard let name = reader.word("a team name") else { return }
        reader.expectEnd()
        guard checkDefined(name, in: node, among: teams.keys, id: "undefined-team", what: "team") else { return }
        plan.team = name.text
        plan.agents = teams[name.text]?.team.agents.count ?? 0
    }

    /// `agents 5` (a count of anonymous agents) or `agents an, binh` (agents defined in teams).
    private func readAgents(_ node: Node, into plan: inout DialPlan) -> Bool {
        var reader = node.reader(diagnostics)
        if let first = reader.peek, first.kind == .word, first.text.first?.isNumber ?? false {
            _ = reader.next()
            reader.expectEnd()
            guard let count = checkCount(first, in: node, minimum: 1, what: "agents") else { return false }
            plan.agents = count
            return true
        }
        let known = Set(teams.values.flatMap { $0.team.agents.map(\.id) })
        let ids = reader.list { reader -> String? in
            guard let id = reader.word("a number of agents or agent ids", hint: "e.g. `agents 5` or `agents an, binh`"),
                  checkDefined(id, in: node, among: known, id: "undefined-agent", what: "agent")
            else { return nil }
            return id.text
        }
        reader.expectEnd()
        plan.agentIDs = ids
        plan.agents = ids.count
        return !ids.isEmpty
    }

    /// `ring 25s`: at least the profile's minimum.
    private func readRing(_ node: Node) -> Int? {
        var reader = node.reader(diagnostics)
        guard let word = reader.word("a duration", hint: "e.g. `ring 25s`") else { return nil }
        reader.expectEnd()
        guard let seconds = checkDuration(word, in: node, minimum: 1) else { return nil }
        if let minimum = profile.minRingSeconds, seconds < minimum {
            diagnostics.error("profile-limit",
                              "ring \(word.text) is below the \(minimum)s minimum of profile '\(profile.name)'",
                              at: node.range(of: word), notes: ["rule: \(profile.rule)"],
                              hint: "ring at least `\(minimum)s`")
            return nil
        }
        return seconds
    }

    /// `max-abandon 3%`: at most the profile's cap.
    private func readMaxAbandon(_ node: Node) -> Double? {
        var reader = node.reader(diagnostics)
        guard let word = reader.word("a percentage", hint: "e.g. `max-abandon 3%`") else { return nil }
        reader.expectEnd()
        switch ValueSyntax.percent(word.text) {
        case .failure(let error):
            report(error, at: node.range(of: word))
            return nil
        case .success(let percent):
            if let cap = profile.maxAbandonPercent, percent > cap {
                let window = profile.abandonWindowDays.map { $0 == 1 ? " per day" : " per \($0)-day period" } ?? ""
                diagnostics.error("profile-limit",
                                  "max-abandon \(word.text) is above the \(Self.format(cap))%\(window) that profile '\(profile.name)' allows",
                                  at: node.range(of: word), notes: ["rule: \(profile.rule)"])
                return nil
            }
            return percent
        }
    }

    /// `pacing model`, `pacing reactive` or `pacing ratio 2.5` (calls per free agent, 1–10).
    private func readPacing(_ node: Node) -> PacingStrategy? {
        var reader = node.reader(diagnostics)
        let strategies = ["model", "reactive", "ratio"]
        guard let word = reader.word("a pacing strategy", hint: "strategies: model, reactive, ratio N") else { return nil }
        switch word.text {
        case "model":
            reader.expectEnd()
            return .model
        case "reactive":
            reader.expectEnd()
            return .reactive
        case "ratio":
            guard let number = reader.word("calls per free agent", hint: "e.g. `pacing ratio 2.5`") else { return nil }
            reader.expectEnd()
            guard let ratio = Double(number.text), ratio.isFinite, (1...10).contains(ratio) else {
                diagnostics.error("out-of-range", "the pacing ratio must be a number from 1 to 10, not '\(number.text)'",
                                  at: node.range(of: number))
                return nil
            }
            return .ratio(ratio)
        default:
            diagnostics.error("unknown-value", "unknown pacing strategy '\(word.text)'", at: node.range(of: word),
                              hint: Suggestion.hint(for: word.text, in: strategies) ?? "strategies: model, reactive, ratio N")
            return nil
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// `survey NAME` in an agentless plan: a survey every question of which can be keyed.
    private func readDialSurvey(_ node: Node, into plan: inout DialPlan) {
        var reader = node.reader(diagnostics)
        guard let name = reader.word("a survey name") else { return }
        reader.expectEnd()
        guard checkDefined(name, in: node, among: surveys.map(\.name), id: "undefined-survey", what: "survey"),
              let survey = surveys.first(where: { $0.name == name.text }) else { return }
        plan.survey = name.text
        for question in survey.questions {
            switch question.kind {
            case .text:
                diagnostics.error("question-needs-agent",
                                  "question '\(question.id)' takes text, which an agentless call cannot collect",
                                  at: node.range(of: name), hint: "use choice, scale, yes/no or number questions")
            case .choice(let options) where options.count > 9:
                diagnostics.error("question-needs-agent",
                                  "question '\(question.id)' has more options than keys 1-9",
                                  at: node.range(of: name))
            default: break
            }
        }
    }

    /// `message "recordings/renewal.wav"`: a recording that exists.
    private func readMessage(_ node: Node) -> String? {
        var reader = node.reader(diagnostics)
        guard let file = reader.string("a recording file in quotes", hint: "e.g. `message \"recordings/renewal.wav\"`")
        else { return nil }
        reader.expectEnd()
        let path = PathResolver.resolve(file.text, relativeTo: node.file)
        return checkFileExists(path, written: file, in: node, what: "recording") ? path : nil
    }

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
        guard let word = reader.word("a duration", hint: "e.g. `30s`") else { return nil }
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
