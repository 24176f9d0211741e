import CampaignDSL
import Dialer
import Foundation
import Testing

@Suite struct CallingCalendarTests {
    static func time(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m) }

    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    let weekdays = CallingCalendar(
        hours: CallingHours(
            weekly: [
                .monday: [TimeRange(start: time(8, 30), end: time(11, 30)), TimeRange(start: time(13, 30), end: time(17, 0))],
                .saturday: [TimeRange(start: time(9, 0), end: time(12, 0))],
            ],
            closedDates: [LocalDate(year: 2026, month: 3, day: 9)]),
        timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    @Test func openInsideARangeAndClosedOutside() {
        // Monday 2 March 2026 in Ho Chi Minh City (UTC+7).
        #expect(weekdays.isOpen(at: Self.instant("2026-03-02T08:30:00+07:00")))
        #expect(weekdays.isOpen(at: Self.instant("2026-03-02T11:29:59+07:00")))
        #expect(!weekdays.isOpen(at: Self.instant("2026-03-02T11:30:00+07:00")), "ranges are half-open")
        #expect(!weekdays.isOpen(at: Self.instant("2026-03-02T12:00:00+07:00")))
        #expect(!weekdays.isOpen(at: Self.instant("2026-03-03T09:00:00+07:00")), "Tuesday is closed")
    }

    @Test func theNextWindowSkipsClosedDaysAndDates() {
        let window = weekdays.window(atOrAfter: Self.instant("2026-03-07T12:30:00+07:00"))
        // Saturday's window has passed; Monday 9 March is a closed date; next is Saturday 14 March.
        #expect(window?.start == Self.instant("2026-03-14T09:00:00+07:00"))
        #expect(window?.end == Self.instant("2026-03-14T12:00:00+07:00"))
    }

    @Test func openSecondsAddUpTheWindows() {
        let seconds = weekdays.openSeconds(
            from: Self.instant("2026-03-02T00:00:00+07:00"), to: Self.instant("2026-03-08T00:00:00+07:00"))
        let expected: TimeInterval = (3 + 3.5 + 3) * 3600
        #expect(seconds == expected)
    }

    @Test func wallClockHoursHoldAcrossDaylightSavingChanges() {
        let everyDay = Dictionary(uniqueKeysWithValues: Weekday.allCases.map {
            ($0, [TimeRange(start: Self.time(9, 0), end: Self.time(17, 0))])
        })
        let newYork = CallingCalendar(hours: CallingHours(weekly: everyDay), timeZone: TimeZone(identifier: "America/New_York")!)
        // Clocks go forward on Sunday 8 March 2026 and back on Sunday 1 November 2026.
        #expect(newYork.window(atOrAfter: Self.instant("2026-03-07T20:00:00-05:00"))?.start
                == Self.instant("2026-03-08T09:00:00-04:00"))
        #expect(newYork.window(atOrAfter: Self.instant("2026-10-31T20:00:00-04:00"))?.start
                == Self.instant("2026-11-01T09:00:00-05:00"))
        #expect(!newYork.isOpen(at: Self.instant("2026-03-08T08:30:00-04:00")))
        #expect(newYork.isOpen(at: Self.instant("2026-03-08T16:59:00-04:00")))
    }

    /// 02:00–03:00 does not exist in New York on 8 March 2026: hours of 01:00–04:00 are two real hours.
    @Test func aSpringForwardGapInsideTheHoursShortensTheWindow() {
        let sunday = CallingCalendar(
            hours: CallingHours(weekly: [.sunday: [TimeRange(start: Self.time(1, 0), end: Self.time(4, 0))]]),
            timeZone: TimeZone(identifier: "America/New_York")!)
        let window = sunday.window(atOrAfter: Self.instant("2026-03-07T12:00:00-05:00"))
        #expect(window?.start == Self.instant("2026-03-08T01:00:00-05:00"))
        #expect(window?.end == Self.instant("2026-03-08T04:00:00-04:00"))
        #expect((window.map { $0.end.timeIntervalSince($0.start) } ?? 0).rounded() == 2 * 3600)
        #expect(sunday.isOpen(at: Self.instant("2026-03-08T03:30:00-04:00")))
        // Hours that start inside the gap open at its end.
        let inGap = CallingCalendar(
            hours: CallingHours(weekly: [.sunday: [TimeRange(start: Self.time(2, 30), end: Self.time(5, 0))]]),
            timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(inGap.window(atOrAfter: Self.instant("2026-03-07T12:00:00-05:00"))?.start
                == Self.instant("2026-03-08T03:00:00-04:00"))
    }

    /// 01:00–02:00 happens twice in New York on 1 November 2026: hours of 00:30–03:00 are three and a half real hours.
    @Test func aFallBackRepeatInsideTheHoursLengthensTheWindow() {
        let sunday = CallingCalendar(
            hours: CallingHours(weekly: [.sunday: [TimeRange(start: Self.time(0, 30), end: Self.time(3, 0))]]),
            timeZone: TimeZone(identifier: "America/New_York")!)
        let window = sunday.window(atOrAfter: Self.instant("2026-10-31T12:00:00-04:00"))
        #expect(window?.start == Self.instant("2026-11-01T00:30:00-04:00"))
        #expect(window?.end == Self.instant("2026-11-01T03:00:00-05:00"))
        #expect(window.map { $0.end.timeIntervalSince($0.start) } == 3.5 * 3600)
        #expect(sunday.isOpen(at: Self.instant("2026-11-01T01:30:00-04:00")), "the first 01:30")
        #expect(sunday.isOpen(at: Self.instant("2026-11-01T01:30:00-05:00")), "the repeated 01:30")
    }

    @Test func noHoursNeverOpens() {
        let closed = CallingCalendar(hours: CallingHours(weekly: [:]), timeZone: TimeZone(identifier: "UTC")!)
        #expect(closed.window(atOrAfter: Date(timeIntervalSince1970: 0)) == nil)
        #expect(!closed.isOpen(at: Date(timeIntervalSince1970: 0)))
    }
}
