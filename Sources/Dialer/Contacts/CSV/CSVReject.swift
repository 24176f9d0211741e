/// A row that could not be read: reported to the user, never dropped silently.
struct CSVReject: Sendable, Hashable {
    /// The physical line where the row starts (the header is line 1).
    let line: Int
    /// Why the row was rejected, e.g. "wrong field count (expected 3, found 2)".
    let reason: String
    /// The row as written (invalid UTF-8 replaced by U+FFFD, cut to a few hundred bytes), without its line break.
    let text: String
}
