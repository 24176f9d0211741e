/// One problem found in a campaign, with where it is and how to fix it.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a diagnostic is; only errors stop a campaign from compiling.
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public let severity: Severity
    /// A stable identifier, e.g. `unknown-keyword`; tools may match on it.
    public let id: String
    public let message: String
    /// Where the problem is.
    public let range: SourceRange
    /// Further facts, printed after the source excerpt.
    public let notes: [String]
    /// How to fix it, e.g. "did you mean `timezone`?".
    public let hint: String?

    public init(
        severity: Severity,
        id: String,
        message: String,
        range: SourceRange,
        notes: [String] = [],
        hint: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.range = range
        self.notes = notes
        self.hint = hint
    }
}
