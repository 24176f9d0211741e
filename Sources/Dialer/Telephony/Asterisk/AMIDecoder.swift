/// Turns the byte stream of a Manager Interface connection into messages.
///
/// Bytes may arrive in any fragments: a line or a message split anywhere is
/// put together. Lines end in CRLF (a bare LF is accepted); a blank line ends a
/// message. The first line of a connection is Asterisk's banner. Sizes are
/// bounded: a message with an over-long line, too many fields or too many
/// bytes, or a line that is not `Key: Value`, is skipped up to its blank line
/// and reported as ``Output/malformed(_:)``, never a trap.
struct AMIDecoder {
    /// Size bounds; a message beyond one of them is skipped.
    struct Limits: Sendable, Hashable {
        var lineBytes = 8 * 1024
        var fields = 512
        var messageBytes = 64 * 1024
    }

    enum Output: Sendable, Hashable {
        /// The first line of the connection, e.g. `Asterisk Call Manager/13.0.0`.
        case banner(String)
        case message(AMIMessage)
        /// A message was skipped; the reason names the bound or the fault, never the content.
        case malformed(String)
    }

    let limits: Limits
    private var line: [UInt8] = []
    private var lineTooLong = false
    private var fields: [(key: String, value: String)] = []
    private var messageBytes = 0
    /// Why the message being read is skipped, if it is.
    private var fault: String?
    private var expectingBanner = true

    init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads the next bytes and returns what they complete.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [Output] {
        var outputs: [Output] = []
        let read: Void? = bytes.withContiguousStorageIfAvailable { feed(buffer: $0, into: &outputs) }
        if read == nil {
            Array(bytes).withUnsafeBufferPointer { feed(buffer: $0, into: &outputs) }
        }
        return outputs
    }

    private mutating func feed(buffer: UnsafeBufferPointer<UInt8>, into outputs: inout [Output]) {
        var start = buffer.startIndex
        while start < buffer.endIndex {
            guard let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                append(buffer[start...])
                return
            }
            append(buffer[start..<newline])
            if let output = endLine() { outputs.append(output) }
            start = newline + 1
        }
    }

    /// Adds bytes to the current line, up to the line bound.
    private mutating func append(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        let room = limits.lineBytes - line.count
        if bytes.count <= room {
            line.append(contentsOf: bytes)
        } else {
            line.append(contentsOf: bytes.prefix(max(0, room)))
            lineTooLong = true
        }
    }

    private mutating func endLine() -> Output? {
        defer {
            line.removeAll(keepingCapacity: true)
            lineTooLong = false
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if line.isEmpty && !lineTooLong { return endMessage() }
        messageBytes += line.count + 2
        if fault != nil { return nil }
        if lineTooLong {
            fault = "a line longer than \(limits.lineBytes) bytes"
            return nil
        }
        if expectingBanner {
            expectingBanner = false
            if !line.contains(UInt8(ascii: ":")) || line.starts(with: Array("Asterisk Call Manager".utf8)) {
                messageBytes = 0
                return .banner(String(decoding: line, as: UTF8.self))
            }
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else {
            fault = "a line that is not 'Key: Value'"
            return nil
        }
        var valueStart = line.index(after: colon)
        while valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        var key = String(decoding: line[..<colon], as: UTF8.self)
        if key.first == " " || key.last == " " || key.contains("\t") { key = key.trimmingSpaces }
        fields.append((key, String(decoding: line[valueStart...], as: UTF8.self)))
        if fields.count > limits.fields {
            fault = "more than \(limits.fields) fields"
        } else if messageBytes > limits.messageBytes {
            fault = "more than \(limits.messageBytes) bytes"
        }
        return nil
    }

    private mutating func endMessage() -> Output? {
        expectingBanner = false
        defer {
            fields.removeAll(keepingCapacity: true)
            messageBytes = 0
            fault = nil
        }
        if let fault { return .malformed("skipped a message with \(fault)") }
        return fields.isEmpty ? nil : .message(AMIMessage(fields))
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
