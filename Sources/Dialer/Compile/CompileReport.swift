/// What compiling a campaign's lists produced, for `check`, `explain` and reports.
public struct CompileReport: Sendable, Hashable {
    /// Contacts stored (every row that was not rejected).
    public var contacts = 0
    /// Contacts with a number that can be dialed.
    public var dialable = 0
    /// Contacts whose numbers are all invalid.
    public var invalid = 0
    /// Contacts whose number another contact of the campaign already has.
    public var duplicates = 0
    /// Contacts whose number is on a Do-Not-Call list or prefix (never dialed).
    public var doNotCall = 0
    /// Rows the list's `where` filter left out.
    public var filteredOut = 0
    /// Contacts whose number's zone could not be known (the campaign's zone is used).
    public var unknownZone = 0
    /// Contacts whose number's prefix spans several zones (and whose list gives none), by their zones in
    /// ``CalleeZones`` stored form: they are called only when the laws hold in every one.
    public var severalZones: [String: Int] = [:]
    /// Rows that could not be read as contacts, with their list, line and reason.
    public var rejectedRows: [RejectedRow] = []
    /// Lines of the Do-Not-Call files that are neither numbers nor prefixes (ignored), with their file and line.
    public var ignoredDNCLines: [RejectedRow] = []

    public init() {}
}

/// A list row that could not be read as a contact, or a Do-Not-Call line that is not a number.
public struct RejectedRow: Sendable, Hashable {
    public let list: String
    public let line: Int
    public let reason: String
    public let text: String
}
