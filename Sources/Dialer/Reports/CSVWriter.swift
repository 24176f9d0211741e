import Foundation

/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, or start or end with a space, quotes doubled.
/// Buffers in memory and writes in large blocks.
final class CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw EnvironmentError("cannot create \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    func writeRow(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            append(field)
        }
        buffer.append(contentsOf: [13, 10])
        if buffer.count >= Self.flushSize { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ field: String) {
        let bytes = field.utf8
        let needsQuotes = bytes.contains { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 }
            || bytes.first == 32 || bytes.last == 32
        guard needsQuotes else {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(34)
        for byte in bytes {
            if byte == 34 { buffer.append(34) }
            buffer.append(byte)
        }
        buffer.append(34)
    }
}
