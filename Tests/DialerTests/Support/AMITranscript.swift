@testable import Dialer
import Foundation

/// The real AMI conversation recorded from Asterisk (`Tests/DialerTests/Fixtures/`, see its README):
/// what Asterisk sent, byte for byte, without the client's `>>> sent` blocks.
enum AMITranscript {
    static let path = path(of: "ami-originate-transcript.txt")

    /// The path of a fixture in `Tests/DialerTests/Fixtures/`.
    static func path(of fixture: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(fixture)").path
    }

    /// Asterisk's side of the conversation, or nil when the fixture is not there.
    static func asteriskBytes(at path: String = path) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var output: [UInt8] = []
        var skipping = false
        for line in split(Array(data)) {
            if line == Array(">>> sent\r\n".utf8) {
                skipping = true
            } else if skipping {
                if line == Array("\r\n".utf8) { skipping = false }
            } else {
                output += line
            }
        }
        return output
    }

    /// Lines with their line ends.
    private static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes {
            current.append(byte)
            if byte == UInt8(ascii: "\n") {
                lines.append(current)
                current.removeAll()
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The messages Asterisk sent, decoded in one piece.
    static func messages(at path: String = path) -> [AMIMessage]? {
        guard let bytes = asteriskBytes(at: path) else { return nil }
        var decoder = AMIDecoder()
        return decoder.feed(bytes).compactMap { if case .message(let message) = $0 { message } else { nil } }
    }
}
