import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes rejected rows to a CSV file `line,reason,row` (RFC 4180-quoted), created lazily on the first reject,
/// so a clean import leaves no file behind.
final class RejectsWriter {
    /// The file written.
    let path: String
    /// How many rejects have been written.
    private(set) var count = 0

    private var descriptor: Int32 = -1
    private var pending: [UInt8] = []
    private static let flushThreshold = 64 * 1024

    /// Prepares to write rejects to `path`; nothing is created until the first ``write(_:)``.
    init(path: String) {
        self.path = path
    }

    deinit {
        if descriptor >= 0 {
            try? flush()
            Glibc.close(descriptor)
        }
    }

    /// Appends one reject, creating the file with its header line first if needed.
    func write(_ reject: CSVReject) throws {
        if descriptor < 0 {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd < 0 { throw CSVError(path: path, problem: .cannotWrite(SystemCallError.lastError("open").reason)) }
            descriptor = fd
            pending.append(contentsOf: "line,reason,row\r\n".utf8)
        }
        pending.append(contentsOf: String(reject.line).utf8)
        pending.append(UInt8(ascii: ","))
        RejectsWriter.appendField(reject.reason, to: &pending)
        pending.append(UInt8(ascii: ","))
        RejectsWriter.appendField(reject.text, to: &pending)
        pending.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        count += 1
        if pending.count >= RejectsWriter.flushThreshold { try flush() }
    }

    /// Writes what is buffered and closes the file. Safe to call when nothing was written, and more than once.
    func close() throws {
        guard descriptor >= 0 else { return }
        defer {
            Glibc.close(descriptor)
            descriptor = -1
        }
        try flush()
    }

    private func flush() throws {
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { bytes in
                Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw CSVError(path: path, problem: .cannotWrite(SystemCallError.lastError("write").reason))
            }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Appends `text` as one CSV field, quoted when it holds a delimiter, a quote or a line break.
    static func appendField(_ text: String, to out: inout [UInt8]) {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard needsQuotes else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
