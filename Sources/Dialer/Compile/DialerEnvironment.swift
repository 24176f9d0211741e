public import CampaignDSL
import Foundation

/// The campaign environment of the real dialer: files from disk, and list headers
/// read with the same CSV reader that compiles the lists.
public struct DialerEnvironment: CampaignEnvironment {
    public init() {}

    public func readSource(atPath path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    public func fileExists(atPath path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public func csvHeader(atPath path: String, delimiter: UInt8?) throws -> [String]? {
        try CSVReader(path: path, delimiter: delimiter).header
    }
}
