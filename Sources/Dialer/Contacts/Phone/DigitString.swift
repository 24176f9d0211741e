/// Up to 24 decimal digits (values 0–9) without allocating: a written number reduced to its digits, and the
/// slices of it the parser tries as country code and national number.
struct DigitString: Equatable, Sendable {
    /// The longest digit string kept; longer input is too long for any number.
    static let capacity = 24

    /// Four bits a digit: digits 0–15 in `low`, 16–31 in `high` (whole words, so copies never stall on bytes
    /// just written one by one).
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var start = 0
    private var end = 0

    init() {}

    /// The digits of `text` ("0912"), which must hold only ASCII digits.
    init(_ text: String) {
        for byte in text.utf8 { append(byte &- UInt8(ascii: "0")) }
    }

    static func == (left: DigitString, right: DigitString) -> Bool {
        left.count == right.count && left.hasPrefix(right)
    }

    var count: Int { end - start }
    var isEmpty: Bool { start == end }

    /// The digit at `index`, which must be below `count`.
    subscript(index: Int) -> UInt8 {
        let position = start &+ index
        let word = position < 16 ? low : high
        return UInt8(truncatingIfNeeded: word >> UInt64((position & 15) &* 4)) & 0xF
    }

    /// Appends one digit; false (and nothing appended) when full.
    @discardableResult
    mutating func append(_ digit: UInt8) -> Bool {
        guard end < Self.capacity else { return false }
        let bits = UInt64(digit & 0xF) << UInt64((end & 15) * 4)
        if end < 16 { low |= bits } else { high |= bits }
        end += 1
        return true
    }

    /// Without the first `count` digits.
    func dropping(_ count: Int) -> DigitString {
        var copy = self
        copy.start = min(end, start + count)
        return copy
    }

    /// Whether it starts with `prefix`.
    func hasPrefix(_ prefix: DigitString) -> Bool {
        guard prefix.count <= count else { return false }
        for index in 0..<prefix.count where self[index] != prefix[index] { return false }
        return true
    }

    /// The digits as an integer (at most 19 digits).
    var value: UInt64 {
        var value: UInt64 = 0
        for index in 0..<count { value = value &* 10 &+ UInt64(self[index]) }
        return value
    }

    /// The digits as text.
    var text: String {
        String(decoding: (0..<count).map { self[$0] + UInt8(ascii: "0") }, as: UTF8.self)
    }
}
