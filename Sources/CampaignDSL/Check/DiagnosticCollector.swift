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
    /// The most diagnostics of one id a check returns; past it, one note after the last says how many more.
    static let limitPerKind = 20

    /// Each problem once, at most `limitPerKind` of one id and `limit` in all, sorted by file (in `files`
    /// order: the campaign file first, then its includes as read) and position.
    func sorted(files: [String]) -> [Diagnostic] {
        var rank: [String: Int] = [:]
        for (index, file) in files.enumerated() where rank[file] == nil { rank[file] = index }
        func key(_ diagnostic: Diagnostic) -> (Int, String, Int, Int) {
            let range = diagnostic.range
            return (rank[range.file] ?? files.count, range.file, range.start, range.end)
        }
        var seen = Set<Diagnostic>()
        let unique = Self.cappingEachKind(all.filter { seen.insert($0).inserted }.sorted { key($0) < key($1) })
        guard unique.count > Self.limit, let last = unique.prefix(Self.limit).last else { return unique }
        let more = Diagnostic(severity: .note, id: "too-many-diagnostics",
                              message: "\(unique.count - Self.limit) more problems are not shown", range: last.range,
                              hint: "fix the first ones and check again")
        return Array(unique.prefix(Self.limit)) + [more]
    }

    /// The first `limitPerKind` diagnostics of each id, the last of them followed by a note counting the rest.
    private static func cappingEachKind(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var total: [String: Int] = [:]
        for diagnostic in diagnostics { total[diagnostic.id, default: 0] += 1 }
        guard total.values.contains(where: { $0 > limitPerKind }) else { return diagnostics }
        var shown: [String: Int] = [:]
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            shown[diagnostic.id, default: 0] += 1
            let count = shown[diagnostic.id] ?? 0
            guard count <= limitPerKind else { continue }
            kept.append(diagnostic)
            let hidden = (total[diagnostic.id] ?? 0) - limitPerKind
            if count == limitPerKind, hidden > 0 {
                kept.append(Diagnostic(severity: .note, id: "too-many-diagnostics",
                                       message: "and \(grouped(hidden)) more [\(diagnostic.id)] not shown",
                                       range: diagnostic.range, hint: "fix these and check again"))
            }
        }
        return kept
    }

    /// `79500` → `79,500`.
    private static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }
}
