public import CampaignDSL
public import Foundation

/// Answers "may we call now?" and "when next?" for weekly hours read in one time zone.
///
/// Ranges are wall-clock times: 08:00–20:00 stays 08:00–20:00 local time on the
/// days daylight-saving time begins or ends.
public struct CallingCalendar: Sendable {
    /// How far ahead ``window(atOrAfter:)`` looks before it gives up.
    public static let horizonDays = 400

    public let hours: CallingHours
    public let timeZone: TimeZone
    /// The days the campaign runs, if limited.
    public let dates: DateRange?
    private let calendar: Calendar

    public init(hours: CallingHours, timeZone: TimeZone, dates: DateRange? = nil) {
        self.hours = hours
        self.timeZone = timeZone
        self.dates = dates
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Whether `instant` falls inside an open range.
    public func isOpen(at instant: Date) -> Bool {
        guard let window = window(atOrAfter: instant) else { return false }
        return window.start <= instant
    }

    /// The open window that contains `instant`, or else the next one to open;
    /// nil when nothing opens within ``horizonDays``.
    public func window(atOrAfter instant: Date) -> DateInterval? {
        var start = calendar.dateComponents([.year, .month, .day], from: instant)
        if let dates, let year = start.year, let month = start.month, let day = start.day {
            let today = LocalDate(year: year, month: month, day: day)
            if today > dates.last { return nil }
            if today < dates.first {
                start = DateComponents(year: dates.first.year, month: dates.first.month, day: dates.first.day)
            }
        }
        guard let firstDay = calendar.date(from: start) else { return nil }
        for offset in 0...Self.horizonDays {
            guard let day = calendar.date(byAdding: .day, value: offset, to: firstDay) else { return nil }
            for window in windows(on: day) where window.end > instant {
                return window
            }
        }
        return nil
    }

    /// Seconds of open time between two instants.
    public func openSeconds(from start: Date, to end: Date) -> TimeInterval {
        var total: TimeInterval = 0
        var cursor = start
        while cursor < end, let window = window(atOrAfter: cursor), window.start < end {
            let from = max(window.start, cursor)
            let to = min(window.end, end)
            total += to.timeIntervalSince(from)
            cursor = window.end
        }
        return total
    }

    /// Ranges that apply every day of the week (a callee's legal window).
    public static func daily(_ ranges: [TimeRange], timeZone: TimeZone) -> CallingCalendar {
        CallingCalendar(
            hours: CallingHours(weekly: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, ranges) })),
            timeZone: timeZone)
    }

    /// The open windows of the local day that begins at `midnight`, in order.
    private func windows(on midnight: Date) -> [DateInterval] {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: midnight)
        guard let year = parts.year, let month = parts.month, let dayOfMonth = parts.day,
              let gregorianWeekday = parts.weekday else { return [] }
        let date = LocalDate(year: year, month: month, day: dayOfMonth)
        if hours.closedDates.contains(date) || dates.map({ !$0.contains(date) }) == true { return [] }
        // Foundation numbers Sunday 1 … Saturday 7; ISO numbers Monday 1 … Sunday 7.
        guard let weekday = Weekday(rawValue: (gregorianWeekday + 5) % 7 + 1) else { return [] }
        return hours.ranges(on: weekday).compactMap { range in
            guard let start = instant(year: year, month: month, day: dayOfMonth, time: range.start),
                  let end = instant(year: year, month: month, day: dayOfMonth, time: range.end),
                  start < end else { return nil }
            return DateInterval(start: start, end: end)
        }
    }

    /// The instant a local wall-clock time names; 24:00 is the next midnight.
    /// A time skipped by a spring-forward change resolves to the first instant after the gap.
    private func instant(year: Int, month: Int, day: Int, time: TimeOfDay) -> Date? {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = 0
        components.minute = 0
        guard let midnight = calendar.date(from: components) else { return nil }
        if time.minutes == 0 { return midnight }
        if time.minutes >= 24 * 60 {
            return calendar.date(byAdding: .day, value: 1, to: midnight)
        }
        components.hour = time.hour
        components.minute = time.minute
        guard let resolved = calendar.date(from: components) else { return nil }
        let local = calendar.dateComponents([.hour, .minute], from: resolved)
        guard local.hour != time.hour || local.minute != time.minute else { return resolved }
        // The time fell in a spring-forward gap (Foundation moved it on by the gap's length).
        let transition = calendar.timeZone.nextDaylightSavingTimeTransition(after: midnight)
        return transition.map { min($0, resolved) } ?? resolved
    }
}
