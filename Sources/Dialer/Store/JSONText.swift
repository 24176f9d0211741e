import Foundation

/// Compact JSON text for the string arrays the store keeps (list headers, contact fields).
enum JSONText {
    static func encode(_ strings: [String]) -> String {
        var bytes: [UInt8] = []
        append(strings, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the compact JSON array of `strings` as UTF-8 (the text of ``encode(_:)``), without making a String.
    static func append(_ strings: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(string, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    static func decodeStrings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    /// A JSON string literal.
    static func quote(_ string: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(string, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON string literal of `string` as UTF-8: quotes, backslashes and control characters escaped.
    private static func appendQuoted(_ string: String, to out: inout [UInt8]) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        out.append(quote)
        if !string.utf8.contains(where: { $0 == quote || $0 == backslash || $0 < 0x20 }) {
            out.append(contentsOf: string.utf8)
            out.append(quote)
            return
        }
        for byte in string.utf8 {
            switch byte {
            case quote, backslash:
                out.append(backslash)
                out.append(byte)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                out.append(backslash)
                out.append(byte == UInt8(ascii: "\n") ? UInt8(ascii: "n") : byte == UInt8(ascii: "\r") ? UInt8(ascii: "r") : UInt8(ascii: "t"))
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default:
                out.append(byte)
            }
        }
        out.append(quote)
    }
}
