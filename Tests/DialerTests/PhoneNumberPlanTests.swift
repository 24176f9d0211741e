@testable import Dialer
import Testing

@Suite struct PhoneNumberPlanTests {
    private func parsed(_ text: String, _ region: String?) -> PhoneNumber? {
        try? PhoneNumberParser.parse(text, defaultRegion: region).get()
    }

    private func reason(_ text: String, _ region: String?) -> PhoneNumberError.Reason? {
        if case .failure(let error) = PhoneNumberParser.parse(text, defaultRegion: region) { return error.reason }
        return nil
    }

    @Test(arguments: [
        ("(212) 555-0123", String?("US"), "+12125550123", "US", PhoneLineKind.unknown),
        ("1-212-555-0199", "US", "+12125550199", "US", .unknown),
        ("+1 604 555 0123", nil, "+16045550123", "CA", .unknown),
        ("416.555.0123", "CA", "+14165550123", "CA", .unknown),
        ("+1 876 555 0123", nil, "+18765550123", "JM", .unknown),
        ("1 800 555 0199", "US", "+18005550199", "US", .tollFree),
        ("011 84 912 345 678", "US", "+84912345678", "VN", .mobile),
        ("07911 123456", "GB", "+447911123456", "GB", .mobile),
        ("020 7946 0018", "GB", "+442079460018", "GB", .fixed),
        ("+44 (0)20 7946 0018", nil, "+442079460018", "GB", .fixed),
        ("0800 123 4567", "GB", "+448001234567", "GB", .tollFree),
        ("+420 601 123 456", nil, "+420601123456", "CZ", .mobile),
        ("602 123 456", "CZ", "+420602123456", "CZ", .mobile),
        ("224 123 456", "CZ", "+420224123456", "CZ", .fixed),
        ("0721 234 567", "RO", "+40721234567", "RO", .mobile),
        ("021 123 4567", "RO", "+40211234567", "RO", .fixed),
        ("0412 345 678", "AU", "+61412345678", "AU", .mobile),
        ("(02) 9876 5432", "AU", "+61298765432", "AU", .fixed),
        ("1800 123 456", "AU", "+611800123456", "AU", .tollFree),
        ("8 (912) 345-67-89", "RU", "+79123456789", "RU", .mobile),
        ("8 495 123 45 67", "RU", "+74951234567", "RU", .fixed),
        ("812 123 4567", "RU", "+78121234567", "RU", .fixed),
        ("+7 701 123 4567", nil, "+77011234567", "KZ", .mobile),
        ("(11) 91234-5678", "BR", "+5511912345678", "BR", .mobile),
        ("0 21 11 91234 5678", "BR", "+5511912345678", "BR", .mobile),
        ("(21) 3456-7890", "BR", "+552134567890", "BR", .fixed),
        ("55 1234 5678", "MX", "+525512345678", "MX", .unknown),
        ("+52 1 55 1234 5678", nil, "+525512345678", "MX", .unknown),
        ("0812-3456-789", "ID", "+628123456789", "ID", .mobile),
        ("(021) 1234 5678", "ID", "+622112345678", "ID", .fixed),
        ("+49 30 1234567", nil, "+49301234567", "DE", .fixed),
        ("0151 2345 6789", "DE", "+4915123456789", "DE", .mobile),
        ("+33 (0)1 23 45 67 89", nil, "+33123456789", "FR", .fixed),
        ("06 12 34 56 78", "FR", "+33612345678", "FR", .mobile),
        ("098765 43210", "IN", "+919876543210", "IN", .mobile),
        ("138 0013 8000", "CN", "+8613800138000", "CN", .mobile),
        ("010 1234 5678", "CN", "+861012345678", "CN", .fixed),
        ("081 234 5678", "TH", "+66812345678", "TH", .mobile),
        ("02 123 4567", "TH", "+6621234567", "TH", .fixed),
        ("9123 4567", "SG", "+6591234567", "SG", .mobile),
        ("012-345 6789", "MY", "+60123456789", "MY", .mobile),
        ("0917 123 4567", "PH", "+639171234567", "PH", .mobile),
        ("090-1234-5678", "JP", "+819012345678", "JP", .mobile),
        ("03-1234-5678", "JP", "+81312345678", "JP", .fixed),
        ("010-1234-5678", "KR", "+821012345678", "KR", .mobile),
        ("02-123-4567", "KR", "+8221234567", "KR", .fixed),
        ("+39 06 1234 5678", nil, "+390612345678", "IT", .unknown),
        ("06 1234 5678", "IT", "+390612345678", "IT", .unknown),
    ])
    func numbersOfEachPlan(text: String, region: String?, e164: String, numberRegion: String, kind: PhoneLineKind) throws {
        let number = try #require(parsed(text, region), "\(text)")
        #expect(number.e164 == e164)
        #expect(number.region == numberRegion)
        #expect(number.kind == kind)
        #expect(parsed(number.e164, nil) == number)
    }

