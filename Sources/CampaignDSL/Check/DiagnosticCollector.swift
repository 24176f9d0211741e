/// Gathers the diagnostics of one check.
final class DiagnosticCollector {
    private(set) var all: [Diagnostic] = []

    func append(contentsOf diagnostics: [Diagnostic]) { all.append(contentsOf: diagnostics) }

    func error(_ id: String, _ message: String, at range: SourceRange, notes: [String] = [], hint: String? = nil) {
        all.append(Diagnostic(severity: .error, id: id, message: message, range: range, notes: notes, hint: hint))
    }

    func warning(_ id: String, _ message: String, at range: SourceRange, notes: [String] = [], hint: String? = nil) {
        all.append(Diagnostic(severity: .warning, id: id, message: message, range: range, notes: notes, hint: hint))
    }

    var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file and position, each problem once.
    var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }.sorted { $0.range < $1.range }
    }
}
