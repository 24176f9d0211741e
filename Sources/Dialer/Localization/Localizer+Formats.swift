public import Foundation

/// Numbers, percentages, dates and durations as the campaign's language writes them:
/// Vietnamese `1.234,5` and `06/12/2026 14:05`, Czech `1 234,5` and `6. 12. 2026 14:05`,
/// English `1,234.5` and `2026-12-06 14:05` (English is every campaign's default, whatever its
/// country, and year-month-day reads the same in all of them, where `12/06` does not).
extension Localizer {
    /// The locale whose separators numbers use.
    var locale: Locale {
        switch language {
        case .english: Locale(identifier: "en_US_POSIX")
        case .vietnamese: Locale(identifier: "vi_VN")
        case .czech: Locale(identifier: "cs_CZ")
        }
    }

    /// `1234.5` → `1,234.5` / `1.234,5` / `1 234,5`, with `decimals` places (at most `decimals`
    /// when `trimmed`: `3` rather than `3.0`).
    public func number(_ value: Double, decimals: Int = 0, trimmed: Bool = false) -> String {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSize = 3
        switch language {
        case .english: (formatter.groupingSeparator, formatter.decimalSeparator) = (",", ".")
        case .vietnamese: (formatter.groupingSeparator, formatter.decimalSeparator) = (".", ",")
        case .czech: (formatter.groupingSeparator, formatter.decimalSeparator) = ("\u{A0}", ",")
        }
        formatter.maximumFractionDigits = decimals
        formatter.minimumFractionDigits = trimmed ? 0 : decimals
        formatter.roundingMode = .halfUp
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// A whole number: `1234` → `1,234` / `1.234` / `1 234`.
    public func number(_ value: Int) -> String { number(Double(value)) }

    /// `0.0312` → `3.1 %` / `3,1 %`: one decimal, none when it is zero (`3 %`).
    public func percent(_ rate: Double) -> String { number(rate * 100, decimals: 1, trimmed: true) + " %" }

    /// A percentage already in percent (a cap of `2.5`) → `2.5 %` / `2,5 %`.
    public func percent(points: Double) -> String { number(points, decimals: 2, trimmed: true) + " %" }

    /// A date and time in the campaign's zone: `2026-12-06 14:05` / `06/12/2026 14:05` / `6. 12. 2026 14:05`.
    public func dateTime(_ date: Date) -> String { format(date, pattern: dateTimePattern) }

    /// A day: `2026-12-06` / `06/12/2026` / `6. 12. 2026`.
    public func date(_ date: Date) -> String { format(date, pattern: datePattern) }

    /// A day without its year, for chart labels: `12-06` / `06/12` / `6. 12.`.
    public func shortDate(_ date: Date) -> String {
        let pattern = switch language {
        case .english: "MM-dd"
        case .vietnamese: "dd/MM"
        case .czech: "d. M."
        }
        return format(date, pattern: pattern)
    }

    /// A day written `YYYY-MM-DD` (as reports keep days) in the language's form; the text itself
    /// when it is not such a day.
    public func day(_ text: String, short: Bool = false) -> String {
        guard let day = ReportRange.parseDay(text) else { return text }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
        else { return text }
        return short ? shortDate(noon) : date(noon)
    }

    /// ISO 8601 text (`2026-03-02T08:30:00+07:00`, as summary.json keeps instants) as ``dateTime(_:)``;
    /// the text itself when it is not ISO 8601.
    public func dateTime(iso text: String) -> String {
        let parser = ISO8601DateFormatter()
        return parser.date(from: text).map(dateTime) ?? text
    }

    /// `3725` seconds → `1 h 02 min` / `1 giờ 02 phút`; under an hour `12 min`.
    public func duration(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        guard minutes >= 60 else { return text(.durationMinutes, ["minutes": String(minutes)]) }
        return text(.durationHoursMinutes, ["hours": String(minutes / 60), "minutes": String(format: "%02d", minutes % 60)])
    }

    /// The Excel number format of a date and time in this language (`dd/mm/yyyy hh:mm:ss`).
    var spreadsheetDateTimeFormat: String {
        switch language {
        case .english: "yyyy-mm-dd hh:mm:ss"
        case .vietnamese: "dd/mm/yyyy hh:mm:ss"
        case .czech: "d. m. yyyy h:mm:ss"
        }
    }

    private var dateTimePattern: String {
        switch language {
        case .english: "yyyy-MM-dd HH:mm"
        case .vietnamese: "dd/MM/yyyy HH:mm"
        case .czech: "d. M. yyyy H:mm"
        }
    }

    private var datePattern: String {
        switch language {
        case .english: "yyyy-MM-dd"
        case .vietnamese: "dd/MM/yyyy"
        case .czech: "d. M. yyyy"
        }
    }

    private func format(_ date: Date, pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
