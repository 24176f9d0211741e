import CampaignDSL
import Foundation

/// Small phrases for explaining a campaign to a person.
enum PlainWords {
    static let dayNames: [Weekday: String] = [
        .monday: "Mon", .tuesday: "Tue", .wednesday: "Wed", .thursday: "Thu", .friday: "Fri",
        .saturday: "Sat", .sunday: "Sun",
    ]

    /// "Mon–Fri 08:30–11:30, 13:30–17:00; Sat 09:00–12:00", consecutive days with the same ranges joined.
    static func hours(_ weekly: [Weekday: [TimeRange]]) -> String {
        var groups: [(first: Weekday, last: Weekday, ranges: [TimeRange])] = []
        for day in Weekday.allCases {
            guard let ranges = weekly[day], !ranges.isEmpty else { continue }
            if let last = groups.last, last.ranges == ranges, last.last.rawValue + 1 == day.rawValue {
                groups[groups.count - 1].last = day
            } else {
                groups.append((day, day, ranges))
            }
        }
        guard !groups.isEmpty else { return "never (no open hours)" }
        return groups.map { group in
            let days = group.first == group.last
                ? dayNames[group.first, default: ""]
                : "\(dayNames[group.first, default: ""])–\(dayNames[group.last, default: ""])"
            return days + " " + ranges(group.ranges)
        }.joined(separator: "; ")
    }

    /// "08:30–11:30, 13:30–17:00".
    static func ranges(_ ranges: [TimeRange]) -> String {
        ranges.map { "\($0.start)–\($0.end)" }.joined(separator: ", ")
    }

    /// "2 h", "10 min", "1 day", "1 h 30 min".
    static func duration(seconds: Int) -> String {
        if seconds == 0 { return "no wait" }
        if seconds % 86_400 == 0 { return seconds == 86_400 ? "1 day" : "\(seconds / 86_400) days" }
        var parts: [String] = []
        if seconds >= 3600 { parts.append("\(seconds / 3600) h") }
        if seconds % 3600 >= 60 { parts.append("\(seconds % 3600 / 60) min") }
        if seconds % 60 > 0 { parts.append("\(seconds % 60) s") }
        return parts.joined(separator: " ")
    }

    /// "1 contact", "3 contacts", "0 prefixes".
    static func count(_ n: Int, _ noun: String) -> String {
        guard n != 1 else { return "1 \(noun)" }
        let sibilant = ["s", "x", "z", "ch", "sh"].contains { noun.hasSuffix($0) }
        return "\(n) \(noun)\(sibilant ? "es" : "s")"
    }

    /// "42 characters, 1 SMS" or, when a character outside the GSM alphabet forces Unicode,
    /// "75 characters in Unicode because of “ệ” (70 fit in one SMS), sent as 2 SMS".
    static func smsLength(of text: String) -> String {
        let length = SMSLength(measuring: text)
        let composed = text.precomposedStringWithCanonicalMapping
        let characters = count(length.units, "character")
        let parts = "\(length.segments) SMS"
        guard length.encoding == .ucs2 else {
            return length.segments == 1 ? "\(characters), 1 SMS" : "\(characters), sent as \(parts) (160 fit in one)"
        }
        let culprit = composed.unicodeScalars.first { GSM7Alphabet.septets($0) == nil }.map { " because of “\($0)”" } ?? ""
        return "\(characters) in Unicode\(culprit) (70 fit in one SMS), sent as \(parts)"
    }

    /// A path with its `.` and `name/..` steps taken: "campaigns/../reports/x" is "reports/x".
    static func path(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    static func times(_ n: Int) -> String { n == 1 ? "once" : n == 2 ? "twice" : "\(n) times" }
}
