import CampaignDSL
import Foundation

/// Lists written in another encoding than UTF-8 (`encoding windows-1252`) are
/// converted to a temporary UTF-8 copy, which the CSV reader then streams.
struct ListTranscoder {
    /// The path to read: the list itself when it is UTF-8, else a UTF-8 copy that `cleanUp` removes.
    let readablePath: String
    private let temporary: Bool

    init(path: String, encoding: TextEncodingName?) throws {
        guard let encoding, encoding != .utf8 else {
            readablePath = path
            temporary = false
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CompileError("\(path): cannot be read")
        }
        guard let text = String(data: data, encoding: Self.foundationEncoding(encoding)) else {
            throw CompileError("\(path): is not valid \(encoding.rawValue) text")
        }
        let copy = NSTemporaryDirectory() + "dialer-list-\(UUID().uuidString).csv"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: copy))
        } catch {
            throw EnvironmentError("cannot write a UTF-8 copy of \(path) to \(copy): \(error.localizedDescription)")
        }
        readablePath = copy
        temporary = true
    }

    func cleanUp() {
        if temporary { try? FileManager.default.removeItem(atPath: readablePath) }
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
