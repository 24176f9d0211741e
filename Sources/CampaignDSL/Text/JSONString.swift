/// JSON string literals, written the one way every JSON (and logfmt) writer of Dialer needs.
public enum JSONString {
    /// `text` as a JSON string literal: quotes and backslashes escaped, control characters and DEL
    /// as `\n`, `\r`, `\t` or `\u00XX`; everything else (any Unicode) as it is.
    public static func literal(_ text: String) -> String {
        if !text.utf8.contains(where: needsEscape) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x5C || byte < 0x20 || byte == 0x7F
    }
}
