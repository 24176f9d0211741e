/// An extra column of a list, under the name templates and reports use.
public struct ListField: Sendable, Hashable, Codable {
    /// The name in templates: `{plan}`.
    public var name: String
    /// The CSV header.
    public var column: String

    public init(name: String, column: String) {
        self.name = name
        self.column = column
    }
}

/// `where column "Status" is "active"`: only rows whose column has (or has not) the value are called.
public struct RowFilter: Sendable, Hashable, Codable {
    public var column: String
    public var value: String
    /// `is not`: keep rows whose column differs from the value.
    public var negated: Bool

    public init(column: String, value: String, negated: Bool = false) {
        self.column = column
        self.value = value
        self.negated = negated
    }

    /// Whether a row with `cell` in the filter's column is kept.
    public func keeps(_ cell: String) -> Bool { (cell == value) != negated }
}

/// A CSV list's text encoding: the code pages office tools write, read through iconv.
public enum TextEncodingName: String, Sendable, Hashable, Codable, CaseIterable {
    /// The default; a byte-order mark is skipped.
    case utf8 = "utf-8"
    /// Little- or big-endian, by the byte-order mark (Excel's "Unicode text"), else by where the NUL bytes are.
    case utf16 = "utf-16"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// Vietnamese Windows: tone marks as combining characters, composed to single letters (NFC) when read.
    case windows1258 = "windows-1258"
    /// Central European Windows: Czech, Slovak, Polish, Hungarian, Romanian.
    case windows1250 = "windows-1250"
    /// Central European ISO (older Unix and web exports).
    case iso88592 = "iso-8859-2"
    /// Western European Windows (Excel's "CSV" on an English, French, Spanish… Windows).
    case windows1252 = "windows-1252"
    /// ISO-8859-1.
    case latin1 = "latin-1"

    /// The name people know the encoding by, e.g. "Windows-1258 (Vietnamese)".
    public var title: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16: "UTF-16"
        case .utf16LE: "UTF-16 little-endian"
        case .utf16BE: "UTF-16 big-endian"
        case .windows1258: "Windows-1258 (Vietnamese)"
        case .windows1250: "Windows-1250 (Central European)"
        case .iso88592: "ISO-8859-2 (Central European)"
        case .windows1252: "Windows-1252 (Western European)"
        case .latin1: "Latin-1 (ISO-8859-1)"
        }
    }
}

/// Why a list cannot be read as its campaign describes it; the checker reports it at the list's line.
public enum ListFileProblem: Error, Sendable, Hashable {
    /// The file is not text in `encoding` (the first bad bytes are on `line` of the file); `likely` is the
    /// encoding its bytes look like, when one fits.
    case notText(encoding: TextEncodingName, line: Int, likely: TextEncodingName?)
    /// The workbook has no sheet of this name; `sheets` are the ones it has.
    case noSheet(String, sheets: [String])
}

extension ListFileProblem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notText(let encoding, let line, let likely):
            "the file is not \(encoding.title) text (line \(line))" + (likely.map { "; it looks like \($0.title)" } ?? "")
        case .noSheet(let sheet, let sheets):
            "the workbook has no sheet '\(sheet)' (its sheets: " + sheets.map { "'\($0)'" }.joined(separator: ", ") + ")"
        }
    }
}

/// A do-not-call file: numbers one per line, or one column of a CSV file.
public struct DNCList: Sendable, Hashable, Codable {
    /// The file's path, resolved against the file that names it.
    public var path: String
    /// The CSV column holding numbers; nil for one number per line.
    public var column: String?
    /// The CSV delimiter, when not a comma.
    public var delimiter: UInt8?
    /// Whether this file is the copy of the national do-not-call register.
    public var isNationalRegister: Bool

    public init(path: String, column: String? = nil, delimiter: UInt8? = nil, isNationalRegister: Bool = false) {
        self.path = path
        self.column = column
        self.delimiter = delimiter
        self.isNationalRegister = isNationalRegister
    }
}

/// A named group of agents.
public struct Team: Sendable, Hashable, Codable {
    public var name: String
    public var agents: [Agent]

    public init(name: String, agents: [Agent]) {
        self.name = name
        self.agents = agents
    }
}

/// One agent: an id (as the telephony system and lists name them) and a display name.
public struct Agent: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?

    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name
    }
}
