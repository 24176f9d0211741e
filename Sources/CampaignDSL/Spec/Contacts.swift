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

/// A CSV list's text encoding.
public enum TextEncodingName: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case latin1 = "latin-1"
    case windows1252 = "windows-1252"
    case utf16 = "utf-16"
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
