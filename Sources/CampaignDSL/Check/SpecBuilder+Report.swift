extension SpecBuilder {
    /// `report every day at 21:00 to "reports/x" [as csv, html]`; also `every hour`, `every mon at 08:00`.
    func readReport(_ node: Node) -> ReportSpec? {
        var reader = node.reader(diagnostics)
        let hint = "e.g. `report every day at 21:00 to \"reports/renewals\" as csv, html`"
        guard reader.expect("every", hint: hint), let period = reader.word("`hour`, `day` or a weekday", hint: hint)
        else { return nil }
        let schedule: ReportSpec.Schedule
        if period.text == "hour" {
            schedule = .hourly
        } else {
            let day: Weekday?
            if period.text == "day" {
                day = nil
            } else if let weekday = ValueSyntax.dayNames[period.text] {
                day = weekday
            } else {
                diagnostics.error("unknown-value", "unknown report period '\(period.text)'", at: node.range(of: period),
                                  hint: Suggestion.hint(for: period.text, in: ["hour", "day"] + ValueSyntax.dayNames.keys.sorted())
                                    ?? "write `every hour`, `every day` or `every mon`")
                return nil
            }
            guard reader.expect("at", hint: hint), let timeWord = reader.word("a time", hint: "e.g. `21:00`") else { return nil }
            let time: TimeOfDay
            switch ValueSyntax.timeOfDay(timeWord.text) {
            case .success(let value) where value.minutes < 1_440: time = value
            case .success:
                diagnostics.error("invalid-time", "a report time must be before 24:00", at: node.range(of: timeWord))
                return nil
            case .failure(let error):
                report(error, at: node.range(of: timeWord))
                return nil
            }
            schedule = day.map { .weekly(on: $0, at: time) } ?? .daily(at: time)
        }
        guard reader.expect("to", hint: hint), let folder = reader.string("a folder in quotes", hint: hint) else { return nil }
        var formats: [ReportSpec.Format] = [.csv, .xlsx]
        if reader.accept("as") {
            let names = ReportSpec.Format.allCases.map(\.rawValue)
            formats = reader.list { reader -> ReportSpec.Format? in
                guard let word = reader.word("a format", hint: "formats: " + names.joined(separator: ", ")) else { return nil }
                guard let format = ReportSpec.Format(rawValue: word.text) else {
                    diagnostics.error("unknown-value", "unknown report format '\(word.text)'", at: node.range(of: word),
                                      hint: Suggestion.hint(for: word.text, in: names) ?? "formats: " + names.joined(separator: ", "))
                    return nil
                }
                return format
            }
        }
        reader.expectEnd()
        return ReportSpec(schedule: schedule, folder: PathResolver.resolve(folder.text, relativeTo: node.file),
                          formats: formats)
    }
}
