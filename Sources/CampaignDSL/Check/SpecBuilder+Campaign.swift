extension SpecBuilder {
    static let campaignKeywords = KeywordTable(
        context: "'campaign'",
        keywords: ["title", "timezone", "list", "hours", "dial", "retry"],
        repeatable: ["list"],
        withBlock: ["list", "hours", "dial", "retry"])

    /// `campaign NAME { … }`.
    func readCampaign(_ node: Node) -> CampaignSpec? {
        var reader = node.reader(diagnostics)
        let name = reader.word("a campaign name", hint: "e.g. `campaign spring-renewals {`")
        reader.expectEnd()
        if let name { checkName(name, in: node, what: "campaign") }

        var title: String?
        var timeZone: String?
        var lists: [ListSpec] = []
        var hours: CallingHours?
        var dial: DialPlan?
        var retry = RetryPolicy()
        let seen = visit(node.children, Self.campaignKeywords) { child in
            switch child.keyword {
            case "title": title = readString(child, what: "a title in quotes")
            case "timezone": timeZone = readTimeZone(child)
            case "list": if let list = readList(child) { lists.append(list) }
            case "hours": hours = readHours(child)
            case "dial": dial = readDial(child)
            default: retry = readRetry(child)
            }
        }
        let campaignRange = name.map(node.range(of:)) ?? node.keywordRange
        let required = [
            ("timezone", "timezone Asia/Ho_Chi_Minh"),
            ("list", "list \"lists/contacts.csv\" { phone column \"Mobile\" }"),
            ("hours", "hours { mon-fri 09:00-17:00 }"),
            ("dial", "dial progressive { agents 5 }"),
        ]
        for (keyword, example) in required where !seen.contains(keyword) {
            diagnostics.error("missing-required", "campaign '\(name?.text ?? "")' has no '\(keyword)'",
                              at: campaignRange, hint: "add `\(example)`")
        }
        guard let name, let timeZone, let hours, let dial, !lists.isEmpty else { return nil }
        return CampaignSpec(id: name.text, title: title, timeZone: timeZone, lists: lists,
                            hours: hours, dial: dial, retry: retry)
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

    /// `KEYWORD "text"`.
    func readString(_ node: Node, what: String) -> String? {
        var reader = node.reader(diagnostics)
        let value = reader.string(what)
        reader.expectEnd()
        return value?.text
    }

    /// `timezone Area/City`.
    func readTimeZone(_ node: Node) -> String? {
        var reader = node.reader(diagnostics)
        guard let zone = reader.word("an IANA time zone name", hint: "e.g. `timezone Asia/Ho_Chi_Minh`") else { return nil }
        reader.expectEnd()
        return checkTimeZone(zone, in: node)
    }

    func checkTimeZone(_ zone: Argument, in node: Node) -> String? {
        guard TimeZones.isValid(zone.text) else {
            diagnostics.error("invalid-time-zone", "unknown time zone '\(zone.text)'", at: node.range(of: zone),
                              hint: TimeZones.hint(for: zone.text))
            return nil
        }
        return zone.text
    }
}
