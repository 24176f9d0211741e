/// Percent-encoding of text for URLs, form bodies and header-safe keys (RFC 3986).
public enum PercentEncoding {
    /// `text` with every byte of its UTF-8 outside the unreserved set (`A–Z a–z 0–9 - . _ ~`) written `%XX`.
    public static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte >> 4) + hex(byte & 0x0F)
            }
        }
        return out
    }

    /// `application/x-www-form-urlencoded`: as ``escape(_:)``, but a space is `+`.
    public static func formEscape(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "+")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(nibble, radix: 16, uppercase: true)
    }
}
