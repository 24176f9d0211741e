import CampaignDSL
import Foundation

/// The hours text messages may reach people, in each recipient's own zone; outside them a message
/// waits for the next opening. Correct across daylight-saving changes (wall-clock times).
struct QuietHours {
    let sendingHours: TimeRange
    private var calendars: [String: CallingCalendar] = [:]

    init(sendingHours: TimeRange) {
        self.sendingHours = sendingHours
    }

    /// When a message to someone in `zone` may go: `instant` itself when inside the sending hours,
    /// else the next opening. An unknown zone is read as UTC.
    mutating func earliestSend(atOrAfter instant: Date, zone: String?) -> Date {
        let name = zone ?? "UTC"
        let calendar = calendars[name] ?? CallingCalendar.daily(
            [sendingHours], timeZone: TimeZone(identifier: name) ?? TimeZone(secondsFromGMT: 0) ?? .current)
        calendars[name] = calendar
        guard let window = calendar.window(atOrAfter: instant) else { return instant }
        return max(window.start, instant)
    }
}
