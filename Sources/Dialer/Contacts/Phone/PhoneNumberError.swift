import CampaignDSL
import Foundation

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
        /// Fewer digits than any number has.
        case tooFewDigits
        /// Too few digits for the country of this calling code.
        case tooShort(callingCode: Int)
        /// Too many digits for the country of this calling code (0: for any country).
        case tooLong(callingCode: Int)
        /// A length between the country's shortest and longest that no number there has (or that is only
        /// dialed locally, without the area code).
        case wrongLength(callingCode: Int)
        /// The right length, but no such number exists: its area code or prefix is not assigned.
        case unassigned(callingCode: Int)
        /// The digits after `+` or `00` start with no known country calling code.
        case unknownCountryCode
        /// A valid number of a costly kind the list does not `allow`.
        case refused(CostlyNumberKind)
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
        case .tooFewDigits:
            "The phone number has too few digits to be a number."
        case .tooShort(let code):
            "The phone number is too short for \(Self.countryName(callingCode: code))."
        case .tooLong(let code):
            "The phone number is too long for \(Self.countryName(callingCode: code))."
        case .wrongLength(let code):
            "The phone number has a length no number of \(Self.countryName(callingCode: code)) has; check for a missing or extra digit (or a missing area code)."
        case .unassigned(let code):
            "The phone number cannot exist in \(Self.countryName(callingCode: code)): it has the right length, but its area code or prefix is not in use."
        case .refused(let kind):
            "The phone number is \(Self.describe(kind)); the list refuses such numbers (add `allow \(kind.rawValue)` to the list to call them)."
        case .unknownCountryCode:
            "The phone number starts with an unknown country calling code."
        case .noCountryCode:
            "The phone number has no country code (+…) and no default country is given for the list."
        case .unknownDefaultRegion(let region):
            "The default country “\(region)” is not a known ISO 3166-1 country code."
        }
    }

    private static func describe(_ kind: CostlyNumberKind) -> String {
        switch kind {
        case .premium: "a premium-rate number, which costs the caller a surcharge"
        case .tollFree: "a toll-free number, paid for by the company that owns it"
        case .sharedCost: "a shared-cost number, which costs the caller a surcharge"
        }
    }

    /// "Vietnam (+84)" for 84: the English name of the calling code's main region
    /// (from the system's locale data), the code itself where there is none.
    static func countryName(callingCode code: Int) -> String {
        guard code > 0 else { return "any country" }
        guard let main = NumberingPlans.shared.mainPlan(callingCode: code), main.id != NumberingPlans.nonGeographicRegion,
              let name = Locale(identifier: "en_US").localizedString(forRegionCode: main.id) else {
            return "+\(code)"
        }
        return "\(name) (+\(code))"
    }
}
