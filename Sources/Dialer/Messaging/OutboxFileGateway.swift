import Foundation
import Synchronization

/// The gateway of a fresh checkout: each message becomes one JSON line in a file (mode 0600: it holds
/// phone numbers), written and flushed to disk before it counts as sent.
///
/// It honours idempotency keys itself: the keys already in the file are read when it opens, and a
/// message whose key is there is confirmed without writing it again.
final class OutboxFileGateway: MessageGateway {
    let path: String
    /// The keys in the file. The delivery makes one request at a time per route, so appends never overlap.
    private let keys: Mutex<Set<String>>

    /// One line of the file.
    struct Line: Codable {
        let key: String
        let at: Date
        let to: String
        let sender: String?
        let text: String
        let encoding: SMSEncoding
        let segments: Int
    }

    init(path: String) throws {
        self.path = path
        var keys: Set<String> = []
        if let data = FileManager.default.contents(atPath: path) {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let decoded = try? decoder.decode(Line.self, from: Data(line)) { keys.insert(decoded.key) }
            }
        }
        self.keys = Mutex(keys)
    }

    var honoursIdempotencyKey: Bool { true }

    func deliver(_ message: OutboxMessage, at now: Date) async -> DeliveryResult {
        if keys.withLock({ $0.contains(message.key) }) { return .delivered(status: nil) }
        let length = SMSLength(measuring: message.entry.body)
        let line = Line(key: message.key, at: now, to: message.entry.recipient, sender: message.entry.sender,
                        text: message.entry.body, encoding: length.encoding, segments: length.segments)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(line) else {
            return .rejected(status: nil, reason: "the message could not be written as JSON")
        }
        if let failure = append(Array(data)) {
            return .unknown(reason: failure)
        }
        keys.withLock { _ = $0.insert(message.key) }
        return .delivered(status: nil)
    }

    /// Appends one line and flushes it; a line left unfinished by an earlier failure is ended first.
    /// - Returns: why it failed, or nil.
    private func append(_ line: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return "cannot open \(path): \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        var bytes = line + [UInt8(ascii: "\n")]
        if endsMidLine(descriptor) { bytes.insert(UInt8(ascii: "\n"), at: 0) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
            offset += written
        }
        guard fsync(descriptor) == 0 else { return "cannot flush \(path): \(String(cString: strerror(errno)))" }
        return nil
    }

    private func endsMidLine(_ descriptor: Int32) -> Bool {
        var last: UInt8 = 0
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0, pread(descriptor, &last, 1, size - 1) == 1 else { return false }
        return last != UInt8(ascii: "\n")
    }
}
