/// Turns what people type into a valid E.164 ``PhoneNumber``, by libphonenumber's rules and verdicts.
///
/// The library's own `Parse` and `IsValidNumber` run about 73,000 numbers a second (ICU regular expressions);
/// a campaign compiles a million. So its steps are mirrored here one for one over ``RegionPlan``s, the library's
/// metadata compiled into automata, and the numbers a step cannot decide exactly (a national prefix rewritten
/// by a transform rule, a prefix that may be read at several lengths) are handed to the library itself. Tests
/// hold the two to the same verdict on every region.
enum PhoneNumberParser {
    /// A number reduced to its digits and plan verdict, without building strings (the DNC loader uses this).
    struct ParsedDigits: Equatable {
        let callingCode: Int
        /// The national significant number, leading zeros kept.
        let national: DigitString
        let kind: PhoneLineKind
        /// The ISO region, nil for a non-geographic calling code (+800, +882…).
        let region: String?

        /// The E.164 digits as an integer.
        var digits: UInt64 {
            UInt64(callingCode) * PhoneNumber.powerOfTen(national.count) + national.value
        }
    }

    /// From what people type: spaces, dots, dashes, parentheses, the `+` prefix or the country's international
    /// prefix (`00`, `011`…), its national prefix (`0`, `1`, `8`…), a missing country code (use `defaultRegion`,
    /// ISO alpha-2). Idempotent: parsing an e164 gives the same number.
    static func parse(_ text: String, defaultRegion: String?) -> Result<PhoneNumber, PhoneNumberError> {
        switch defaultPlan(defaultRegion) {
        case .success(let plan): parse(text, defaultPlan: plan)
        case .failure(let error): .failure(error)
        }
    }

    /// The plan of a list's default country (nil: none given), looked up once for all its numbers.
    static func defaultPlan(_ region: String?) -> Result<RegionPlan?, PhoneNumberError> {
        guard let region else { return .success(nil) }
        guard let plan = NumberingPlans.shared.plan(forRegion: region) else {
            return .failure(PhoneNumberError(reason: .unknownDefaultRegion(region)))
        }
        return .success(plan)
    }

    /// As ``parse(_:defaultRegion:)``, with the default country's plan already looked up (`nil`: numbers must
    /// carry their own country code): the path for many numbers of one list.
    static func parse(_ text: String, defaultPlan: RegionPlan?) -> Result<PhoneNumber, PhoneNumberError> {
        var text = text
        let result = text.withUTF8 { bytes in
            parseDigits(bytes, defaultPlan: defaultPlan)
        }
        return result.map { parsed in
            let digits = parsed.digits
            return PhoneNumber(
                e164: "+" + String(digits),
                countryCallingCode: parsed.callingCode,
                region: parsed.region,
                kind: parsed.kind,
                digits: digits)
        }
    }

    /// The calling code of an ISO region ("VN" → 84), nil when unknown.
    static func callingCode(forRegion region: String) -> Int? {
        NumberingPlans.shared.plan(forRegion: region)?.callingCode
    }

