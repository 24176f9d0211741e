/// What reading a daemon config found: the config when it has no errors, and every diagnostic.
public struct DaemonConfigCheck: Sendable {
    /// The config; nil when there are errors.
    public let config: DaemonConfig?
    /// Every problem found, sorted by position.
    public let diagnostics: [Diagnostic]
    /// The text read, for rendering the diagnostics.
    public let sources: SourceFiles

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
