public import CampaignDSL
import Foundation

/// The campaign environment of the real dialer: sources and files as the
/// language's own file-system environment reads them (regular files only,
/// bounded size, exact positions for bad bytes), and list headers read with the
/// same CSV reader that compiles the lists.
public struct DialerEnvironment: CampaignEnvironment {
    private let files = FileSystemEnvironment()

    public init() {}

    public func readSource(atPath path: String) throws -> String {
        try files.readSource(atPath: path)
    }

    public func fileExists(atPath path: String) -> Bool {
        files.fileExists(atPath: path)
    }

    public func csvHeader(atPath path: String, delimiter: UInt8?) throws -> [String]? {
        try CSVReader(path: path, delimiter: delimiter).header
    }

    /// Reads the whole list once with the compiler's CSV reader; rejected rows are not counted.
    public func emptyCells(atPath path: String, delimiter: UInt8?, columns: [String]) throws -> EmptyCells? {
        let reader = try CSVReader(path: path, delimiter: delimiter)
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
