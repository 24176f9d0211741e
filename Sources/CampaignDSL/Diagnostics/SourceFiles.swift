/// One source text and the offsets where its lines start.
public struct SourceFile: Sendable {
    /// The path the file was read from (as shown in diagnostics).
    public let path: String
    /// The text, as read.
    public let text: String
    /// The text's UTF-8 bytes.
    let bytes: [UInt8]
    /// The byte offset at which each line starts; the first is 0.
    let lineStarts: [Int]
    /// How many UTF-8 continuation bytes come before each multiple of ``stride``, so a column is found
    /// without reading its whole line (a line may be a megabyte long, and have thousands of diagnostics).
    private let continuationsBefore: [Int]
    private static let stride = 64

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        var continuations = [0]
        continuations.reserveCapacity(bytes.count / Self.stride + 1)
        var count = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            if byte & 0xC0 == 0x80 { count += 1 }
            if (offset + 1) % Self.stride == 0 { continuations.append(count) }
        }
        self.lineStarts = starts
        self.continuationsBefore = continuations
    }

    /// The 1-based line and column of a byte offset. Columns count Unicode
    /// characters (scalars), as editors do, not bytes.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), bytes.count)
        let lineIndex = lineIndex(of: clamped)
        let start = lineStarts[lineIndex]
        // Continuation bytes (10xxxxxx) do not start a character.
        let column = 1 + (clamped - start) - (continuations(before: clamped) - continuations(before: start))
        return SourceLocation(line: lineIndex + 1, column: column)
    }

    /// The continuation bytes before `offset`: a checkpoint, then at most ``stride`` bytes read.
    private func continuations(before offset: Int) -> Int {
        let block = offset / Self.stride
        var count = continuationsBefore[block]
        for index in block * Self.stride..<offset where bytes[index] & 0xC0 == 0x80 { count += 1 }
        return count
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// A 1-based line and column.
public struct SourceLocation: Sendable, Hashable {
    public let line: Int
    public let column: Int
}

/// The source texts a check read, by path, for rendering diagnostics.
public struct SourceFiles: Sendable {
    private var files: [String: SourceFile] = [:]

    public init() {}

    /// Adds (or replaces) a file's text.
    public mutating func add(_ file: SourceFile) { files[file.path] = file }

    /// The file read from `path`, if it was read.
    public subscript(path: String) -> SourceFile? { files[path] }

    /// The paths of every file read.
    public var paths: [String] { files.keys.sorted() }
}
