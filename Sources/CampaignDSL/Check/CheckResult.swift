/// What checking a campaign file found: a spec when it has no errors, and every diagnostic.
public struct CheckResult: Sendable {
    /// The checked campaign; nil when there are errors.
    public let spec: CampaignSpec?
    /// Every problem found, sorted by file (the campaign file first, then its
    /// includes in the order read) and position.
    public let diagnostics: [Diagnostic]
    /// The texts read (the campaign and its includes), for rendering.
    public let sources: SourceFiles
    /// Every error and warning found, those not shown among ``diagnostics`` (past the caps) included.
    public let errorCount: Int
    public let warningCount: Int

    /// A result whose counts are those of `diagnostics`, unless the counts of everything found are given.
    public init(spec: CampaignSpec?, diagnostics: [Diagnostic], sources: SourceFiles,
                errorCount: Int? = nil, warningCount: Int? = nil) {
        self.spec = spec
        self.diagnostics = diagnostics
        self.sources = sources
        self.errorCount = errorCount ?? diagnostics.count { $0.severity == .error }
        self.warningCount = warningCount ?? diagnostics.count { $0.severity == .warning }
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
