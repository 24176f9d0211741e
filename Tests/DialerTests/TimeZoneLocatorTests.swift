@testable import Dialer
import Foundation
import Testing

@Suite struct TimeZoneLocatorTests {
    private func zone(_ text: String) throws -> String? {
        let number = try PhoneNumberParser.parse(text, defaultRegion: nil).get()
        return TimeZoneLocator.zoneIdentifier(for: number)
    }

    @Test(arguments: [
        ("+84912345678", "Asia/Ho_Chi_Minh"),
        ("+842838221234", "Asia/Ho_Chi_Minh"),
        ("+12125550123", "America/New_York"),
        ("+14155550123", "America/Los_Angeles"),
        ("+13125550123", "America/Chicago"),
        ("+19155550123", "America/Denver"),
        ("+16025550123", "America/Phoenix"),
        ("+18085550123", "Pacific/Honolulu"),
        ("+19075550123", "America/Anchorage"),
        ("+13135550123", "America/Detroit"),
        ("+16045550123", "America/Vancouver"),
        ("+14165550123", "America/Toronto"),
        ("+15145550123", "America/Toronto"),
        ("+17095550123", "America/St_Johns"),
        ("+17875550123", "America/Puerto_Rico"),
        ("+61298765432", "Australia/Sydney"),
        ("+61398765432", "Australia/Melbourne"),
        ("+61362345678", "Australia/Hobart"),
        ("+61738765432", "Australia/Brisbane"),
        ("+61892345678", "Australia/Perth"),
        ("+61882345678", "Australia/Adelaide"),
        ("+61889812345", "Australia/Darwin"),
        ("+5511912345678", "America/Sao_Paulo"),
        ("+5592912345678", "America/Manaus"),
        ("+556534567890", "America/Cuiaba"),
        ("+525512345678", "America/Mexico_City"),
        ("+526641234567", "America/Tijuana"),
        ("+529981234567", "America/Cancun"),
        ("+74951234567", "Europe/Moscow"),
        ("+73831234567", "Asia/Novosibirsk"),
        ("+74232123456", "Asia/Vladivostok"),
        ("+77011234567", "Asia/Almaty"),
        ("+622112345678", "Asia/Jakarta"),
        ("+62361234567", "Asia/Makassar"),
        ("+62967123456", "Asia/Jayapura"),
        ("+442079460018", "Europe/London"),
        ("+420224123456", "Europe/Prague"),
        ("+40211234567", "Europe/Bucharest"),
        ("+34928123456", "Atlantic/Canary"),
        ("+34912345678", "Europe/Madrid"),
        ("+351296123456", "Atlantic/Azores"),
        ("+33123456789", "Europe/Paris"),
    ])
    func locatesByCountryAndAreaCode(text: String, expected: String) throws {
        #expect(try zone(text) == expected)
    }

    @Test(arguments: [
        "+18005550199",   // toll-free: anywhere in NANP
        "+18675550123",   // Canada's north spans five zones
        "+61412345678",   // Australian mobile
        "+79123456789",   // Russian mobile
        "+628123456789",  // Indonesian mobile
        "+34612345678",   // Spanish mobile (mainland or Canaries)
        "+243812345678",  // DR Congo spans two zones
    ])
    func unknowableZonesAreNil(text: String) throws {
        #expect(try zone(text) == nil)
    }

    /// Every identifier the locator can return exists in the system's time zone database: walk every
    /// area-code prefix of the countries located by area code, and every single-zone country.
    @Test func everyIdentifierItCanReturnIsAKnownTimeZone() throws {
        var emitted: Set<String> = Set(CountryTimeZones.byRegion.values)
        let shapes: [(code: String, prefixDigits: Int, fill: String)] = [
            ("1", 3, "5550123"), ("7", 3, "1234567"), ("34", 3, "123456"), ("351", 3, "123456"),
            ("52", 3, "1234567"), ("52", 2, "12345678"), ("55", 2, "91234567"), ("55", 2, "34567890"),
            ("61", 3, "123456"), ("62", 2, "1234567"), ("62", 3, "123456"),
        ]
        for shape in shapes {
            let count = shape.prefixDigits == 2 ? 100 : 1000
            for prefix in 0..<count {
                let digits = String(prefix).count < shape.prefixDigits
                    ? String(repeating: "0", count: shape.prefixDigits - String(prefix).count) + String(prefix)
                    : String(prefix)
                guard let number = try? PhoneNumberParser.parse("+" + shape.code + digits + shape.fill, defaultRegion: nil).get()
                else { continue }
                if let zone = TimeZoneLocator.zoneIdentifier(for: number) { emitted.insert(zone) }
            }
        }
        #expect(emitted.count > 150)
        for identifier in emitted.sorted() {
            #expect(TimeZone(identifier: identifier) != nil, "\(identifier)")
        }
    }

    @Test func everySingleZoneCountryIsAKnownRegion() {
        for region in CountryTimeZones.byRegion.keys {
            #expect(PhoneNumberParser.callingCode(forRegion: region) != nil, "\(region)")
        }
    }
}
