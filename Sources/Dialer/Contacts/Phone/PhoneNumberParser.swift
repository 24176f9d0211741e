/// Turns what people type into a valid E.164 ``PhoneNumber``, checked against the country's numbering plan.
enum PhoneNumberParser {
    /// A number reduced to its digits and plan verdict, without building strings (the DNC loader uses this).
    struct ParsedDigits: Equatable {
        let callingCode: Int
        let national: NationalNumber
        let kind: PhoneLineKind
        let region: String?

        /// The E.164 digits as an integer.
        var digits: UInt64 {
            UInt64(callingCode) * PhoneNumber.powerOfTen(national.length) + national.value
        }
    }

    /// From what people type: spaces, dots, dashes, parentheses, `00` and `+` prefixes, the national trunk prefix `0`,
    /// a missing country code (use `defaultRegion`, ISO alpha-2). Idempotent: parsing an e164 gives the same number.
    static func parse(_ text: String, defaultRegion: String?) -> Result<PhoneNumber, PhoneNumberError> {
        let defaultCode: Int?
        if let defaultRegion {
            guard let code = callingCode(forRegion: defaultRegion) else {
                return .failure(PhoneNumberError(reason: .unknownDefaultRegion(defaultRegion)))
            }
            defaultCode = code
        } else {
            defaultCode = nil
        }
        return parse(text, defaultCallingCode: defaultCode)
    }

    /// As ``parse(_:defaultRegion:)``, with the default region's calling code already looked up
    /// (`nil`: numbers must carry their own): the path for many numbers of one list.
    static func parse(_ text: String, defaultCallingCode defaultCode: Int?) -> Result<PhoneNumber, PhoneNumberError> {
        var text = text
        let result = text.withUTF8 { bytes in
            parseDigits(bytes, defaultCallingCode: defaultCode)
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
        CallingCodes.byRegion[region.uppercased()]
    }

    /// Parses UTF-8 text into digits checked by the numbering plan. `defaultCallingCode` applies to numbers
    /// written without `+` or `00`.
    static func parseDigits(_ bytes: UnsafeBufferPointer<UInt8>, defaultCallingCode: Int?) -> Result<ParsedDigits, PhoneNumberError> {
        var digits = InlineArray<24, UInt8>(repeating: 0)
        var count = 0
        var overflow = false
        var plus = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if count < 24 {
                    digits[count] = byte &- UInt8(ascii: "0")
                    count += 1
                } else {
                    overflow = true
                }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "/"):
                break
            case UInt8(ascii: "+") where count == 0 && !plus:
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
        if count == 0 { return .failure(PhoneNumberError(reason: .empty)) }

        var start = 0
        var international = plus
        if !plus && count >= 2 && digits[0] == 0 && digits[1] == 0 {
            international = true
            start = 2
        } else if !plus && defaultCallingCode == 1 && count >= 3 && digits[0] == 0 && digits[1] == 1 && digits[2] == 1 {
            international = true
            start = 3
        }

        if international {
            var code = 0
            var codeLength = 0
            var candidate = 0
            for length in 1...3 where start + length <= count {
                candidate = candidate * 10 + Int(digits[start + length - 1])
                if CallingCodes.isKnown(candidate) && candidate > 0 {
                    code = candidate
                    codeLength = length
                    break
                }
            }
            guard code > 0 else { return .failure(PhoneNumberError(reason: .unknownCountryCode)) }
            if overflow { return .failure(PhoneNumberError(reason: .tooLong(callingCode: code))) }
            let nationalStart = start + codeLength
            var firstError: PhoneNumberError.Reason?
            if CallingCodes.trunkPrefix(callingCode: code) == 0 && nationalStart < count && digits[nationalStart] == 0,
               let parsed = attempt(digits, count, code, from: nationalStart + 1, strippedTrunk: true, &firstError) {
                return .success(parsed)
            }
            if let parsed = attempt(digits, count, code, from: nationalStart, strippedTrunk: false, &firstError) {
                return .success(parsed)
            }
            return .failure(PhoneNumberError(reason: firstError ?? .invalidLeadingDigits(callingCode: code)))
        }

        guard let code = defaultCallingCode else { return .failure(PhoneNumberError(reason: .noCountryCode)) }
        if overflow { return .failure(PhoneNumberError(reason: .tooLong(callingCode: code))) }
        // Readings tried in order: without the trunk prefix, as written, and with the country code written
        // without `+` or `00` ("84 912 345 678" in a Vietnamese list). The first the plan accepts wins.
        var firstError: PhoneNumberError.Reason?
        if let trunk = CallingCodes.trunkPrefix(callingCode: code), digits[0] == trunk,
           let parsed = attempt(digits, count, code, from: 1, strippedTrunk: true, &firstError) {
            return .success(parsed)
        }
        if let parsed = attempt(digits, count, code, from: 0, strippedTrunk: false, &firstError) {
            return .success(parsed)
        }
        let codeLength = PhoneNumber.digitCount(UInt64(code))
        if count > codeLength && leadingValue(digits, count: codeLength) == code,
           let parsed = attempt(digits, count, code, from: codeLength, strippedTrunk: false, &firstError) {
            return .success(parsed)
        }
        return .failure(PhoneNumberError(reason: firstError ?? .invalidLeadingDigits(callingCode: code)))
    }

    /// Reads `digits[start..<count]` as the national number; nil when the plan refuses it, keeping the first refusal.
    private static func attempt(
        _ digits: InlineArray<24, UInt8>, _ count: Int, _ code: Int, from start: Int, strippedTrunk: Bool,
        _ firstError: inout PhoneNumberError.Reason?
    ) -> ParsedDigits? {
        let length = count - start
        let verdict: NumberingPlan.Verdict
        var national = NationalNumber(value: 0, length: 0)
        if length > 17 {
            verdict = .tooLong
        } else {
            for index in start..<count {
                national.value = national.value &* 10 &+ UInt64(digits[index])
            }
            national.length = length
            national = NumberingPlan.adjust(national, callingCode: code, strippedTrunk: strippedTrunk)
            verdict = NumberingPlan.check(national, callingCode: code)
        }
        switch verdict {
        case .valid(let kind, let region):
            return ParsedDigits(callingCode: code, national: national, kind: kind, region: region)
        case .tooShort:
            firstError = firstError ?? .tooShort(callingCode: code)
        case .tooLong:
            firstError = firstError ?? .tooLong(callingCode: code)
        case .invalidLeadingDigits:
            firstError = firstError ?? .invalidLeadingDigits(callingCode: code)
        }
        return nil
    }

    private static func leadingValue(_ digits: InlineArray<24, UInt8>, count: Int) -> Int {
        var value = 0
        for index in 0..<count { value = value * 10 + Int(digits[index]) }
        return value
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
