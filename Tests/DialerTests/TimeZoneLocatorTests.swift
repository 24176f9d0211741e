@testable import Dialer
import Foundation
import Testing

/// The callee's zones come from libphonenumber's time-zone map (Debian's libphonenumber8-java).
@Suite struct TimeZoneLocatorTests {
    private static let around = Date(timeIntervalSince1970: 1_780_000_000)

    private func zones(_ text: String) throws -> String {
        let number = try PhoneNumberParser.parse(text, defaultRegion: nil).get()
        return CalleeZones.stored(try TimeZoneLocator.zoneIdentifiers(for: number, around: Self.around))
    }

    @Test(arguments: [
        ("+842838221234", "Asia/Bangkok"),
        ("+12125550123", "America/New_York"),
        ("+14155550123", "America/Los_Angeles"),
        ("+13125550123", "America/Chicago"),
        ("+19155550123", "America/Denver"),
        ("+16025550123", "America/Denver,America/Phoenix"),   // Arizona keeps no summer time; the Navajo Nation does
        ("+18085550123", "Pacific/Honolulu"),
        ("+19075550123", "America/Adak,America/Anchorage"),
        ("+16045550123", "America/Vancouver"),
        ("+14165550123", "America/Toronto"),
        ("+17095550123", "America/Puerto_Rico,America/St_Johns"),  // Labrador keeps Atlantic time
        ("+17875550123", "America/Puerto_Rico"),
        ("+18765550123", "America/Jamaica"),
        ("+61298765432", "Australia/Sydney"),
        ("+61891234567", "Australia/Adelaide,Australia/Perth"),
        ("+5592912345678", "America/Manaus"),
        ("+526641234567", "America/Tijuana"),
        ("+74951234567", "Europe/Moscow"),
        ("+73831234567", "Asia/Novosibirsk"),
        ("+442079460018", "Europe/London"),
        ("+420224123456", "Europe/Prague"),
        ("+34928123456", "Atlantic/Canary"),
        ("+34912345678", "Europe/Madrid"),
        ("+33123456789", "Europe/Paris"),
    ])
    func locatesByPrefix(text: String, expected: String) throws {
        #expect(try zones(text) == expected)
    }

    /// Numbers placed by country only, in a country across zones: every zone, so each law must hold in all.
    @Test(arguments: [
        "+61412345678",   // Australian mobile
        "+79123456789",   // Russian mobile
        "+18005550199",   // toll-free: anywhere in the NANP
    ])
    func mobilesOfCountriesAcrossZonesGetEveryZone(text: String) throws {
        #expect(CalleeZones.identifiers(try zones(text)).count >= 3)
    }

    /// Every zone the map can give exists in the system's time zone database (a zone it did not know would
    /// silently become the campaign's).
    @Test func everyZoneOfTheMapIsAKnownTimeZone() throws {
        let map = try PhoneTimeZoneMap.installed.get()
        #expect(map.zoneNames.count > 250)
        for name in map.zoneNames.sorted() {
            #expect(TimeZone(identifier: name) != nil, "\(name)")
        }
    }
}
