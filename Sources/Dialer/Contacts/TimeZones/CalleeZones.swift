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

    /// The stored form for people: "America/Boise or America/Los_Angeles".
    static func readable(_ stored: String) -> String {
        identifiers(stored).joined(separator: " or ")
    }
}
