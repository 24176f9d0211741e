/// Hides the middle digits of phone numbers in logs and messages.
public enum PhoneMask {
    /// `+84901234567` → `+8490****567`: the first four and the last three digits stay;
    /// numbers of seven digits or fewer keep only their last two.
    public static func mask(_ number: String) -> String {
        let digits = number.filter(\.isASCIIDigitCharacter)
        let prefix = number.hasPrefix("+") ? "+" : ""
        guard digits.count > 7 else {
            return prefix + String(repeating: "*", count: max(0, digits.count - 2)) + String(digits.suffix(2))
        }
        return prefix + String(digits.prefix(4)) + String(repeating: "*", count: digits.count - 7) + String(digits.suffix(3))
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
