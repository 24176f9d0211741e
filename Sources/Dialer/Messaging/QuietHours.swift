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

    /// When a message to someone in `zone` (``CalleeZones``: one or several) may go: `instant` itself when
    /// inside the sending hours in every zone, else the next time they are. An unknown zone is read as UTC.
    mutating func earliestSend(atOrAfter instant: Date, zone: String?) -> Date {
        let names = zone.map(CalleeZones.identifiers) ?? ["UTC"]
        var time = instant
        // Each zone can only move the time later; stop when a pass over them all moves nothing.
        for _ in 0..<8 {
            let before = time
            for name in names {
                let calendar = calendars[name] ?? CallingCalendar.daily(
                    [sendingHours], timeZone: TimeZone(identifier: name) ?? TimeZone(secondsFromGMT: 0) ?? .current)
                calendars[name] = calendar
                guard let window = calendar.window(atOrAfter: time) else { return time }
                time = max(window.start, time)
            }
            if time == before { break }
        }
        return time
    }
}
