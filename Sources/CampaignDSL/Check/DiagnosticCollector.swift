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

    /// The most diagnostics a check returns; past it, one note says how many more there were.
    static let limit = 500

    /// Each problem once, at most `limit` of them, sorted by file (in `files`
    /// order: the campaign file first, then its includes as read) and position.
    func sorted(files: [String]) -> [Diagnostic] {
        var rank: [String: Int] = [:]
        for (index, file) in files.enumerated() where rank[file] == nil { rank[file] = index }
        func key(_ diagnostic: Diagnostic) -> (Int, String, Int, Int) {
            let range = diagnostic.range
            return (rank[range.file] ?? files.count, range.file, range.start, range.end)
        }
        var seen = Set<Diagnostic>()
        let unique = all.filter { seen.insert($0).inserted }.sorted { key($0) < key($1) }
        guard unique.count > Self.limit, let last = unique.prefix(Self.limit).last else { return unique }
        let more = Diagnostic(severity: .note, id: "too-many-diagnostics",
                              message: "\(unique.count - Self.limit) more problems are not shown", range: last.range,
                              hint: "fix the first ones and check again")
        return Array(unique.prefix(Self.limit)) + [more]
    }
}
