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

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based line and column of a byte offset. Columns count Unicode
    /// characters (scalars), as editors do, not bytes.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), bytes.count)
        let lineIndex = lineIndex(of: clamped)
        let start = lineStarts[lineIndex]
        var column = 1
        var index = start
        while index < clamped {
            // Continuation bytes (10xxxxxx) do not start a character.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: lineIndex + 1, column: column)
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
