import CPhoneNumber

/// libphonenumber itself (through the `CPhoneNumber` shim): its parser and validator, and its metadata.
/// ``PhoneNumberParser`` compiles the metadata into automata and hands the library the few numbers whose
/// reading needs what the automata do not model (national prefixes rewritten by a transform rule, prefixes of
/// several possible lengths).
enum LibPhoneNumber {
    /// libphonenumber's kinds of number.
    enum NumberType: Int, Sendable {
        case fixedLine = 0, mobile, fixedLineOrMobile, tollFree, premiumRate, sharedCost, voip, personalNumber,
             pager, uan, voicemail, unknown
    }

    /// libphonenumber's length verdicts.
    enum Possibility: Int, Sendable {
        case possible = 0, localOnly, invalidCountryCode, tooShort, invalidLength, tooLong
    }

    /// libphonenumber's parse errors.
    enum ParseError: Int, Error, Sendable {
        case invalidCountryCode = 1, notANumber, tooShortAfterIDD, tooShortNationalNumber, tooLongNationalNumber
    }

    /// What the library makes of a number it parsed.
    struct Reading: Sendable, Equatable {
        let callingCode: Int
        /// The national significant number, leading zeros kept.
        let national: String
        let isValid: Bool
        let type: NumberType
        let possibility: Possibility
        /// "ZZ" when no region claims it, "001" for non-geographic codes.
        let region: String
    }

    /// Parses and validates `text` with `defaultRegion` (ISO alpha-2, or nil for none).
    static func parse(_ text: String, defaultRegion: String?) -> Result<Reading, ParseError> {
        var parsed = dialer_phone_parsed()
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                if let defaultRegion {
                    dialer_phone_parse(characters.baseAddress, characters.count, defaultRegion, &parsed)
                } else {
                    dialer_phone_parse(characters.baseAddress, characters.count, nil, &parsed)
                }
            }
        }
        if parsed.error != dialer_phone_parsed_ok {
            return .failure(ParseError(rawValue: Int(parsed.error.rawValue)) ?? .notANumber)
        }
        return .success(Reading(
            callingCode: Int(parsed.calling_code),
            national: withUnsafeBytes(of: parsed.national) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) },
            isValid: parsed.valid,
            type: NumberType(rawValue: Int(parsed.type.rawValue)) ?? .unknown,
            possibility: Possibility(rawValue: Int(parsed.possibility.rawValue)) ?? .invalidLength,
            region: withUnsafeBytes(of: parsed.region) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }))
    }

    /// One kind of number of a region: the pattern of its national significant numbers and their lengths.
    struct NumberDescription: Sendable {
        let pattern: String?
        let possibleLengths: [Int]
        let localOnlyLengths: [Int]
    }

    /// A region's numbering plan as the metadata gives it.
    struct RegionMetadata: Sendable {
        /// ISO 3166-1 alpha-2, "001" for non-geographic calling codes.
        let id: String
        let callingCode: Int
        let internationalPrefix: String
        let nationalPrefixForParsing: String
        let nationalPrefixTransformRule: String
        let leadingDigits: String
        let sameMobileAndFixedLinePattern: Bool
        /// In the order of ``RegionPlan/Kind``.
        let descriptions: [NumberDescription]
    }

    /// Every region of the metadata, by index.
    static func regions() -> [RegionMetadata] {
        (0..<Int(dialer_phone_region_count())).compactMap { index in
            var region = dialer_phone_region()
            guard dialer_phone_region_at(Int32(index), &region) else { return nil }
            let descriptions = withUnsafeBytes(of: region.descs) { raw in
                raw.bindMemory(to: dialer_phone_desc.self).map { desc in
                    NumberDescription(
                        pattern: desc.pattern.map { String(cString: $0) },
                        possibleLengths: (0..<Int(desc.possible_length_count)).map { Int(desc.possible_lengths[$0]) },
                        localOnlyLengths: (0..<Int(desc.local_only_length_count)).map { Int(desc.local_only_lengths[$0]) })
                }
            }
            return RegionMetadata(
                id: String(cString: region.id), callingCode: Int(region.calling_code),
                internationalPrefix: String(cString: region.international_prefix),
                nationalPrefixForParsing: String(cString: region.national_prefix_for_parsing),
                nationalPrefixTransformRule: String(cString: region.national_prefix_transform_rule),
                leadingDigits: String(cString: region.leading_digits),
                sameMobileAndFixedLinePattern: region.same_mobile_and_fixed_line_pattern,
                descriptions: descriptions)
        }
    }

    /// The indexes (into ``regions()``) of the regions of a calling code, main region first; empty when the code
    /// is not in use.
    static func regionIndexes(callingCode: Int) -> [Int] {
        var indexes = [Int32](repeating: 0, count: 64)
        let count = Int(dialer_phone_regions_for_calling_code(Int32(callingCode), &indexes, Int32(indexes.count)))
        return indexes.prefix(min(count, indexes.count)).map(Int.init)
    }

    /// Whether the library places mobiles of this calling code by their prefix (their time zones follow it).
    static func mobilesAreGeographical(callingCode: Int) -> Bool {
        dialer_phone_mobiles_are_geographical(Int32(callingCode))
    }
}
