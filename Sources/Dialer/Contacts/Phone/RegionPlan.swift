/// One region's numbering plan from libphonenumber's metadata, compiled for speed: one automaton tells which
/// kinds of number a national significant number matches; the prefixes people dial (international, national)
/// are automata too. Each check mirrors the library's code (`PhoneNumberUtil`) step for step; what the
/// automata cannot model is flagged so the parser hands those numbers to the library.
final class RegionPlan: Sendable {
    /// The metadata's kinds of number, in the order of its descriptions.
    enum Kind: Int {
        case general = 0, fixedLine, mobile, tollFree, premiumRate, sharedCost, personalNumber, voip, pager, uan,
             voicemail
    }

    /// A prefix rule (international or national prefix): what it matches at the start of a number.
    enum PrefixRule: Sendable {
        /// The region has none.
        case none
        case automaton(DigitAutomaton)
        /// Beyond the automata: numbers it could apply to go to the library.
        case unsupported
    }

    let id: String
    /// The ISO region, nil for a non-geographic calling code ("001").
    let isoRegion: String?
    let callingCode: Int
    /// Whether it is the main region of its calling code (the US for +1), whose plan reads numbers written with it.
    let isMainRegion: Bool
    /// Whether other regions share its calling code (then a number's region is looked up among them).
    let sharesCallingCode: Bool
    /// The calling code's digits.
    let callingCodeDigits: DigitString
    /// Whether every kind's pattern compiled (if not, the region's numbers go to the library).
    let isComplete: Bool
    private let kinds: DigitAutomaton
    /// Per kind: the possible lengths as a bit set, nil when the metadata gives none (no length check).
    private let lengthSets: [UInt32?]
    private let generalLengths: [Int]
    private let localOnlyLengths: UInt32
    private let sameMobileAndFixedLinePattern: Bool
    /// The region's leading digits (regions sharing a calling code), nil when it has none.
    let leadingDigits: PrefixRule
    let internationalPrefix: PrefixRule
    let nationalPrefix: PrefixRule
    /// The digits the international and national prefixes can start with (all of them for a rule beyond the
    /// automata): most numbers are decided not to start with one by their first digit alone.
    let internationalPrefixStarts: UInt16
    let nationalPrefixStarts: UInt16
    /// Whether the national prefix rule rewrites what it captures (then the library reads such numbers).
    let nationalPrefixTransforms: Bool

    init(_ metadata: LibPhoneNumber.RegionMetadata, isMainRegion: Bool, sharesCallingCode: Bool) {
        id = metadata.id
        isoRegion = metadata.id == NumberingPlans.nonGeographicRegion ? nil : metadata.id
        callingCode = metadata.callingCode
        self.isMainRegion = isMainRegion
        self.sharesCallingCode = sharesCallingCode
        callingCodeDigits = DigitString(String(metadata.callingCode))
        var tagged: [(pattern: DigitPattern, tag: Int)] = []
        var complete = true
        for (kind, description) in metadata.descriptions.enumerated() {
            guard let text = description.pattern, !text.isEmpty else { continue }
            if let pattern = DigitPattern(text) { tagged.append((pattern, kind)) } else { complete = false }
        }
        isComplete = complete
        kinds = DigitAutomaton(tagged)
        lengthSets = metadata.descriptions.map { description in
            description.possibleLengths.isEmpty ? nil : Self.bitSet(description.possibleLengths)
        }
        generalLengths = metadata.descriptions[Kind.general.rawValue].possibleLengths
        localOnlyLengths = Self.bitSet(metadata.descriptions[Kind.general.rawValue].localOnlyLengths)
        sameMobileAndFixedLinePattern = metadata.sameMobileAndFixedLinePattern
        leadingDigits = Self.rule(metadata.leadingDigits)
        internationalPrefix = Self.rule(metadata.internationalPrefix)
        nationalPrefix = Self.rule(metadata.nationalPrefixForParsing)
        nationalPrefixTransforms = !metadata.nationalPrefixTransformRule.isEmpty
        internationalPrefixStarts = Self.starts(internationalPrefix)
        nationalPrefixStarts = Self.starts(nationalPrefix)
    }

    /// Whether `digits` may start with the prefix whose first digits are `starts`.
    static func mayStart(_ digits: DigitString, _ starts: UInt16) -> Bool {
        !digits.isEmpty && starts & (1 << UInt16(digits[0])) != 0
    }

    private static func starts(_ rule: PrefixRule) -> UInt16 {
        switch rule {
        case .none: 0
        case .automaton(let automaton): automaton.firstDigits
        case .unsupported: DigitPattern.anyDigit
        }
    }

    /// Whether the general pattern matches (libphonenumber's `MatchNationalNumber` on the general description:
    /// the pattern alone, lengths not checked).
    func matchesGeneralPattern(_ national: DigitString) -> Bool {
        kinds.matches(national) & 1 != 0
    }

    /// libphonenumber's `GetNumberTypeHelper`: `.unknown` when the number is not valid here.
    func type(of national: DigitString) -> LibPhoneNumber.NumberType {
        let matched = kinds.matches(national)
        let length = national.count
        func matches(_ kind: Kind) -> Bool {
            guard matched & (1 << UInt32(kind.rawValue)) != 0 else { return false }
            guard let lengths = lengthSets[kind.rawValue] else { return true }
            return length < 32 && lengths & (1 << UInt32(length)) != 0
        }
        guard matches(.general) else { return .unknown }
        if matches(.premiumRate) { return .premiumRate }
        if matches(.tollFree) { return .tollFree }
        if matches(.sharedCost) { return .sharedCost }
        if matches(.voip) { return .voip }
        if matches(.personalNumber) { return .personalNumber }
        if matches(.pager) { return .pager }
        if matches(.uan) { return .uan }
        if matches(.voicemail) { return .voicemail }
        if matches(.fixedLine) {
            return sameMobileAndFixedLinePattern || matches(.mobile) ? .fixedLineOrMobile : .fixedLine
        }
        if !sameMobileAndFixedLinePattern && matches(.mobile) { return .mobile }
        return .unknown
    }

    /// libphonenumber's `TestNumberLength` for any kind of number.
    func testLength(_ national: DigitString) -> LibPhoneNumber.Possibility {
        guard let minimum = generalLengths.first, minimum != -1, let maximum = generalLengths.last else {
            return .invalidLength
        }
        let length = national.count
        if length < 32 && localOnlyLengths & (1 << UInt32(length)) != 0 { return .localOnly }
        if length == minimum { return .possible }
        if length < minimum { return .tooShort }
        if length > maximum { return .tooLong }
        return generalLengths.contains(length) ? .possible : .invalidLength
    }

    /// How many digits at the start of `digits` are the prefix `rule` describes (the country's international or
    /// national prefix as written in a prefix entry): 0 when it is not there, or could be read at several lengths.
    func writtenPrefixLength(_ digits: DigitString, _ rule: PrefixRule) -> Int {
        guard case .automaton(let prefix) = rule else { return 0 }
        return prefix.prefixMatches(digits).nonEmpty.single ?? 0
    }

    private static func bitSet(_ lengths: [Int]) -> UInt32 {
        lengths.reduce(0) { set, length in (0..<32).contains(length) ? set | 1 << UInt32(length) : set }
    }

    private static func rule(_ text: String) -> PrefixRule {
        guard !text.isEmpty else { return .none }
        guard let pattern = DigitPattern(text) else { return .unsupported }
        return .automaton(DigitAutomaton([(pattern, 0)]))
    }
}
