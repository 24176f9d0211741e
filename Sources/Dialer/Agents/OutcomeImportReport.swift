/// One row of an imported call sheet that was not applied, and why.
public struct ImportRowError: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// The row's line in the file (the header is line 1).
    public let line: Int
    public let message: String

    /// `file:line: message`, as editors link it.
    public var description: String { "\(file):\(line): \(message)" }
}

/// What `dialerd agents import` did with a call sheet.
public struct OutcomeImportReport: Sendable, Hashable {
    /// Rows whose outcome was recorded now.
    public var applied = 0
    /// Rows recorded by an earlier import of the same sheet (left as they were).
    public var alreadyImported = 0
    /// Rows with no outcome filled in.
    public var blank = 0
    /// Rows refused, each with its line (a row may have several problems).
    public var errors: [ImportRowError] = []

    /// Whether some rows were refused.
    public var hasErrors: Bool { !errors.isEmpty }
}
