/// A span of one source file, kept as UTF-8 byte offsets (`start ..< end`).
///
/// Offsets are turned into line and column only when a diagnostic is printed.
public struct SourceRange: Sendable, Hashable {
    /// The file's path, as the checker read it.
    public let file: String
    /// The offset of the first byte.
    public let start: Int
    /// The offset just past the last byte; equal to `start` for a point.
    public let end: Int

    public init(file: String, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// An empty range at `offset`, where something missing was expected.
    public static func point(_ file: String, _ offset: Int) -> SourceRange {
        SourceRange(file: file, start: offset, end: offset)
    }

    /// The smallest range covering both (same file assumed).
    func union(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }
}
