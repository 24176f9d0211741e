/// Reads the JSON array of strings a contact's fields are stored as, without Foundation's
/// JSON decoder (one call per contact adds up to seconds for a million contacts).
/// Anything other than a flat array of strings goes to `JSONText.decodeStrings`.
enum FieldsDecoder {
    /// Where one field's text lies in the array's bytes (between its quotes); `escaped` when it
    /// holds a backslash escape, to be undone with ``unescape(_:into:)``.
    struct Field {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var fields: [Field] = []
        guard locate(bytes, into: &fields) else {
            return JSONText.decodeStrings(String(decoding: bytes, as: UTF8.self))
        }
        var scratch: [UInt8] = []
        var values: [String] = []
        values.reserveCapacity(fields.count)
        for field in fields {
            let text = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
            guard field.escaped else {
                values.append(String(decoding: text, as: UTF8.self))
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            guard unescape(text, into: &scratch) else {
                return JSONText.decodeStrings(String(decoding: bytes, as: UTF8.self))
            }
            values.append(String(decoding: scratch, as: UTF8.self))
        }
        return values
    }

    /// Finds the fields of a flat JSON array of strings, replacing `fields`' contents (so a caller
    /// can reuse one array for every row); false when the text is anything else (left to
    /// `JSONText.decodeStrings`). An escaped field may still need the full decoder: see
    /// ``unescape(_:into:)``.
    static func locate(_ bytes: UnsafeBufferPointer<UInt8>, into fields: inout [Field]) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard count >= 2, bytes[0] == UInt8(ascii: "["), bytes[count - 1] == UInt8(ascii: "]") else { return false }
        var index = 1
        while index < count - 1 {
            guard bytes[index] == 34 else { return false }
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
            guard index < count else { return false }
            fields.append(Field(start: start, end: index, escaped: escaped))
            index += 1
            if index < count - 1 {
                guard bytes[index] == UInt8(ascii: ",") else { return false }
                index += 1
            }
        }
        return true
    }

    /// Unescapes the simple escapes; false for `\u` and anything unexpected (left to the full decoder).
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
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
