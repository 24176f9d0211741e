/// Reads the JSON array of strings a contact's fields are stored as, without Foundation's
/// JSON decoder (one call per contact adds up to seconds for a million contacts).
/// Anything other than a flat array of strings goes to `JSONText.decodeStrings`.
enum FieldsDecoder {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var fields: [String] = []
        var index = 0
        let count = bytes.count
        func fallback() -> [String] { JSONText.decodeStrings(String(decoding: bytes, as: UTF8.self)) }
        guard count >= 2, bytes[0] == UInt8(ascii: "["), bytes[count - 1] == UInt8(ascii: "]") else { return fallback() }
        index = 1
        if count == 2 { return [] }
        var scratch: [UInt8] = []
        while index < count - 1 {
            guard bytes[index] == 34 else { return fallback() }
            index += 1
            let start = index
            var escaped = false
            while index < count, bytes[index] != 34 {
                if bytes[index] == 92 {
                    escaped = true
                    index += 1
                }
                index += 1
            }
            guard index < count else { return fallback() }
            if !escaped {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            } else {
                scratch.removeAll(keepingCapacity: true)
                guard unescape(UnsafeBufferPointer(rebasing: bytes[start..<index]), into: &scratch) else { return fallback() }
                fields.append(String(decoding: scratch, as: UTF8.self))
            }
            index += 1
            if index < count - 1 {
                guard bytes[index] == UInt8(ascii: ",") else { return fallback() }
                index += 1
            }
        }
        return fields
    }

    /// Unescapes the simple escapes; false for `\u` and anything unexpected (left to the full decoder).
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == 92 else {
                out.append(byte)
                continue
            }
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case 34: out.append(34)
            case 92: out.append(92)
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            default: return false
            }
            index += 1
        }
        return true
    }
}
