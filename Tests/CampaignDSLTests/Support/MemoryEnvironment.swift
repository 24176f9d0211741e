import CampaignDSL

/// Campaign files and lists held in memory, for tests.
struct MemoryEnvironment: CampaignEnvironment {
    struct Missing: Error {}

    var sources: [String: String] = [:]
    /// Files that exist, with their CSV header when the test wants column checks.
    var files: [String: [String]?] = [:]
    /// What ``emptyCells(_:columns:)`` answers, by path (nil: cannot tell).
    var emptyCells: [String: EmptyCells] = [:]

    func readSource(atPath path: String) throws -> String {
        guard let text = sources[path] else { throw Missing() }
        return text
    }

    func fileExists(atPath path: String) -> Bool { files[path] != nil || sources[path] != nil }

    /// Problems ``listHeader(_:)`` throws, by path.
    var listProblems: [String: ListFileProblem] = [:]

    func listHeader(_ list: ListSpec) throws -> [String]? {
        if let problem = listProblems[list.path] { throw problem }
        guard let header = files[list.path] else { throw Missing() }
        return header
    }

    func emptyCells(_ list: ListSpec, columns: [String]) throws -> EmptyCells? {
        emptyCells[list.path].map { cells in EmptyCells(rows: cells.rows, empty: cells.empty.filter { columns.contains($0.key) }) }
    }
}