    @Test(arguments: [
        ("+1 911 555 0123", PhoneNumberError.Reason.invalidLeadingDigits(callingCode: 1)),
        ("+1 212 155 0123", .invalidLeadingDigits(callingCode: 1)),
        ("+1 212 411 0123", .invalidLeadingDigits(callingCode: 1)),
        ("+1 212 555 012", .tooShort(callingCode: 1)),
        ("+1 212 555 01234", .tooLong(callingCode: 1)),
        ("+44 4123 456789", .invalidLeadingDigits(callingCode: 44)),
        ("+44 7911 12345", .tooShort(callingCode: 44)),
        ("+420 123 456 789", .invalidLeadingDigits(callingCode: 420)),
        ("+420 602 123 45", .tooShort(callingCode: 420)),
        ("+420 602 123 4567", .tooLong(callingCode: 420)),
        ("+40 612 345 678", .invalidLeadingDigits(callingCode: 40)),
        ("+40 721 234 56", .tooShort(callingCode: 40)),
        ("+49 12", .tooShort(callingCode: 49)),
        ("+49 1234 5678 9012 34", .tooLong(callingCode: 49)),
        ("+55 20 91234 5678", .invalidLeadingDigits(callingCode: 55)),
        ("+33 7 12 34 56 78", .invalidLeadingDigits(callingCode: 33)),
        ("+33 6 12 34 56 7", .tooShort(callingCode: 33)),
        ("+91 5123 45678", .tooShort(callingCode: 91)),
        ("+65 5123 4567", .invalidLeadingDigits(callingCode: 65)),
        ("+86 138 0013 800", .tooShort(callingCode: 86)),
    ])
    func invalidNumbersOfEachPlan(text: String, expected: PhoneNumberError.Reason) {
        #expect(reason(text, nil) == expected)
    }

    private struct Country {
        let region: String
        let code: Int
        let trunk: String
        let prefixes: [String]
        let length: Int
        var codeWithoutPlusIsUnambiguous = true
    }

    private static let countries: [Country] = [
        Country(region: "US", code: 1, trunk: "1", prefixes: ["212555", "415867", "312204", "604339", "876929", "202456"], length: 10),
        Country(region: "GB", code: 44, trunk: "0", prefixes: ["7911", "7700", "2079", "1614", "1312"], length: 10),
        Country(region: "CZ", code: 420, trunk: "", prefixes: ["601", "602", "721", "777", "224", "543"], length: 9),
        Country(region: "RO", code: 40, trunk: "0", prefixes: ["72", "74", "21", "264"], length: 9),
        Country(region: "AU", code: 61, trunk: "0", prefixes: ["4", "2", "3", "7", "89"], length: 9),
        Country(region: "BR", code: 55, trunk: "0", prefixes: ["119", "219", "613", "513"], length: 11),
        Country(region: "RU", code: 7, trunk: "8", prefixes: ["912", "495", "343", "812"], length: 10),
        Country(region: "MX", code: 52, trunk: "", prefixes: ["55", "33", "81", "664"], length: 10),
        Country(region: "ID", code: 62, trunk: "0", prefixes: ["812", "857", "21"], length: 11, codeWithoutPlusIsUnambiguous: false),
        Country(region: "FR", code: 33, trunk: "0", prefixes: ["6", "73", "78", "1", "4"], length: 9),
        Country(region: "IN", code: 91, trunk: "0", prefixes: ["98", "70", "22"], length: 10),
        Country(region: "TH", code: 66, trunk: "0", prefixes: ["81", "96", "61"], length: 9),
        Country(region: "SG", code: 65, trunk: "", prefixes: ["8", "9", "6"], length: 8),
        Country(region: "JP", code: 81, trunk: "0", prefixes: ["90", "80", "70"], length: 10),
    ]

    /// For every plan: the written forms of random valid numbers all give the same E.164, which parses to itself.
    @Test func everyWrittenFormGivesTheSameE164InEveryPlan() throws {
        var random = SeededRandom(seed: 4_420)
        for country in Self.countries {
            for _ in 0..<300 {
                let prefix = country.prefixes.randomElement(using: &random) ?? ""
                var national = prefix
                while national.count < (prefix == "613" || prefix == "513" ? 10 : country.length) {
                    national += String(Int.random(in: 0...9, using: &random))
                }
                let expected = "+\(country.code)\(national)"
                let reference = try #require(parsed(expected, nil), "\(expected)")
                #expect(parsed(reference.e164, country.region) == reference)
                let forms = PhoneNumberParserTests.writtenForms(
                    code: country.code, national: national, trunk: country.trunk,
                    withCodeWithoutPlus: country.codeWithoutPlusIsUnambiguous, using: &random)
                for form in forms {
                    #expect(parsed(form.text, country.region)?.e164 == expected, "\(form.text)")
                }
            }
        }
    }
}
