/// Validation of national significant numbers by each country's numbering plan: length, valid leading digits,
/// and the kind of line where the plan tells. Countries without a plan here get a generic rule
/// (at least 4 digits, E.164 total at most 15).
enum NumberingPlan {
    /// What the plan says of a national number.
    enum Verdict: Equatable {
        case valid(PhoneLineKind, region: String?)
        case tooShort
        case tooLong
        case invalidLeadingDigits
    }

    /// The shortest national number accepted by the generic rule.
    static let genericMinimumLength = 4

    /// Rewrites forms the plan allows before checking: Brazil's carrier selection code after the trunk 0,
    /// Mexico's former mobile `1` after +52.
    static func adjust(_ number: NationalNumber, callingCode: Int, strippedTrunk: Bool) -> NationalNumber {
        switch callingCode {
        case 55 where strippedTrunk && (number.length == 12 || number.length == 13):
            number.dropping(2)
        case 52 where number.length == 11 && number.leading(1) == 1:
            number.dropping(1)
        default:
            number
        }
    }

    /// Checks `number` against the plan of `callingCode`.
    static func check(_ number: NationalNumber, callingCode: Int) -> Verdict {
        switch callingCode {
        case 1: nanp(number)
        case 7: russiaKazakhstan(number)
        case 40: romania(number)
        case 44: unitedKingdom(number)
        case 52: mexico(number)
        case 55: brazil(number)
        case 61: australia(number)
        case 62: indonesia(number)
        case 84: vietnam(number)
        case 420: czechia(number)
        default: generic(number, callingCode: callingCode)
        }
    }

    // MARK: - Plans

    private static func generic(_ number: NationalNumber, callingCode: Int) -> Verdict {
        if number.length < genericMinimumLength { return .tooShort }
        if number.length + PhoneNumber.digitCount(UInt64(callingCode)) > 15 { return .tooLong }
        if CallingCodes.trunkPrefix(callingCode: callingCode) == 0 && number.leading(1) == 0 {
            return .invalidLeadingDigits
        }
        return .valid(.unknown, region: CallingCodes.mainRegion[callingCode])
    }

