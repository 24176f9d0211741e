/// Reads the values written as bare words: times, ranges, days, durations, dates, numbers.
enum ValueSyntax {
    /// `HH:MM`, 00:00 through 24:00.
    static func timeOfDay(_ text: String) -> Result<TimeOfDay, ValueError> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let hint = "write times as HH:MM, from 00:00 to 24:00"
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = digits(parts[0]), let minute = digits(parts[1])
        else {
            return .failure(ValueError(id: "invalid-time", message: "'\(text)' is not a time of day", hint: hint))
        }
        guard hour < 24 && minute < 60 || hour == 24 && minute == 0 else {
            return .failure(ValueError(id: "invalid-time", message: "'\(text)' is not a time of day", hint: hint))
        }
        return .success(TimeOfDay(hour: hour, minute: minute))
    }

    /// `HH:MM-HH:MM`, the start before the end.
    static func timeRange(_ text: String) -> Result<TimeRange, ValueError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return .failure(ValueError(
                id: "invalid-time-range", message: "'\(text)' is not a time range",
                hint: "write a range as HH:MM-HH:MM, e.g. 08:30-11:30"))
        }
        let start: TimeOfDay
        let end: TimeOfDay
        switch (timeOfDay(String(parts[0])), timeOfDay(String(parts[1]))) {
        case (.success(let s), .success(let e)): (start, end) = (s, e)
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        }
        guard start < end else {
            return .failure(ValueError(
                id: "empty-time-range", message: "the range '\(text)' ends before it starts",
                hint: start == end ? "a range needs a start before its end"
                    : "ranges cannot cross midnight: split it into \(start)-24:00 and 00:00-\(end)"))
        }
        return .success(TimeRange(start: start, end: end))
    }

    static let dayNames: [String: Weekday] = [
        "mon": .monday, "tue": .tuesday, "wed": .wednesday, "thu": .thursday,
        "fri": .friday, "sat": .saturday, "sun": .sunday,
    ]

    /// The day words `hours` accepts, for suggestions.
    static let dayWords = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "daily", "weekdays", "weekend"]

    /// `mon`, `mon-fri`, `daily`, `weekdays` or `weekend`.
    static func days(_ text: String) -> Result<[Weekday], ValueError> {
        switch text {
        case "daily": return .success(Weekday.allCases)
        case "weekdays": return .success([.monday, .tuesday, .wednesday, .thursday, .friday])
        case "weekend": return .success([.saturday, .sunday])
        default: break
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let days = parts.compactMap { dayNames[$0] }
        guard parts.count <= 2, days.count == parts.count else {
            let unknown = parts.first { dayNames[$0] == nil } ?? text
            return .failure(ValueError(
                id: "unknown-day", message: "unknown day '\(unknown)'",
                hint: Suggestion.hint(for: unknown, in: dayWords) ?? "days are mon tue wed thu fri sat sun"))
        }
        guard days.count == 2 else { return .success(days) }
        guard days[0] <= days[1] else {
            return .failure(ValueError(
                id: "invalid-day-range", message: "the day range '\(text)' runs backwards",
                hint: "write days Monday first, e.g. `mon-fri`; list a weekend as `sat-sun`"))
        }
        return .success(Weekday.allCases.filter { $0 >= days[0] && $0 <= days[1] })
    }

    /// `30s`, `10m`, `2h`, `1d`, `1h30m`: units in falling order, in seconds.
    static func duration(_ text: String) -> Result<Int, ValueError> {
        let failure = ValueError(
            id: "invalid-duration", message: "'\(text)' is not a duration",
            hint: "write a number and a unit (s, m, h, d), e.g. 30s, 10m, 2h, 1h30m")
        let units: [Character: Int] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        var total = 0
        var number = 0
        var digitCount = 0
        var lastUnit = Int.max
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                guard digitCount < 9 else { return .failure(failure) }
                number = number * 10 + digit
                digitCount += 1
            } else if let unit = units[character], digitCount > 0, unit < lastUnit {
                total += number * unit
                lastUnit = unit
                number = 0
                digitCount = 0
            } else {
                return .failure(failure)
            }
        }
        guard digitCount == 0, lastUnit != Int.max else { return .failure(failure) }
        return .success(total)
    }

    /// `YYYY-MM-DD`, a real calendar date.
    static func date(_ text: String) -> Result<LocalDate, ValueError> {
        let bytes = Array(text.utf8)
        let dash = UInt8(ascii: "-")
        guard bytes.count == 10, bytes[4] == dash, bytes[7] == dash,
              let year = digits(bytes[0..<4]), let month = digits(bytes[5..<7]), let day = digits(bytes[8..<10])
        else {
            return .failure(ValueError(id: "invalid-date", message: "'\(text)' is not a date",
                                       hint: "write dates as YYYY-MM-DD, e.g. 2026-03-02"))
        }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            return .failure(ValueError(id: "invalid-date", message: "'\(text)' is not a date in the calendar"))
        }
        return .success(LocalDate(year: year, month: month, day: day))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A whole number written in decimal digits (at most nine).
    static func integer(_ text: String) -> Int? {
        digits(Substring(text))
    }

    /// `3%` or `2.5%`, as a fraction of one hundred.
    static func percent(_ text: String) -> Result<Double, ValueError> {
        let failure = ValueError(id: "invalid-percent", message: "'\(text)' is not a percentage",
                                 hint: "write a percentage as a number and `%`, e.g. 3% or 2.5%")
        guard text.hasSuffix("%") else { return .failure(failure) }
        let number = text.dropLast()
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = digits(parts[0]) else { return .failure(failure) }
        var value = Double(whole)
        if parts.count == 2 {
            guard let fraction = digits(parts[1]) else { return .failure(failure) }
            value += Double(fraction) / pow10(parts[1].count)
        }
        guard value <= 100 else {
            return .failure(ValueError(id: "invalid-percent", message: "'\(text)' is more than 100%"))
        }
        return .success(value)
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    private static func digits(_ text: Substring) -> Int? {
        digits(ArraySlice(text.utf8))
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
