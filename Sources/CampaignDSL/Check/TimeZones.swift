import Foundation

/// Validates IANA time zone names against the system's tzdata.
enum TimeZones {
    /// The canonical names the system knows, for suggestions.
    static let known: [String] = TimeZone.knownTimeZoneIdentifiers

    /// Whether `name` is an IANA zone name (`Area/City`, or `UTC`) the system can resolve.
    /// Only names shaped like zone names reach Foundation, which reads them as
    /// paths under the tzdata folder (`../../dev/zero` must never be opened).
    static func isValid(_ name: String) -> Bool {
        guard name == "UTC" || isZoneShaped(name) else { return false }
        return TimeZone(identifier: name) != nil
    }

    /// `Area/City` or `Area/Region/City`: parts that start with a letter and hold
    /// letters, digits, `_`, `-` and `+`.
    private static func isZoneShaped(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            guard let first = part.first, first.isASCII, first.isLetter, part.count <= 32 else { return false }
            return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-+".contains($0)) }
        }
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