    /// Vietnam: mobiles 03x 05x 07x 08x 09x (9 digits after the trunk 0), fixed 02xx (10 digits), 1800/1900.
    private static func vietnam(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 2:
            return length(number, 10, .fixed, "VN")
        case 3, 5, 7, 8, 9:
            let valid: Bool = switch number.leading(2) {
            case 32...39, 52...59, 70, 76...79, 81...89, 90...99: true
            default: false
            }
            guard valid else { return number.length < 2 ? .tooShort : .invalidLeadingDigits }
            return length(number, 9, .mobile, "VN")
        case 1:
            let kind: PhoneLineKind
            switch number.leading(4) {
            case 1800: kind = .tollFree
            case 1900: kind = .premium
            case -1: return .tooShort
            default: return .invalidLeadingDigits
            }
            if number.length < 8 || number.length == 9 { return .tooShort }
            if number.length > 10 { return .tooLong }
            return .valid(kind, region: "VN")
        default:
            return .invalidLeadingDigits
        }
    }

    /// NANP: NXX-NXX-XXXX, N = 2–9, neither the area code nor the exchange an N11 service code.
    private static func nanp(_ number: NationalNumber) -> Verdict {
        if number.length < 10 { return .tooShort }
        if number.length > 10 { return .tooLong }
        let areaCode = number.leading(3)
        let exchange = number.dropping(3).leading(3)
        guard isNXX(areaCode), isNXX(exchange) else { return .invalidLeadingDigits }
        let kind: PhoneLineKind
        if NANPAreaCodes.tollFree.contains(areaCode) {
            kind = .tollFree
        } else if areaCode == 900 {
            kind = .premium
        } else {
            kind = .unknown
        }
        return .valid(kind, region: NANPAreaCodes.region(areaCode: areaCode))
    }

    private static func isNXX(_ code: Int) -> Bool {
        code >= 200 && code % 100 != 11
    }

    /// United Kingdom: 10 digits after the trunk 0 (9 for some 01 areas and 0800); mobiles 07 except 070 and 076.
    private static func unitedKingdom(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 1:
            return length(number, 9...10, .fixed, "GB")
        case 2:
            return length(number, 10, .fixed, "GB")
        case 3:
            return length(number, 10, .unknown, "GB")
        case 5:
            switch number.leading(2) {
            case 55: return length(number, 10, .unknown, "GB")
            case 56: return length(number, 10, .voip, "GB")
            case -1: return .tooShort
            default: return .invalidLeadingDigits
            }
        case 7:
            switch number.leading(2) {
            case 70, 76: return length(number, 10, .unknown, "GB")
            case -1: return .tooShort
            default: return length(number, 10, .mobile, "GB")
            }
        case 8:
            switch number.leading(3) {
            case 800: return length(number, 9...10, .tollFree, "GB")
            case 808: return length(number, 10, .tollFree, "GB")
            case 840...849, 870...879: return length(number, 10, .unknown, "GB")
            case -1: return .tooShort
            default: return .invalidLeadingDigits
            }
        case 9:
            return length(number, 10, .premium, "GB")
        default:
            return .invalidLeadingDigits
        }
    }

    /// Czechia: 9 digits, no trunk prefix; mobiles 601–608, 702–705, 72x, 73x, 77x, 79x.
    private static func czechia(_ number: NationalNumber) -> Verdict {
        let kind: PhoneLineKind
        switch number.leading(3) {
        case -1: return .tooShort
        case 200...599: kind = .fixed
        case 601...608, 702...705, 720...739, 770...779, 790...799: kind = .mobile
        case 800: kind = .tollFree
        case 810...849: kind = .unknown
        case 900, 906, 908, 909: kind = .premium
        case 910...919: kind = .voip
        case 950...989: kind = .unknown
        default: return .invalidLeadingDigits
        }
        return length(number, 9, kind, "CZ")
    }

    /// Romania: 9 digits after the trunk 0; mobiles 07, fixed 02 and 03 (037 location-independent).
    private static func romania(_ number: NationalNumber) -> Verdict {
        let kind: PhoneLineKind
        switch number.leading(2) {
        case -1: return .tooShort
        case 37: kind = .voip
        case 20...39: kind = .fixed
        case 70...79: kind = .mobile
        case 80:
            kind = number.leading(3) == 800 ? .tollFree : .unknown
        case 90: kind = .premium
        default: return .invalidLeadingDigits
        }
        return length(number, 9, kind, "RO")
    }

    /// Australia: 9 digits after the trunk 0; 02 03 07 08 fixed, 04 mobile; 1800, 1300, 13, 190.
    private static func australia(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 2, 3, 7, 8: return length(number, 9, .fixed, "AU")
        case 4: return length(number, 9, .mobile, "AU")
        case 5: return number.leading(3) == 550 ? length(number, 9, .voip, "AU") : shortOrInvalid(number, 3)
        case 1:
            switch number.leading(4) {
            case 1800: return length(number, 10, .tollFree, "AU")
            case 1300: return length(number, 10, .unknown, "AU")
            case 1900...1909: return length(number, 10, .premium, "AU")
            case 1301...1399: return length(number, 6, .unknown, "AU")
            default: return shortOrInvalid(number, 4)
            }
        default: return .invalidLeadingDigits
        }
    }

    /// Brazil: DDD (two digits) then 8 digits (fixed, 2–5) or 9 digits starting with 9 (mobile); 0800 toll-free.
    private static func brazil(_ number: NationalNumber) -> Verdict {
        switch number.leading(3) {
        case 800: return length(number, 10...11, .tollFree, "BR")
        case 900: return length(number, 10...11, .premium, "BR")
        case 300, 303, 400...409, 500: return length(number, 10...11, .unknown, "BR")
        default: break
        }
        let ddd = number.leading(2)
        guard ddd != -1 else { return .tooShort }
        guard validBrazilianDDD.contains(ddd) else { return .invalidLeadingDigits }
        let subscriber = number.dropping(2)
        switch subscriber.leading(1) {
        case 2...5: return length(number, 10, .fixed, "BR")
        case 9: return length(number, 11, .mobile, "BR")
        case -1: return .tooShort
        default: return .invalidLeadingDigits
        }
    }

    /// The area codes (DDD) in use in Brazil.
    static let validBrazilianDDD: Set<Int> = [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38,
        41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69,
        71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    ]

    /// Mexico: 10 digits (area code then subscriber), no trunk prefix; 800 toll-free, 900 premium.
    private static func mexico(_ number: NationalNumber) -> Verdict {
        switch number.leading(3) {
        case 800: return length(number, 10, .tollFree, "MX")
        case 900: return length(number, 10, .premium, "MX")
        default: break
        }
        switch number.leading(1) {
        case 2...9: return length(number, 10, .unknown, "MX")
        case -1: return .tooShort
        default: return .invalidLeadingDigits
        }
    }

    /// +7: Russia (10 digits after the trunk 8; 9xx mobile; 3xx 4xx 8xx fixed) and Kazakhstan (6xx, 7xx).
    private static func russiaKazakhstan(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 9: return length(number, 10, .mobile, "RU")
        case 3, 4: return length(number, 10, .fixed, "RU")
        case 8:
            switch number.leading(3) {
            case 800: return length(number, 10, .tollFree, "RU")
            case 803, 804, 805, 809: return length(number, 10, .premium, "RU")
            default: return length(number, 10, .fixed, "RU")
            }
        case 7:
            switch number.leading(2) {
            case 71, 72: return length(number, 10, .fixed, "KZ")
            case 70, 74...78: return length(number, 10, .mobile, "KZ")
            case -1: return .tooShort
            default: return length(number, 10, .unknown, "KZ")
            }
        case 6: return length(number, 10, .unknown, "KZ")
        default: return .invalidLeadingDigits
        }
    }

    /// Indonesia: after the trunk 0, mobiles 08x (9–12 digits), fixed area code + subscriber (8–11 digits).
    private static func indonesia(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 8:
            switch number.leading(3) {
            case 800: return length(number, 10...11, .tollFree, "ID")
            case 809: return length(number, 10...11, .premium, "ID")
            case 810...899: return length(number, 9...12, .mobile, "ID")
            default: return shortOrInvalid(number, 3)
            }
        case 2...7, 9: return length(number, 8...11, .fixed, "ID")
        case 1: return length(number, 6...8, .unknown, "ID")
        default: return .invalidLeadingDigits
        }
    }

    // MARK: - Helpers

    private static func length(_ number: NationalNumber, _ expected: Int, _ kind: PhoneLineKind, _ region: String) -> Verdict {
        length(number, expected...expected, kind, region)
    }

    private static func length(_ number: NationalNumber, _ expected: ClosedRange<Int>, _ kind: PhoneLineKind, _ region: String) -> Verdict {
        if number.length < expected.lowerBound { return .tooShort }
        if number.length > expected.upperBound { return .tooLong }
        return .valid(kind, region: region)
    }

    /// Too short when the number ends before `count` digits could decide; otherwise invalid leading digits.
    private static func shortOrInvalid(_ number: NationalNumber, _ count: Int) -> Verdict {
        number.length < count ? .tooShort : .invalidLeadingDigits
    }
}
