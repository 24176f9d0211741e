public import CampaignDSL
import Foundation

/// The campaign environment of the real dialer: sources and files as the
/// language's own file-system environment reads them (regular files only,
/// bounded size, exact positions for bad bytes), and list headers read with the
/// same readers (CSV in its encoding, Excel sheets) that compile the lists.
public struct DialerEnvironment: CampaignEnvironment {
    private let files = FileSystemEnvironment()

    public init() {}

    public func readSource(atPath path: String) throws -> String {
        try files.readSource(atPath: path)
    }

    public func fileExists(atPath path: String) -> Bool {
        files.fileExists(atPath: path)
    }

    /// The list's header, read as the compiler reads the list; a text list is read whole first, to find bytes that
    /// are not text in its encoding (``ListFileProblem``).
    public func listHeader(_ list: ListSpec) throws -> [String]? {
        try ListFile.checkedHeader(list)
    }

    /// Reads the whole list once with the compiler's reader; rejected rows are not counted.
    public func emptyCells(_ list: ListSpec, columns: [String]) throws -> EmptyCells? {
        let reader = try ListFile.open(list)
        let indices = columns.compactMap { column in reader.columnIndex(named: column).map { (column, $0) } }
        var cells = EmptyCells(rows: 0, empty: [:])
        while let row = reader.next() {
            guard case .record(let record) = row else { continue }
            cells.rows += 1
            for (column, index) in indices where CSVReader.trimmed(record.fields[index]).isEmpty {
                cells.empty[column, default: 0] += 1
            }
        }
        return cells
    }
}
