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
///
/// Only regular files count: a campaign that names a directory or a device
/// (`/dev/zero`) gets a diagnostic, never a hang.
public struct FileSystemEnvironment: CampaignEnvironment {
    /// The largest campaign or include file read, in bytes.
    public static let maximumSourceSize = 16 << 20

    public init() {}

    public func readSource(atPath path: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw SourceReadError(reason: "'\(path)' is not a regular file")
        }
        if let size = attributes[.size] as? Int, size > Self.maximumSourceSize {
            throw SourceReadError(reason: "'\(path)' is larger than \(Self.maximumSourceSize >> 20) MB")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return String(decoding: data, as: UTF8.self)
    }

    public func fileExists(atPath path: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return attributes?[.type] as? FileAttributeType == .typeRegular
    }

    public func csvHeader(atPath path: String, delimiter: UInt8?) throws -> [String]? { nil }
}

/// Why a campaign source was not read; its description is shown as a note.
public struct SourceReadError: Error, CustomStringConvertible {
    public let reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { reason }
}
