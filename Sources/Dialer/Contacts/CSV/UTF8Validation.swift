/// A fast check that bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF),
/// so rows can be validated once and their fields decoded without a second check.
enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let width: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; secondRange = 0xA0...0xBF
            case 0xED: width = 3; secondRange = 0x80...0x9F
            case 0xE1...0xEF: width = 3
            case 0xF0: width = 4; secondRange = 0x90...0xBF
            case 0xF4: width = 4; secondRange = 0x80...0x8F
            case 0xF1...0xF3: width = 4
            default: return false
            }
            guard index + width <= count, secondRange.contains(bytes[index + 1]) else { return false }
            var continuation = index + 2
            while continuation < index + width {
                guard bytes[continuation] & 0xC0 == 0x80 else { return false }
                continuation += 1
            }
            index += width
        }
        return true
    }
}
