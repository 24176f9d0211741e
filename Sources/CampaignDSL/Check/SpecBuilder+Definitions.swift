extension SpecBuilder {
    /// `team NAME { agent ID "Full name" … }`.
    func readTeam(_ node: Node) {
        var reader = node.reader(diagnostics)
        guard let name = reader.word("a team name", hint: "e.g. `team renewals {`") else { return }
        reader.expectEnd()
        checkName(name, in: node, what: "team")
        var agents: [Agent] = []
        var seen: [String: Node] = [:]
        visit(node.children, KeywordTable(context: "'team'", keywords: ["agent"], repeatable: ["agent"])) { child in
            var reader = child.reader(diagnostics)
            guard let id = reader.word("an agent id", hint: "e.g. `agent an \"Nguyễn Văn An\"`") else { return }
            let label = reader.peek?.kind == .string ? reader.next()?.text : nil
            reader.expectEnd()
            checkName(id, in: child, what: "agent")
            if let first = seen[id.text] {
                diagnostics.error("duplicate", "agent '\(id.text)' is listed twice in team '\(name.text)'",
                                  at: child.range(of: id), notes: ["first listed at \(describe(first.keywordRange))"])
                return
            }
            seen[id.text] = child
            agents.append(Agent(id: id.text, name: label))
        }
        if let first = teams[name.text] {
            diagnostics.error("duplicate", "team '\(name.text)' is defined twice", at: node.range(of: name),
                              notes: ["first defined at \(describe(first.node.keywordRange))"])
            return
        }
        if agents.isEmpty, node.children.isEmpty {
            diagnostics.error("empty-team", "team '\(name.text)' has no agents", at: node.range(of: name),
                              hint: "add `agent ID \"Full name\"` lines")
        }
        teams[name.text] = (Team(name: name.text, agents: agents), node)
    }

    /// `holidays NAME { closed 2026-04-30, 2026-05-01 … }`.
    func readHolidays(_ node: Node) {
        var reader = node.reader(diagnostics)
        guard let name = reader.word("a name for the holiday list", hint: "e.g. `holidays vn-2026 {`") else { return }
        reader.expectEnd()
        var dates: Set<LocalDate> = []
        visit(node.children, KeywordTable(context: "'holidays'", keywords: ["closed"], repeatable: ["closed"])) { child in
            dates.formUnion(readDates(child))
        }
        if holidays[name.text] != nil {
            diagnostics.error("duplicate", "holidays '\(name.text)' are defined twice", at: node.range(of: name))
            return
        }
        holidays[name.text] = dates
    }

    /// Names of campaigns, teams and agents: letters, digits, `-` and `_`, starting with a letter or digit.
    func checkName(_ name: Argument, in node: Node, what: String) {
        let valid = name.text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        if !valid || name.text.hasPrefix("-") || name.text.hasPrefix("_") {
            diagnostics.error("invalid-name", "'\(name.text)' is not a valid \(what) name", at: node.range(of: name),
                              hint: "use letters, digits, `-` and `_`, e.g. `spring-renewals`")
        }
    }

    /// Reports an unknown name among `known`, with the nearest as a hint. Returns whether it is known.
    func checkDefined(_ name: Argument, in node: Node, among known: some Collection<String>, id: String,
                      what: String) -> Bool {
        guard known.contains(name.text) else {
            diagnostics.error(id, "\(what) '\(name.text)' is not defined", at: node.range(of: name),
                              hint: Suggestion.hint(for: name.text, in: known)
                                ?? (known.isEmpty ? nil : "defined: " + known.sorted().joined(separator: ", ")))
            return false
        }
        return true
    }
}
