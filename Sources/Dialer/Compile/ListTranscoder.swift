import CampaignDSL
import Foundation

/// Lists written in another encoding than UTF-8 (`encoding windows-1252`) are
/// converted to a temporary UTF-8 copy, which the CSV reader then streams.
///
/// The copy is readable by its owner only (0600, whatever the umask), and on Linux its
/// name is removed as soon as it is written: it is read through the open descriptor
/// (`/proc/self/fd/N`), so a process that dies leaves no copy of the list behind.
struct ListTranscoder {
    /// The path to read: the list itself when it is UTF-8, else the UTF-8 copy, until `cleanUp`.
    let readablePath: String
    private let temporary: Bool
    /// The copy's open descriptor (-1 for a UTF-8 list).
    private let descriptor: Int32

    init(path: String, encoding: TextEncodingName?) throws {
        guard let encoding, encoding != .utf8 else {
            readablePath = path
            temporary = false
            descriptor = -1
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CompileError("\(path): cannot be read")
        }
        guard let text = String(data: data, encoding: Self.foundationEncoding(encoding)) else {
            throw CompileError("\(path): is not valid \(encoding.rawValue) text")
        }
        let copy = NSTemporaryDirectory() + "dialer-list-\(UUID().uuidString).csv"
        let descriptor = open(copy, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw EnvironmentError("cannot write a UTF-8 copy of \(path) to \(copy): \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(copy)
                throw EnvironmentError("cannot write a UTF-8 copy of \(path) to \(copy): \(reason)")
            }
            written += count
        }
        self.descriptor = descriptor
        #if os(Linux)
        unlink(copy)
        readablePath = "/proc/self/fd/\(descriptor)"
        #else
        readablePath = copy
        #endif
        temporary = true
    }

    /// Closes and removes the UTF-8 copy, if one was made.
    func cleanUp() {
        guard temporary else { return }
        #if !os(Linux)
        unlink(readablePath)
        #endif
        close(descriptor)
    }

    private static func foundationEncoding(_ name: TextEncodingName) -> String.Encoding {
        switch name {
        case .utf8: .utf8
        case .latin1: .isoLatin1
        case .windows1252: .windowsCP1252
        case .utf16: .utf16
        }
    }
}
