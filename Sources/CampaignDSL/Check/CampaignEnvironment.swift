import Foundation

/// Reads campaign sources and answers questions about the files a campaign names.
public protocol CampaignEnvironment: Sendable {
    /// The text of a campaign or include file.
    func readSource(atPath path: String) throws -> String
    /// Whether a file (a list, a DNC file) exists.
    func fileExists(atPath path: String) -> Bool
    /// The header names of a list (read with its delimiter, encoding and sheet), or nil when this environment
    /// cannot tell (then column checks are skipped). Throws ``ListFileProblem`` when the file is not text in its
    /// encoding or has no such sheet: the checker reports those at the list's line.
    func listHeader(_ list: ListSpec) throws -> [String]?
    /// How many rows of a list leave each of `columns` empty (blank once trimmed), and how many rows
    /// were read; nil when this environment cannot tell (then the check is skipped).
    func emptyCells(_ list: ListSpec, columns: [String]) throws -> EmptyCells?
}

/// What ``CampaignEnvironment/emptyCells(_:columns:)`` counted in a list.
public struct EmptyCells: Sendable, Hashable {
    /// The well-formed rows read.
    public var rows: Int
    /// Rows with an empty cell, by column name as asked.
    public var empty: [String: Int]

    public init(rows: Int, empty: [String: Int]) {
        self.rows = rows
        self.empty = empty
    }
}

/// Reads real files; knows no list format (`listHeader` returns nil). Dialer supplies a richer one.
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

    public func listHeader(_ list: ListSpec) throws -> [String]? { nil }

    public func emptyCells(_ list: ListSpec, columns: [String]) throws -> EmptyCells? { nil }
}

/// Why a campaign source was not read; its description is shown as a note.
public struct SourceReadError: Error, CustomStringConvertible {
    public let reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { reason }
}
