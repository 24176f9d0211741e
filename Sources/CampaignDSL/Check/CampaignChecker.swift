/// Checks campaign files: the front door of `CampaignDSL`.
public enum CampaignChecker {
    /// Parses, resolves includes and checks one campaign file. Never throws,
    /// never traps: every problem is a diagnostic.
    public static func check(
        file path: String, environment: any CampaignEnvironment = FileSystemEnvironment()
    ) -> CheckResult {
        let diagnostics = DiagnosticCollector()
        let loader = SourceLoader(environment: environment, diagnostics: diagnostics)
        loader.loadCampaign(at: path)
        let builder = SpecBuilder(trees: loader.trees, sources: loader.sources, environment: environment,
                                  diagnostics: diagnostics)
        let spec = builder.build()
        let found = Set(diagnostics.all)
        return CheckResult(spec: diagnostics.hasErrors ? nil : spec, diagnostics: diagnostics.sorted(files: [path] + loader.trees.map(\.file)),
                           sources: loader.sources, errorCount: found.count { $0.severity == .error },
                           warningCount: found.count { $0.severity == .warning })
    }
}
