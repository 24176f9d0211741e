/// Why a text is not a usable phone number. The description is a plain sentence for a team lead and never
/// repeats the number itself (phone numbers are personal data).
struct PhoneNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    enum Reason: Sendable, Hashable {
        /// Nothing but spaces or punctuation.
        case empty
        /// Letters (vanity numbers, "ext", notes in the field).
        case letters
        /// A character that has no place in a phone number.
        case unexpectedCharacter(Character)
        /// Too few digits for the country of this calling code.
        case tooShort(callingCode: Int)
        /// Too many digits for the country of this calling code.
        case tooLong(callingCode: Int)
        /// The digits after the country code cannot start a number there.
        case invalidLeadingDigits(callingCode: Int)
        /// The digits after `+` or `00` start with no known country calling code.
        case unknownCountryCode
        /// Written without a country code, and the list gives no default country.
        case noCountryCode
        /// The default country is not a known ISO 3166-1 alpha-2 code.
        case unknownDefaultRegion(String)
    }

    /// What is wrong.
    let reason: Reason

    var description: String {
        switch reason {
        case .empty:
            "The phone number is empty."
        case .letters:
            "The phone number contains letters; write it with digits only."
        case .unexpectedCharacter(let character):
            "The phone number contains “\(character)”; use only digits, spaces, dots, dashes, parentheses and a leading +."
        case .tooShort(let code):
            "The phone number is too short for \(CallingCodes.countryName(callingCode: code))."
        case .tooLong(let code):
            "The phone number is too long for \(CallingCodes.countryName(callingCode: code))."
        case .invalidLeadingDigits(let code):
            "The phone number does not start like a number of \(CallingCodes.countryName(callingCode: code))."
        case .unknownCountryCode:
            "The phone number starts with an unknown country calling code."
        case .noCountryCode:
            "The phone number has no country code (+…) and no default country is given for the list."
        case .unknownDefaultRegion(let region):
            "The default country “\(region)” is not a known ISO 3166-1 country code."
        }
    }
}
