@testable import Dialer
import Testing

@Suite struct PhoneNumberParserTests {
    private func parsed(_ text: String, _ region: String?) -> PhoneNumber? {
        try? PhoneNumberParser.parse(text, defaultRegion: region).get()
    }

    private func reason(_ text: String, _ region: String?) -> PhoneNumberError.Reason? {
        if case .failure(let error) = PhoneNumberParser.parse(text, defaultRegion: region) { return error.reason }
        return nil
    }

    /// The ways people write a national number `digits` (without trunk prefix) of a country with calling code `code`.
    static func writtenForms(
        code: Int, national digits: String, trunk: String, withCodeWithoutPlus: Bool = true, using random: inout SeededRandom
    ) -> [(text: String, needsDefault: Bool)] {
        let separators = [" ", ".", "-", "", " - ", "\u{00A0}"]
        func grouped(_ text: String) -> String {
            var out = ""
            var rest = Substring(text)
            while !rest.isEmpty {
                let size = Int.random(in: 1...4, using: &random)
                if !out.isEmpty { out += separators.randomElement(using: &random) ?? " " }
                out += rest.prefix(size)
                rest = rest.dropFirst(size)
            }
            return out
        }
        let areaSplit = Int.random(in: 1...3, using: &random)
        let parenthesised = "(" + trunk + digits.prefix(areaSplit) + ") " + grouped(String(digits.dropFirst(areaSplit)))
        var forms: [(text: String, needsDefault: Bool)] = [
            ("+\(code)\(digits)", false),
            ("+\(code) " + grouped(digits), false),
            ("00\(code) " + grouped(digits), true),   // 00 is the international prefix of the default country
            (trunk + grouped(digits), true),
            (parenthesised, true),
            ("  " + trunk + digits + " ", true),
        ]
        if trunk == "0" { forms.append(("+\(code) (0) " + grouped(digits), false)) }
        if withCodeWithoutPlus { forms.append(("\(code) " + grouped(digits), true)) }
        return forms
    }

    /// A Vietnamese national number libphonenumber calls valid: a mobile (3 in 4) or a fixed line, drawn from
    /// the patterns of its metadata.
    static func randomVietnameseNational(using random: inout SeededRandom) -> (digits: String, kind: PhoneLineKind) {
        let vietnam = LibPhoneNumber.regions().first { $0.id == "VN" }
        let kind: RegionPlan.Kind = Int.random(in: 0..<4, using: &random) == 0 ? .fixedLine : .mobile
        guard let text = vietnam?.descriptions[kind.rawValue].pattern, let pattern = DigitPattern(text) else {
            return ("912345678", .mobile)
        }
        return (DigitPatternSampler.sample(pattern, using: &random), kind == .fixedLine ? .fixed : .mobile)
    }

    @Test func everyWrittenFormOfAVietnameseNumberGivesTheSameE164() throws {
        var random = SeededRandom(seed: 84)
        for _ in 0..<2_000 {
            let (national, kind) = Self.randomVietnameseNational(using: &random)
            let expected = "+84" + national
            for form in Self.writtenForms(code: 84, national: national, trunk: "0", using: &random) {
                let number = try #require(parsed(form.text, "VN"), "\(form.text)")
                #expect(number.e164 == expected, "\(form.text)")
                #expect(number.countryCallingCode == 84)
                #expect(number.region == "VN")
                #expect(number.kind == kind)
                #expect(number.digits == UInt64(expected.dropFirst()))
                if !form.needsDefault {
                    #expect(parsed(form.text, nil)?.e164 == expected, "\(form.text)")
                    #expect(parsed(form.text, "US")?.e164 == expected, "\(form.text)")
                }
            }
        }
    }

    @Test func parsingAnE164GivesTheSameNumber() {
        var random = SeededRandom(seed: 164)
        let regions = ["VN", "US", "GB", "CZ", "RO", "AU", "BR", "MX", "RU", "ID", "DE", "FR", nil]
        var checked = 0
        for _ in 0..<20_000 {
            let region = regions.randomElement(using: &random) ?? nil
            let length = Int.random(in: 6...14, using: &random)
            let text = (0..<length).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            for candidate in ["+" + text, text] {
                guard let first = parsed(candidate, region) else { continue }
                checked += 1
                #expect(parsed(first.e164, nil) == first, "\(candidate)")
                #expect(parsed(first.e164, "VN") == first, "\(candidate)")
            }
        }
        #expect(checked > 2_000)
    }

