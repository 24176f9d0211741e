import Foundation

/// Reads campaign sources and answers questions about the files a campaign names.
public protocol CampaignEnvironment: Sendable {
    /// The text of a campaign or include file.
    func readSource(atPath path: String) throws -> String
    /// Whether a file (a list, a DNC file) exists.
    func fileExists(atPath path: String) -> Bool
    /// The header names of a CSV list, or nil when this environment cannot tell
    /// (then column checks are skipped).
    func csvHeader(atPath path: String, delimiter: UInt8?) throws -> [String]?
}

/// Reads real files; knows no CSV (`csvHeader` returns nil). Dialer supplies a richer one.
public struct FileSystemEnvironment: CampaignEnvironment {
    public init() {}

    public func readSource(atPath path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return String(decoding: data, as: UTF8.self)
    }

    public func fileExists(atPath path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func csvHeader(atPath path: String, delimiter: UInt8?) throws -> [String]? { nil }
}
