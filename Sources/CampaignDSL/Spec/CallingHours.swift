/// A day of the week, numbered as ISO 8601 does (Monday is 1).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A wall-clock time of day, in minutes since midnight (0 through 1440).
public struct TimeOfDay: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Minutes since midnight; 1440 stands for the end of the day.
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }
    public init(hour: Int, minute: Int) { self.minutes = hour * 60 + minute }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// `HH:MM`, as written in campaign files.
    public var description: String {
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        let m = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(h):\(m)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}

/// A half-open range of wall-clock time within one day: `start ..< end`.
public struct TimeRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    public func contains(_ time: TimeOfDay) -> Bool { start <= time && time < end }

    public var description: String { "\(start)-\(end)" }
}

/// A calendar date without a time or zone.
public struct LocalDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// When a campaign may place calls, read in the campaign's time zone.
public struct CallingHours: Sendable, Hashable, Codable {
    /// The open ranges of each weekday, sorted and not overlapping.
    /// A weekday that is absent is closed.
    public var weekly: [Weekday: [TimeRange]]
    /// Dates on which the campaign does not call at all.
    public var closedDates: Set<LocalDate>

    public init(weekly: [Weekday: [TimeRange]], closedDates: Set<LocalDate> = []) {
        self.weekly = weekly
        self.closedDates = closedDates
    }

    /// The open ranges of one weekday (empty when closed).
    public func ranges(on day: Weekday) -> [TimeRange] { weekly[day] ?? [] }
}
