import Foundation

/// Validates IANA time zone names against the system's tzdata.
enum TimeZones {
    /// The canonical names the system knows, for suggestions.
    static let known: [String] = TimeZone.knownTimeZoneIdentifiers

    /// Whether `name` is an IANA zone name (`Area/City`, or `UTC`) the system can resolve.
    static func isValid(_ name: String) -> Bool {
        guard name == "UTC" || name.contains("/") else { return false }
        return TimeZone(identifier: name) != nil
    }

    /// A hint for a name that is not valid: a different case, a bare city, or a near spelling.
    static func hint(for name: String) -> String {
        let lowered = name.lowercased()
        if let match = known.first(where: { $0.lowercased() == lowered || $0.lowercased().hasSuffix("/" + lowered) }) {
            return "did you mean `\(match)`?"
        }
        return Suggestion.hint(for: name, in: known) ?? "use an IANA name such as `Asia/Ho_Chi_Minh` or `Europe/London`"
    }
}