    /// Parses UTF-8 text into digits checked by the numbering plan. `defaultPlan` applies to numbers written
    /// without `+` or an international prefix.
    static func parseDigits(_ bytes: UnsafeBufferPointer<UInt8>, defaultPlan: RegionPlan?) -> Result<ParsedDigits, PhoneNumberError> {
        var digits = DigitString()
        var overflow = false
        var plus = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !digits.append(byte &- UInt8(ascii: "0")) { overflow = true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "/"):
                break
            case UInt8(ascii: "+") where digits.isEmpty && !plus:
                plus = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                return .failure(PhoneNumberError(reason: .letters))
            case 0x80...:
                if let width = unicodeSeparatorWidth(bytes, at: index) {
                    index += width
                    continue
                }
                return .failure(characterError(bytes))
            default:
                return .failure(PhoneNumberError(reason: .unexpectedCharacter(Character(Unicode.Scalar(byte)))))
            }
            index += 1
        }
        if digits.isEmpty { return .failure(PhoneNumberError(reason: .empty)) }
        if !plus && defaultPlan == nil { return .failure(PhoneNumberError(reason: .noCountryCode)) }

        // More digits than any international prefix, calling code and national number together.
        if overflow { return .failure(PhoneNumberError(reason: .tooLong(callingCode: defaultPlan?.callingCode ?? 0))) }
        let result = fastParse(digits, plus: plus, defaultPlan: defaultPlan)
            ?? libraryVerdict(digits: digits, plus: plus, defaultPlan: defaultPlan)
        return result.map { canonical($0, defaultPlan: defaultPlan) }
    }

    /// The reading of the number's own E.164, where it differs: one line has one E.164 however it is written, so
    /// a Do-Not-Call entry written one way blocks the number written another. (libphonenumber reads Mexico's
    /// `1 1913 709 3627` as +52 1 913…, and +52 1 913… as +52 913…, its national prefix 1 taken off.) Only numbers
    /// whose national digits start with the country's national prefix are read again.
    private static func canonical(_ parsed: ParsedDigits, defaultPlan: RegionPlan?) -> ParsedDigits {
        let plan = defaultPlan.flatMap { $0.callingCode == parsed.callingCode && $0.isMainRegion ? $0 : nil }
            ?? NumberingPlans.shared.mainPlan(callingCode: parsed.callingCode)
        guard let plan, RegionPlan.mayStart(parsed.national, plan.nationalPrefixStarts) else { return parsed }
        let national = parsed.national
        switch plan.nationalPrefix {
        case .none: return parsed
        case .automaton(let prefix) where prefix.prefixMatches(national).nonEmpty.isEmpty: return parsed
        default: break
        }
        var e164 = plan.callingCodeDigits
        for index in 0..<national.count { e164.append(national[index]) }
        let again = fastParse(e164, plus: true, defaultPlan: nil) ?? libraryVerdict(digits: e164, plus: true, defaultPlan: nil)
        return (try? again.get()) ?? parsed
    }

    /// The automata's verdict on a number's digits (written after `+` when `plus`); nil when they hand the
    /// number to the library.
    static func fastParse(_ digits: DigitString, plus: Bool, defaultPlan: RegionPlan?) -> Result<ParsedDigits, PhoneNumberError>? {
        switch read(digits, plus: plus, defaultPlan: defaultPlan) {
        case .failure(let reason):
            return .failure(PhoneNumberError(reason: reason))
        case .number(let reading):
            switch verdict(callingCode: reading.callingCode, national: reading.national, defaultPlan: defaultPlan) {
            case .number(let parsed): return .success(parsed)
            case .failure(let reason): return .failure(PhoneNumberError(reason: reason))
            case .library: return nil
            }
        case .library:
            return nil
        }
    }

    // MARK: - libphonenumber's Parse, step by step

    /// Where a step leaves a number.
    private enum Step<Value> {
        case number(Value)
        case failure(PhoneNumberError.Reason)
        /// Beyond the automata: the library decides.
        case library
    }

    /// A number as `Parse` reads it, before it is validated.
    private struct Reading {
        let callingCode: Int
        let national: DigitString
    }

    /// `ParseHelper` with `MaybeExtractCountryCode`: the calling code and national significant number.
    private static func read(_ digits: DigitString, plus: Bool, defaultPlan: RegionPlan?) -> Step<Reading> {
        if digits.count < 2 { return .failure(.tooFewDigits) }
        if let defaultPlan, !defaultPlan.isComplete { return .library }
        var national = digits
        var callingCode = 0
        var international = plus
        if !plus, let defaultPlan, !RegionPlan.mayStart(national, defaultPlan.internationalPrefixStarts) {
            // Not an international prefix: the common case, decided by the first digit.
        } else if !plus, let defaultPlan, case .automaton(let prefix) = defaultPlan.internationalPrefix {
            let lengths = prefix.prefixMatches(national)
            if !lengths.isEmpty && lengths.single == nil { return .library }
            // ParsePrefixAsIdd: a calling code never starts with 0, so neither does what follows the prefix.
            if let length = lengths.single, !(length < national.count && national[length] == 0) {
                national = national.dropping(length)
                international = true
            }
        } else if !plus, case .unsupported = defaultPlan?.internationalPrefix {
            return .library
        }
        if international {
            if national.count <= 2 { return .failure(.tooFewDigits) }
            guard national[0] != 0, let code = extractCallingCode(&national) else { return .failure(.unknownCountryCode) }
            callingCode = code
        } else if let defaultPlan, national.hasPrefix(defaultPlan.callingCodeDigits) {
            // The country code written without + ("84 912 345 678" in a Vietnamese list): kept off when the
            // number was not valid with it and is without it, or was too long with it.
            let potential: DigitString
            switch stripNationalPrefix(national.dropping(defaultPlan.callingCodeDigits.count), plan: defaultPlan) {
            case .number(let stripped): potential = stripped
            case .failure(let reason): return .failure(reason)
            case .library: return .library
            }
            if (!defaultPlan.matchesGeneralPattern(national) && defaultPlan.matchesGeneralPattern(potential))
                || defaultPlan.testLength(national) == .tooLong {
                national = potential
                callingCode = defaultPlan.callingCode
            }
        }
        let plan: RegionPlan
        if callingCode == 0, let defaultPlan {
            plan = defaultPlan
            callingCode = defaultPlan.callingCode
        } else if let defaultPlan, defaultPlan.callingCode == callingCode, defaultPlan.isMainRegion {
            plan = defaultPlan
        } else if let main = NumberingPlans.shared.mainPlan(callingCode: callingCode) {
            plan = main
        } else {
            return .failure(.unknownCountryCode)
        }
        guard plan.isComplete else { return .library }
        if national.count < 2 { return .failure(.tooFewDigits) }
        switch stripNationalPrefix(national, plan: plan) {
        case .number(let potential):
            // Kept only when what is left may still be a number there.
            switch plan.testLength(potential) {
            case .tooShort, .localOnly, .invalidLength: break
            default: national = potential
            }
        case .failure(let reason): return .failure(reason)
        case .library: return .library
        }
        if national.count < 2 { return .failure(.tooFewDigits) }
        if national.count > 17 { return .failure(.tooLong(callingCode: callingCode)) }
        return .number(Reading(callingCode: callingCode, national: national))
    }

    /// `ExtractCountryCode`: the first one to three digits that are a calling code in use.
    private static func extractCallingCode(_ national: inout DigitString) -> Int? {
        var candidate = 0
        for length in 1...3 where length <= national.count {
            candidate = candidate * 10 + Int(national[length - 1])
            if NumberingPlans.shared.isCallingCode(candidate) {
                national = national.dropping(length)
                return candidate
            }
        }
        return nil
    }

    /// `MaybeStripNationalPrefixAndCarrierCode`: the national prefix (`0`, `1`, `8`…) taken off, unless the
    /// number fit the plan with it and no longer does without.
    private static func stripNationalPrefix(_ number: DigitString, plan: RegionPlan) -> Step<DigitString> {
        guard RegionPlan.mayStart(number, plan.nationalPrefixStarts) else { return .number(number) }
        switch plan.nationalPrefix {
        case .none:
            return .number(number)
        case .unsupported:
            return .library
        case .automaton(let prefix):
            let lengths = prefix.prefixMatches(number).nonEmpty
            if lengths.isEmpty { return .number(number) }
            guard let length = lengths.single, !plan.nationalPrefixTransforms else { return .library }
            let stripped = number.dropping(length)
            if !plan.matchesGeneralPattern(stripped) && plan.matchesGeneralPattern(number) { return .number(number) }
            return .number(stripped)
        }
    }

    /// `IsValidNumber` and `GetNumberType`: the region among those of the calling code, and the kind of number.
    private static func verdict(callingCode: Int, national: DigitString, defaultPlan: RegionPlan?) -> Step<ParsedDigits> {
        let main: RegionPlan
        var region: RegionPlan?
        if let defaultPlan, defaultPlan.callingCode == callingCode, !defaultPlan.sharesCallingCode {
            // The list's own country, alone on its calling code: no lookup.
            main = defaultPlan
            region = defaultPlan
        } else {
            let plans = NumberingPlans.shared.plans(callingCode: callingCode)
            guard let first = plans.first else { return .failure(.unknownCountryCode) }
            main = first
            region = plans.count == 1 ? first : nil
            for plan in plans where plans.count > 1 {
                guard plan.isComplete else { return .library }
                switch plan.leadingDigits {
                case .automaton(let leading):
                    if !leading.prefixMatches(national).isEmpty { region = plan }
                case .unsupported:
                    return .library
                case .none:
                    if plan.type(of: national) != .unknown { region = plan }
                }
                if region != nil { break }
            }
        }
        if let region {
            guard region.isComplete else { return .library }
            let type = region.type(of: national)
            if type != .unknown {
                return .number(ParsedDigits(
                    callingCode: callingCode, national: national,
                    kind: PhoneLineKind(type),
                    region: region.isoRegion))
            }
        }
        return .failure(invalidReason(main.testLength(national), callingCode: callingCode))
    }

    /// Why a parsed number is not valid, from libphonenumber's length verdict.
    private static func invalidReason(_ possibility: LibPhoneNumber.Possibility, callingCode: Int) -> PhoneNumberError.Reason {
        switch possibility {
        case .possible: .unassigned(callingCode: callingCode)
        case .tooShort: .tooShort(callingCode: callingCode)
        case .tooLong: .tooLong(callingCode: callingCode)
        case .invalidLength, .localOnly: .wrongLength(callingCode: callingCode)
        case .invalidCountryCode: .unknownCountryCode
        }
    }

    /// The library's own reading, for the numbers the automata leave to it.
    private static func libraryVerdict(digits: DigitString, plus: Bool,
                                       defaultPlan: RegionPlan?) -> Result<ParsedDigits, PhoneNumberError> {
        let text = (plus ? "+" : "") + digits.text
        switch LibPhoneNumber.parse(text, defaultRegion: defaultPlan?.id) {
        case .failure(let error):
            let reason: PhoneNumberError.Reason = switch error {
            case .invalidCountryCode: plus || defaultPlan != nil ? .unknownCountryCode : .noCountryCode
            case .notANumber, .tooShortAfterIDD, .tooShortNationalNumber: .tooFewDigits
            case .tooLongNationalNumber: .tooLong(callingCode: defaultPlan?.callingCode ?? 0)
            }
            return .failure(PhoneNumberError(reason: reason))
        case .success(let reading):
            guard reading.isValid, reading.type != .unknown else {
                return .failure(PhoneNumberError(reason: invalidReason(reading.possibility, callingCode: reading.callingCode)))
            }
            return .success(ParsedDigits(
                callingCode: reading.callingCode,
                national: DigitString(reading.national),
                kind: PhoneLineKind(reading.type),
                region: reading.region == NumberingPlans.nonGeographicRegion ? nil : reading.region))
        }
    }

    /// The byte width of a Unicode space or dash at `index` (no-break and thin spaces, hyphens, minus sign,
    /// ideographic space, byte-order mark), nil for anything else.
    private static func unicodeSeparatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        func byte(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }
        switch (bytes[index], byte(1), byte(2)) {
        case (0xC2, 0xA0, _): return 2
        case (0xE2, 0x80, let third?) where (0x80...0x8B).contains(third) || (0x90...0x95).contains(third) || third == 0xAF:
            return 3
        case (0xE2, 0x88, 0x92), (0xE3, 0x80, 0x80), (0xEF, 0xBB, 0xBF): return 3
        default: return nil
        }
    }

    /// The error for text holding a character outside ASCII: letters, or the first character that does not belong.
    private static func characterError(_ bytes: UnsafeBufferPointer<UInt8>) -> PhoneNumberError {
        let text = String(decoding: bytes, as: UTF8.self)
        let odd = text.first { character in
            !(character.isASCII && (character.isNumber || " \t.-()/+".contains(character))) && !character.isWhitespace
                && character != "\u{2010}" && character != "\u{2011}" && character != "\u{2012}"
                && character != "\u{2013}" && character != "\u{2014}" && character != "\u{2015}"
                && character != "\u{2212}" && character != "\u{FEFF}"
        }
        guard let odd else { return PhoneNumberError(reason: .unexpectedCharacter("\u{FFFD}")) }
        return PhoneNumberError(reason: odd.isLetter ? .letters : .unexpectedCharacter(odd))
    }
}
