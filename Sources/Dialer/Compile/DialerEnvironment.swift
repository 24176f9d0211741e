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
}
