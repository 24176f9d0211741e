extension SpecBuilder {
    static let campaignKeywords = KeywordTable(
        context: "'campaign'",
        keywords: ["title", "description", "timezone", "caller-id", "dates", "profile", "list", "dnc", "hours",
                   "callee-hours", "dial", "retry", "dispositions", "survey", "sms", "report", "language"],
        repeatable: ["list", "dnc", "survey", "report"],
        withBlock: ["list", "hours", "dial", "retry", "dispositions", "survey", "sms"],
        optionalBlock: ["dnc"])

    /// `campaign NAME { … }`. Parts are read in an order where each can be
    /// checked against those it names: profile, lists, dispositions, surveys, then the rest.
    func readCampaign(_ node: Node) -> CampaignSpec? {
        var reader = node.reader(diagnostics)
        let name = reader.word("a campaign name", hint: "e.g. `campaign spring-renewals {`")
        reader.expectEnd()
        if let name { checkName(name, in: node, what: "campaign") }

        var parts: [String: [Node]] = [:]
        let seen = visit(node.children, Self.campaignKeywords) { parts[$0.keyword, default: []].append($0) }
        func each(_ keyword: String, _ body: (Node) -> Void) { parts[keyword, default: []].forEach(body) }

        each("profile") { profile = readProfile($0) ?? profile }
        var title: String?
        var description: String?
        var timeZone: String?
        var callerID: String?
        var dates: DateRange?
        each("title") { title = readString($0, what: "a title in quotes") }
        each("description") { description = readString($0, what: "a description in quotes") }
        each("timezone") { timeZone = readTimeZone($0) }
        each("caller-id") { callerID = readCallerID($0) }
        each("dates") { dates = readDateRange($0) }
        var language: CampaignLanguage?
        each("language") { language = readLanguage($0) }

        var lists: [ListSpec] = []
        each("list") { if let list = readList($0) { lists.append(list) } }
        each("dispositions") { dispositions = readDispositions($0) }
        each("survey") { if let survey = readSurvey($0) { surveys.append(survey) } }

        var calleeHours = profile.calleeHours
        each("callee-hours") { calleeHours = readCalleeHours($0) ?? calleeHours }
        var hours: CallingHours?
        each("hours") { hours = readHours($0, calleeHours: calleeHours) }
        var dial: DialPlan?
        each("dial") { dial = readDial($0, lists: lists) }
        var retry = RetryPolicy(maxPer24Hours: profile.maxCallsPer24Hours)
        each("retry") { retry = readRetry($0) }
        var sms: SMSPlan?
        each("sms") { sms = readSMS($0) }
        var reports: [ReportSpec] = []
        each("report") { if let report = readReport($0) { reports.append(report) } }
        var dnc: [DNCList] = []
        var prefixes: [String] = []
        for dncNode in sharedDNC + parts["dnc", default: []] {
            readDNC(dncNode, into: &dnc, prefixes: &prefixes)
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
        if profile.requiresNationalDNC, !dnc.contains(where: \.isNationalRegister) {
            diagnostics.error("profile-limit", "profile '\(profile.name)' requires the national do-not-call register",
                              at: campaignRange, notes: ["rule: \(profile.rule)"],
                              hint: "add `dnc national \"dnc/national.txt\"` with a current copy of the register")
        }
        guard let name, let timeZone, let hours, let dial, !lists.isEmpty else { return nil }
        return CampaignSpec(
            id: name.text, title: title, timeZone: timeZone, lists: lists, hours: hours, dial: dial, retry: retry,
            description: description, callerID: callerID, dates: dates, compliance: profile,
            calleeHours: calleeHours, dnc: dnc, dncPrefixes: prefixes, dispositions: dispositions,
            surveys: surveys, sms: sms, reports: reports,
            teams: teams.values.map(\.team).sorted { $0.name < $1.name }, language: language)
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

    /// `language vi`: `en`, `vi` or `cs`.
    private func readLanguage(_ node: Node) -> CampaignLanguage? {
        var reader = node.reader(diagnostics)
        let codes = CampaignLanguage.allCases.map(\.code)
        guard let word = reader.word("a language code", hint: "languages: " + codes.joined(separator: ", ")) else { return nil }
        reader.expectEnd()
        if let language = CampaignLanguage(rawValue: word.text) { return language }
        let meant = CampaignLanguage.aliases[word.text.lowercased()]
            ?? Suggestion.nearest(to: word.text, in: codes).flatMap(CampaignLanguage.init(rawValue:))
        let listed = CampaignLanguage.allCases.map { "\($0.code) (\($0.nativeName))" }.joined(separator: ", ")
        diagnostics.error("unknown-value", "unknown language '\(word.text)'", at: node.range(of: word),
                          hint: meant.map { "did you mean `language \($0.code)` (\($0.nativeName))?" } ?? "languages: " + listed)
        return nil
    }

    /// `caller-id +842873001234`: E.164, `+` and 8 to 15 digits.
    private func readCallerID(_ node: Node) -> String? {
        var reader = node.reader(diagnostics)
        guard let number = reader.word("a phone number", hint: "e.g. `caller-id +842873001234`") else { return nil }
        reader.expectEnd()
        let digits = number.text.dropFirst()
        guard number.text.hasPrefix("+"), (8...15).contains(digits.count), digits.allSatisfy(\.isASCII),
              digits.allSatisfy(\.isNumber), !digits.hasPrefix("0")
        else {
            diagnostics.error("invalid-phone-number", "'\(number.text)' is not an international phone number",
                              at: node.range(of: number), hint: "write it in E.164 form: `+`, country code, number")
            return nil
        }
        return number.text
    }

    /// `dates 2026-03-02 to 2026-03-31`.
    private func readDateRange(_ node: Node) -> DateRange? {
        var reader = node.reader(diagnostics)
        let first = readDate(&reader, in: node)
        guard reader.expect("to", hint: "e.g. `dates 2026-03-02 to 2026-03-31`") else { return nil }
        let last = readDate(&reader, in: node)
        reader.expectEnd()
        guard let first, let last else { return nil }
        guard first.date <= last.date else {
            diagnostics.error("invalid-date-range", "the campaign ends (\(last.date)) before it starts (\(first.date))",
                              at: first.range.union(last.range))
            return nil
        }
        return DateRange(first: first.date, last: last.date)
    }

    private func readDate(_ reader: inout ArgumentReader, in node: Node) -> (date: LocalDate, range: SourceRange)? {
        guard let word = reader.word("a date", hint: "e.g. `2026-03-02`") else { return nil }
        switch ValueSyntax.date(word.text) {
        case .success(let date): return (date, node.range(of: word))
        case .failure(let error):
            report(error, at: node.range(of: word))
            return nil
        }
    }

    /// `profile us-tsr`, or a profile defined with `profile NAME { … }`.
    private func readProfile(_ node: Node) -> ComplianceProfile? {
        var reader = node.reader(diagnostics)
        let names = profiles.keys.sorted()
        guard let name = reader.word("a compliance profile", hint: "profiles: " + names.joined(separator: ", "))
        else { return nil }
        reader.expectEnd()
        guard let profile = profiles[name.text] else {
            diagnostics.error("unknown-value", "unknown compliance profile '\(name.text)'", at: node.range(of: name),
                              hint: Suggestion.hint(for: name.text, in: names) ?? "profiles: " + names.joined(separator: ", "))
            return nil
        }
        return profile
    }

    /// `callee-hours 08:00-21:00`: within the profile's window.
    private func readCalleeHours(_ node: Node) -> [TimeRange]? {
        var reader = node.reader(diagnostics)
        let ranges = reader.list { reader in readTimeRange(&reader, in: node) }
        reader.expectEnd()
        guard !ranges.isEmpty else { return nil }
        let allowed = profile.calleeHours
        var valid = true
        for (range, source) in ranges where !allowed.isEmpty {
            if !allowed.contains(where: { $0.start <= range.start && range.end <= $0.end }) {
                diagnostics.error(
                    "profile-limit",
                    "callee-hours \(range) go beyond the \(allowed.map(\.description).joined(separator: ", ")) that profile '\(profile.name)' allows",
                    at: source, notes: ["rule: \(profile.rule)"])
                valid = false
            }
        }
        return valid ? ranges.map(\.0).sorted { $0.start < $1.start } : nil
    }
}
