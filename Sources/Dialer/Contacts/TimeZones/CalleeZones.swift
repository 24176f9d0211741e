import Foundation

/// A callee's time zones as stored with the contact (`contacts.time_zone`): one IANA identifier, or several
/// joined by "," when the number's prefix spans zones and the list gives no zone of its own. Every law on the
/// callee's local time must hold in each of them (the conservative reading of the US and UK rules).
enum CalleeZones {
    /// The stored form of `zones`.
    static func stored(_ zones: [String]) -> String {
        zones.joined(separator: ",")
    }

    /// The identifiers in a stored form.
    static func identifiers(_ stored: String) -> [String] {
        stored.split(separator: ",").map(String.init)
    }

    /// The zone shown to people (the callee's local time on a desk, a callback typed by an agent): the first.
    static func primary(_ stored: String) -> TimeZone? {
        identifiers(stored).first.flatMap(TimeZone.init(identifier:))
    }

    /// Whether two zones keep the same time on every day of the year from `time` (Asia/Bangkok and
    /// Asia/Ho_Chi_Minh; Europe/Guernsey and Europe/London): the same zone for every law on local time.
    static func keepSameTime(_ first: TimeZone, _ second: TimeZone, around time: Date) -> Bool {
        dailyOffsets(first, around: time) == dailyOffsets(second, around: time)
    }

    /// The zone's offset from UTC at this time of day on each day of the coming year.
    static func dailyOffsets(_ zone: TimeZone, around time: Date) -> [Int] {
        (0..<366).map { day in zone.secondsFromGMT(for: time.addingTimeInterval(TimeInterval(day * 86_400))) }
    }

    /// The stored form for people: "America/Boise or America/Los_Angeles".
    static func readable(_ stored: String) -> String {
        identifiers(stored).joined(separator: " or ")
    }
}
