public import Foundation
import CampaignDSL

/// Structured log lines in logfmt (`time=… level=info msg="…" key=value`), written
/// through a sink the caller chooses (stderr in `dialerd`, an array in tests).
///
/// Libraries take a `Logger` as a parameter; there is no global one. Phone
/// numbers go through ``phone(_:)``, which masks them unless numbers were
/// explicitly allowed in the logs.
public struct Logger: Sendable {
    /// The most detailed level written.
    public var level: LogLevel
    /// Whether phone numbers are written in full (off by default: they are personal data).
    public var showsNumbers: Bool
    private let sink: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    /// A logger writing lines at or above `level` to `sink`; `now` stamps them (the wall clock).
    public init(level: LogLevel, showsNumbers: Bool = false, now: @escaping @Sendable () -> Date = { Date() },
                sink: @escaping @Sendable (String) -> Void) {
        self.level = level
        self.showsNumbers = showsNumbers
        self.now = now
        self.sink = sink
    }

    /// A logger that writes nothing.
    public static let silent = Logger(level: .error) { _ in }

    /// Writes one line when `level` is enabled. Fields keep their order.
    public func log(_ level: LogLevel, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard level <= self.level else { return }
        var line = "time=\(Self.timestamp(now())) level=\(level.rawValue) msg=\(Self.quoted(message))"
        for (key, value) in fields { line += " \(key)=\(Self.quoted(value))" }
        sink(line)
    }

    /// Something failed: a campaign stopped, a file was not installed, the lease was lost.
    public func error(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.error, message, fields) }
    /// Something an operator should know about that did not stop the work.
    public func warning(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.warning, message, fields) }
    /// What the daemon is doing: compiles, merges, dialing starts and stops.
    public func info(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.info, message, fields) }
    /// Detail for finding a fault.
    public func debug(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.debug, message, fields) }

    /// A phone number as the logs may show it: masked (`+8490****567`) unless numbers are allowed.
    public func phone(_ number: String) -> String {
        showsNumbers ? number : PhoneMask.mask(number)
    }

    /// A value as logfmt writes it: bare when it is a plain word, else quoted with escapes.
    static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar != "\"" && scalar != "=" && scalar != "\\" && scalar.value != 0x7F
        }
        if plain { return value }
        return JSONString.literal(value)
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
