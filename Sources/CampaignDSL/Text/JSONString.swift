/// JSON string literals, written the one way every JSON (and logfmt) writer of Dialer needs.
public enum JSONString {
    /// `text` as a JSON string literal: quotes and backslashes escaped, control characters and DEL
    /// as `\n`, `\r`, `\t` or `\u00XX`; everything else (any Unicode) as it is.
    public static func literal(_ text: String) -> String {
        if !text.utf8.contains(where: needsEscape) {
            return "\"" + text + "\""
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of `text`'s JSON string literal (the text of ``literal(_:)``) to `out`,
    /// without making a String: for writers that build large documents byte by byte.
    public static func append(_ text: String, to out: inout [UInt8]) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        out.append(quote)
        if !text.utf8.contains(where: needsEscape) {
            out.append(contentsOf: text.utf8)
            out.append(quote)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case quote, backslash:
                out.append(backslash)
                out.append(byte)
            case UInt8(ascii: "\n"): out.append(contentsOf: [backslash, UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [backslash, UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [backslash, UInt8(ascii: "t")])
            case _ where byte < 0x20 || byte == 0x7F:
                out.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]])
            default:
                out.append(byte)
            }
        }
        out.append(quote)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x5C || byte < 0x20 || byte == 0x7F
    }
}
