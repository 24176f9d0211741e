/// What recompiling a changed campaign did to the contacts already in the store.
public struct MergeReport: Sendable, Hashable {
    /// Contacts new in the lists, added with a job.
    public var added = 0
    /// Contacts gone from the lists whose job was still pending: cancelled, history kept.
    public var cancelled = 0
    /// Contacts cancelled by an earlier merge that are back in the lists: pending again.
    public var restored = 0
    /// Pending contacts whose number is now on a Do-Not-Call list or prefix.
    public var blocked = 0
    /// Contacts found in both the store and the lists (their fields refreshed, history kept).
    public var kept = 0
    /// Rows that could not be read as contacts.
    public var rejectedRows: [RejectedRow] = []

    public init() {}
}
