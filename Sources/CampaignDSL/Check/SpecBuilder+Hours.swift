extension SpecBuilder {
    /// `hours { mon-fri 08:30-11:30, 13:30-17:00  sat 09:00-12:00  closed 2026-04-30  holidays vn-2026 }`.
    func readHours(_ node: Node, calleeHours: [TimeRange]) -> CallingHours {
        var weekly: [Weekday: OpenRanges] = [:]
        var closed: Set<LocalDate> = []
        for child in node.children where !child.statement.isMalformed {
            guard checkBlock(of: child, required: false) else { continue }
            if child.keyword == "closed" {
                closed.formUnion(readDates(child))
                continue
            }
            if child.keyword == "holidays" {
                closed.formUnion(readHolidayReference(child))
                continue
            }
            guard let days = readDays(child) else { continue }
            var reader = child.reader(diagnostics)
            let ranges = reader.list { reader in readTimeRange(&reader, in: child) }
            reader.expectEnd()
            for (range, source) in ranges {
                checkAgainstCalleeHours(range, at: source, calleeHours: calleeHours)
            }
            for day in days {
                for (range, source) in ranges {
                    if let other = weekly[day, default: OpenRanges()].add(range, at: source) {
                        diagnostics.error(
                            "overlapping-hours", "\(range) overlaps \(other.range) on \(Self.name(of: day))",
                            at: source, notes: ["\(other.range) is opened at \(describe(other.source))"],
                            hint: "join them into one range, or make them meet end to start")
                    }
                }
            }
        }
        if weekly.isEmpty, node.children.allSatisfy({ $0.keyword == "closed" || $0.keyword == "holidays" }) {
            diagnostics.warning("hours-never-open", "these hours open on no day, so the campaign never calls",
                                at: node.keywordRange, hint: "add a line such as `mon-fri 09:00-17:00`")
        }
        return CallingHours(weekly: weekly.mapValues { $0.ranges.map(\.range) },
                            closedDates: closed)
    }

    /// A range of hours that no callee window overlaps never places a call (for callees in the campaign's zone).
    private func checkAgainstCalleeHours(_ range: TimeRange, at source: SourceRange, calleeHours: [TimeRange]) {
        guard !calleeHours.isEmpty, !calleeHours.contains(where: { overlaps($0, range) }) else { return }
        diagnostics.warning(
            "hours-outside-callee-hours",
            "\(range) is entirely outside callee-hours \(calleeHours.map(\.description).joined(separator: ", "))",
            at: source,
            notes: ["calls are placed only within callee-hours in the callee's own time; " +
                    "callees in the campaign's zone are never called in this range"])
    }

    /// `holidays NAME`: the dates of a holiday list defined at the top level of this or an included file.
    private func readHolidayReference(_ node: Node) -> Set<LocalDate> {
        var reader = node.reader(diagnostics)
        guard let name = reader.word("the name of a holiday list", hint: "e.g. `holidays vn-2026`") else { return [] }
        reader.expectEnd()
        guard checkDefined(name, in: node, among: holidays.keys, id: "undefined-holidays", what: "holidays")
        else { return [] }
        return holidays[name.text] ?? []
    }

    /// The days a line of `hours` names in its keyword, or nil after reporting.
    private func readDays(_ node: Node) -> [Weekday]? {
        switch ValueSyntax.days(node.keyword) {
        case .success(let days): return days
        case .failure(let error):
            let hint = Suggestion.hint(for: node.keyword, in: ValueSyntax.dayWords + ["closed", "holidays"])
            diagnostics.error(error.id, error.message, at: node.keywordRange,
                              hint: hint ?? "a line of hours starts with days (`mon-fri`), `closed` or `holidays`")
            return nil
        }
    }

    /// One `HH:MM-HH:MM` value.
    func readTimeRange(_ reader: inout ArgumentReader, in node: Node) -> (TimeRange, SourceRange)? {
        guard let word = reader.word("a time range", hint: "e.g. `08:30-11:30`") else { return nil }
        switch ValueSyntax.timeRange(word.text) {
        case .success(let range): return (range, node.range(of: word))
        case .failure(let error):
            report(error, at: node.range(of: word))
            return nil
        }
    }

    /// `closed 2026-04-30, 2026-05-01`.
    func readDates(_ node: Node) -> [LocalDate] {
        var reader = node.reader(diagnostics)
        let dates = reader.list { reader -> LocalDate? in
            guard let word = reader.word("a date", hint: "e.g. `2026-04-30`") else { return nil }
            switch ValueSyntax.date(word.text) {
            case .success(let date): return date
            case .failure(let error):
                report(error, at: node.range(of: word))
                return nil
            }
        }
        reader.expectEnd()
        return dates
    }

    func overlaps(_ a: TimeRange, _ b: TimeRange) -> Bool {
        a.start < b.end && b.start < a.end
    }

    static func name(of day: Weekday) -> String {
        ValueSyntax.dayNames.first { $0.value == day }?.key ?? ""
    }
}
