import Foundation

/// Times as call sheets show them and agents write them: `2026-03-10 18:00` in the callee's own zone.
enum LocalTimeText {
    /// `instant` as `YYYY-MM-DD HH:MM` in `zone`.
    static func format(_ instant: Date, zone: TimeZone) -> String {
        let parts = calendar(zone).dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }

    /// The instant of `YYYY-MM-DD HH:MM` (or `YYYY-MM-DDTHH:MM`) in `zone`; nil when the text is not such a time.
    static func parse(_ text: String, zone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let halves = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard halves.count == 2 else { return nil }
        let day = halves[0].split(separator: "-", omittingEmptySubsequences: false)
        let time = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard day.count == 3, time.count == 2, day[0].count == 4, day[1].count == 2, day[2].count == 2,
              time[0].count == 2, time[1].count == 2,
              let year = Int(day[0]), let month = Int(day[1]), let date = Int(day[2]),
              let hour = Int(time[0]), let minute = Int(time[1]), hour < 24, minute < 60 else { return nil }
        let components = DateComponents(year: year, month: month, day: date, hour: hour, minute: minute)
        let calendar = calendar(zone)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
