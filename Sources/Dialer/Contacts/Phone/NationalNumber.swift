/// The digits after the country code, as an integer and a length (leading zeros are kept by the length).
struct NationalNumber: Hashable, Sendable {
    /// The digits as an integer.
    var value: UInt64
    /// How many digits.
    var length: Int

    /// The first `count` digits as an integer, or -1 when the number is shorter.
    func leading(_ count: Int) -> Int {
        guard count <= length else { return -1 }
        return Int(value / PhoneNumber.powerOfTen(length - count))
    }

    /// The number without its first `count` digits.
    func dropping(_ count: Int) -> NationalNumber {
        let rest = max(0, length - count)
        return NationalNumber(value: value % PhoneNumber.powerOfTen(rest), length: rest)
    }
}
