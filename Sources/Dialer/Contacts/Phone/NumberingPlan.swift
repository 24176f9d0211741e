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
        case 33: france(number)
        case 49: germany(number)
        case 60: malaysia(number)
        case 63: philippines(number)
        case 65: singapore(number)
        case 66: thailand(number)
        case 81: japan(number)
        case 82: southKorea(number)
        case 86: china(number)
        case 91: india(number)
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

    /// France: 9 digits after the trunk 0; 06 and 07 mobile, 01–05 fixed, 09 voip, 080 toll-free, 089 premium.
    private static func france(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 1...5: return length(number, 9, .fixed, "FR")
        case 6: return length(number, 9, .mobile, "FR")
        case 7: return number.leading(2) >= 73 ? length(number, 9, .mobile, "FR") : shortOrInvalid(number, 2)
        case 8:
            switch number.leading(2) {
            case 80: return length(number, 9, .tollFree, "FR")
            case 89: return length(number, 9, .premium, "FR")
            case 81, 82, 84: return length(number, 9, .unknown, "FR")
            default: return shortOrInvalid(number, 2)
            }
        case 9: return length(number, 9, .voip, "FR")
        default: return .invalidLeadingDigits
        }
    }

    /// Germany: mobiles 015x, 016x, 017x (10–11 digits after the trunk 0); fixed lines 5–11 digits; 0800, 0900.
    private static func germany(_ number: NationalNumber) -> Verdict {
        switch number.leading(2) {
        case 15, 16, 17: return length(number, 10...11, .mobile, "DE")
        case 18, 19, 10...14: return length(number, 5...11, .unknown, "DE")
        case -1: return .tooShort
        default: break
        }
        switch number.leading(3) {
        case 800: return length(number, 10...11, .tollFree, "DE")
        case 900: return length(number, 10...11, .premium, "DE")
        default: break
        }
        switch number.leading(1) {
        case 2...9: return length(number, 5...11, .fixed, "DE")
        default: return .invalidLeadingDigits
        }
    }

    /// India: 10 digits after the trunk 0; mobiles start with 6–9; 1800 toll-free.
    private static func india(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 6...9: return length(number, 10, .mobile, "IN")
        case 2...5: return length(number, 10, .fixed, "IN")
        case 1: return number.leading(4) == 1800 ? length(number, 10...11, .tollFree, "IN") : shortOrInvalid(number, 4)
        default: return .invalidLeadingDigits
        }
    }

    /// China: mobiles 13x–19x (11 digits); fixed lines area code + subscriber (10–11 digits); 400 and 800.
    private static func china(_ number: NationalNumber) -> Verdict {
        switch number.leading(2) {
        case 13...19: return length(number, 11, .mobile, "CN")
        case 10, 20...29: return length(number, 10, .fixed, "CN")
        case -1: return .tooShort
        default: break
        }
        switch number.leading(3) {
        case 400: return length(number, 10, .unknown, "CN")
        case 800: return length(number, 10, .tollFree, "CN")
        default: break
        }
        switch number.leading(1) {
        case 3...9: return length(number, 10...11, .fixed, "CN")
        default: return .invalidLeadingDigits
        }
    }

    /// Thailand: mobiles 06, 08, 09 (9 digits after the trunk 0); fixed 02–07 (8 digits); 1800 toll-free.
    private static func thailand(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 6, 8, 9: return length(number, 9, .mobile, "TH")
        case 2...5, 7: return length(number, 8, .fixed, "TH")
        case 1: return number.leading(4) == 1800 ? length(number, 10, .tollFree, "TH") : shortOrInvalid(number, 4)
        default: return .invalidLeadingDigits
        }
    }

    /// Singapore: 8 digits, no trunk prefix; 8 and 9 mobile, 6 fixed, 3 voip; 1800 toll-free (11 digits).
    private static func singapore(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 8, 9: return length(number, 8, .mobile, "SG")
        case 6: return length(number, 8, .fixed, "SG")
        case 3: return length(number, 8, .voip, "SG")
        case 1: return number.leading(4) == 1800 ? length(number, 11, .tollFree, "SG") : shortOrInvalid(number, 4)
        default: return .invalidLeadingDigits
        }
    }

    /// Malaysia: mobiles 01x (9–10 digits after the trunk 0), fixed 03–09 (8–9 digits); 1800 toll-free.
    private static func malaysia(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 1:
            switch number.leading(3) {
            case 180: return length(number, 9, .tollFree, "MY")
            case 130, 160, 170, 190: return length(number, 9...10, .unknown, "MY")
            default: return length(number, 9...10, .mobile, "MY")
            }
        case 3...9: return length(number, 8...9, .fixed, "MY")
        default: return .invalidLeadingDigits
        }
    }

    /// The Philippines: mobiles 09xx (10 digits after the trunk 0), fixed 02 and provinces (9 digits).
    private static func philippines(_ number: NationalNumber) -> Verdict {
        switch number.leading(1) {
        case 9: return length(number, 10, .mobile, "PH")
        case 2...8: return length(number, 9, .fixed, "PH")
        case 1: return number.leading(4) == 1800 ? length(number, 11...12, .tollFree, "PH") : shortOrInvalid(number, 4)
        default: return .invalidLeadingDigits
        }
    }

    /// Japan: mobiles 070, 080, 090 (10 digits after the trunk 0); fixed lines 9 digits; 050 voip; 0120 toll-free.
    private static func japan(_ number: NationalNumber) -> Verdict {
        switch number.leading(2) {
        case 70, 80, 90: return length(number, 10, .mobile, "JP")
        case 50: return length(number, 10, .voip, "JP")
        case -1: return .tooShort
        default: break
        }
        if number.leading(3) == 120 { return length(number, 9, .tollFree, "JP") }
        switch number.leading(1) {
        case 1...9: return length(number, 9, .fixed, "JP")
        default: return .invalidLeadingDigits
        }
    }

    /// South Korea: mobiles 010 (10 digits after the trunk 0), Seoul 02 (8–9 digits), other areas 03x–06x (9–10).
    private static func southKorea(_ number: NationalNumber) -> Verdict {
        switch number.leading(2) {
        case 10: return length(number, 10, .mobile, "KR")
        case 11...19: return length(number, 9...10, .mobile, "KR")
        case 20...29: return length(number, 8...9, .fixed, "KR")
        case 31...33, 41...44, 51...55, 61...64: return length(number, 9...10, .fixed, "KR")
        case 70: return length(number, 10, .voip, "KR")
        case 80: return length(number, 9...10, .tollFree, "KR")
        case -1: return .tooShort
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