    @Test(arguments: [
        ("0912 345 678", "+84912345678", PhoneLineKind.mobile),
        ("028 3822 1234", "+842838221234", .fixed),
        ("1800 1234", "+8418001234", .tollFree),
        ("1900 123 456", "+841900123456", .premium),
        ("+84 (0) 24 3826 1234", "+842438261234", .fixed),
        ("0084 86 123 4567", "+84861234567", .mobile),
        ("84 912 345 678", "+84912345678", .mobile),
    ])
    func vietnameseNumbers(text: String, e164: String, kind: PhoneLineKind) throws {
        let number = try #require(parsed(text, "VN"))
        #expect(number.e164 == e164)
        #expect(number.kind == kind)
    }

    @Test(arguments: [
        ("", PhoneNumberError.Reason.empty),
        (" - ( ) ", .empty),
        ("0912 ABC 678", .letters),
        ("0912345678 ext 12", .letters),
        ("09123#45678", .unexpectedCharacter("#")),
        ("091234567", .unassigned(callingCode: 84)),
        ("09123456789", .unassigned(callingCode: 84)),
        ("0912345678901", .tooLong(callingCode: 84)),
        ("0612345678", .unassigned(callingCode: 84)),
        ("0241234567", .unassigned(callingCode: 84)),
        ("012", .tooShort(callingCode: 84)),
        ("0", .tooFewDigits),
        ("+999 123 456 789", .unknownCountryCode),
        ("+84 12345678901234567890123", .tooLong(callingCode: 84)),
    ])
    func badVietnameseInputGetsAClearReason(text: String, expected: PhoneNumberError.Reason) {
        #expect(reason(text, "VN") == expected)
    }

    @Test func missingCountryAndUnknownDefaultRegion() {
        #expect(reason("0912345678", nil) == .noCountryCode)
        #expect(reason("0912345678", "XX") == .unknownDefaultRegion("XX"))
        #expect(PhoneNumberParser.callingCode(forRegion: "VN") == 84)
        #expect(PhoneNumberParser.callingCode(forRegion: "vn") == 84)
        #expect(PhoneNumberParser.callingCode(forRegion: "ZZ") == nil)
    }

    @Test func errorMessagesAreSentencesThatNeverRepeatTheNumber() {
        let inputs = ["091234567", "0912345678901", "0612345678", "+999 123 456 789", "0912 ABC 678", "09123#45678", "012"]
        for input in inputs {
            guard case .failure(let error) = PhoneNumberParser.parse(input, defaultRegion: "VN") else {
                Issue.record("\(input) must fail")
                continue
            }
            let message = error.description
            #expect(message.hasPrefix("The phone number"))
            #expect(message.hasSuffix("."))
            #expect(!message.contains("1234"))
        }
        #expect(PhoneNumberError(reason: .tooShort(callingCode: 84)).description == "The phone number is too short for Vietnam (+84).")
    }
}

@Suite struct PhoneNumberFuzzTests {
    /// Random text made of digits, separators, plus signs, letters and other characters: the parser never
    /// fails to answer, and every number it accepts is a valid E.164 that parses to itself.
    @Test func randomTextGivesAValidNumberOrAReason() throws {
        var random = SeededRandom(seed: 1_164)
        let common = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "9", "84", "00", " ", "-", ".", "(", ")"]
        let rare = ["+", "/", "\u{00A0}", "x", "é", "#", "٣", "😀", "\u{2013}"]
        var accepted = 0
        for _ in 0..<30_000 {
            let text = (0..<Int.random(in: 0...16, using: &random)).map { _ in
                (Int.random(in: 0..<40, using: &random) == 0 ? rare : common).randomElement(using: &random) ?? ""
            }.joined()
            let region = ["VN", "US", "GB", "CZ", "RO", nil].randomElement(using: &random) ?? nil
            guard case .success(let number) = PhoneNumberParser.parse(text, defaultRegion: region) else { continue }
            accepted += 1
            #expect(number.e164.count <= 16)
            #expect(number.e164.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
            #expect(try PhoneNumberParser.parse(number.e164, defaultRegion: nil).get() == number, "\(text)")
        }
        #expect(accepted > 500)
    }
}
