import Foundation

/// Reads an HTTP `Retry-After` header: a number of seconds, or an HTTP date.
enum RetryAfter {
    /// The longest wait a gateway may ask for; a later date is cut to this.
    static let longest: TimeInterval = 24 * 3_600

    /// Seconds to wait from `now`, or nil when the value is neither form. A date in the past is 0.
    static func seconds(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) {
            return seconds < 0 ? nil : min(TimeInterval(seconds), longest)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return min(max(0, date.timeIntervalSince(now)), longest)
    }
}
