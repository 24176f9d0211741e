/// Up to 24 decimal digits (values 0–9) without allocating: a written number reduced to its digits, and the
/// slices of it the parser tries as country code and national number.
struct DigitString: Equatable, Sendable {
    /// The longest digit string kept; longer input is too long for any number.
    static let capacity = 24

    private var storage = InlineArray<24, UInt8>(repeating: 0)
    private var start = 0
    private var end = 0

    init() {}

    /// The digits of `text` ("0912"), which must hold only ASCII digits.
    init(_ text: String) {
        for byte in text.utf8 { append(byte &- UInt8(ascii: "0")) }
    }

    /// The digits of a national number, its leading zeros kept.
    init(_ number: NationalNumber) {
        end = min(number.length, Self.capacity)
        var value = number.value
        for index in stride(from: end - 1, through: 0, by: -1) {
            storage[index] = UInt8(value % 10)
            value /= 10
        }
    }

    static func == (left: DigitString, right: DigitString) -> Bool {
        left.count == right.count && left.hasPrefix(right)
    }

    var count: Int { end - start }
    var isEmpty: Bool { start == end }

    subscript(index: Int) -> UInt8 { storage[start + index] }

    /// Appends one digit; false (and nothing appended) when full.
    @discardableResult
    mutating func append(_ digit: UInt8) -> Bool {
        guard end < Self.capacity else { return false }
        storage[end] = digit
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
