extension SpecBuilder {
    /// `hours { mon-fri 08:30-11:30, 13:30-17:00  sat 09:00-12:00 }`.
    func readHours(_ node: Node) -> CallingHours {
        var weekly: [Weekday: [(range: TimeRange, source: SourceRange)]] = [:]
        var closed: Set<LocalDate> = []
        for child in node.children where !child.statement.isMalformed {
            guard checkBlock(of: child, required: false) else { continue }
            if child.keyword == "closed" {
                closed.formUnion(readDates(child))
                continue
            }
            guard let days = readDays(child) else { continue }
            var reader = child.reader(diagnostics)
            let ranges = reader.list { reader in readTimeRange(&reader, in: child) }
            reader.expectEnd()
            if ranges.isEmpty { continue }
            for day in days {
                for (range, source) in ranges {
                    if let other = weekly[day, default: []].first(where: { overlaps($0.range, range) }) {
                        diagnostics.error(
                            "overlapping-hours", "\(range) overlaps \(other.range) on \(Self.name(of: day))",
                            at: source, notes: ["\(other.range) is opened at \(describe(other.source))"],
                            hint: "join them into one range, or make them meet end to start")
                        continue
                    }
                    weekly[day, default: []].append((range, source))
                }
            }
        }
        return CallingHours(weekly: weekly.mapValues { $0.map(\.range).sorted { $0.start < $1.start } },
                            closedDates: closed)
    }

    /// The days a line of `hours` names in its keyword, or nil after reporting.
    private func readDays(_ node: Node) -> [Weekday]? {
        switch ValueSyntax.days(node.keyword) {
        case .success(let days): return days
        case .failure(let error):
            let hint = Suggestion.hint(for: node.keyword, in: ValueSyntax.dayWords + ["closed"])
            diagnostics.error(error.id, error.message, at: node.keywordRange,
                              hint: hint ?? "a line of hours starts with days, e.g. `mon-fri`, or `closed`")
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

    private func overlaps(_ a: TimeRange, _ b: TimeRange) -> Bool {
        a.start < b.end && b.start < a.end
    }

    static func name(of day: Weekday) -> String {
        ValueSyntax.dayNames.first { $0.value == day }?.key ?? ""
    }
}
