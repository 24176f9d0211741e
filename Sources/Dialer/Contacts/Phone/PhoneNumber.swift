/// A valid phone number in E.164 form, with what its numbering plan tells about it.
struct PhoneNumber: Sendable, Hashable {
    /// `+` then country code and national significant number, e.g. "+84912345678".
    let e164: String
    /// The country calling code, e.g. 84.
    let countryCallingCode: Int
    /// ISO 3166-1 alpha-2 region where known ("VN"; "US" or "CA" for NANP by area code).
    let region: String?
    /// Mobile, fixed… where the plan tells.
    let kind: PhoneLineKind
    /// The E.164 digits as an integer, for compact indexes (84912345678).
    let digits: UInt64

    /// The number of decimal digits of `value` (1 for 0).
    static func digitCount(_ value: UInt64) -> Int {
        // log10 estimated from the bit width (1233 / 4096 ≈ log10 2), corrected by one comparison.
        let estimate = ((64 - value.leadingZeroBitCount) * 1233) >> 12
        return max(1, estimate + (value >= powersOfTen[estimate] ? 1 : 0))
    }

    /// 10 to the power `exponent` (0...19).
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        powersOfTen[exponent]
    }

    private static let powersOfTen: [UInt64] = (0...19).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { value, _ in value * 10 }
    }
}
