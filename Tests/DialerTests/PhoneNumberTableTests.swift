@testable import Dialer
import Foundation
import Testing

/// Numbers from libphonenumber's documentation and test examples, with what libphonenumber 8.12 (Debian 12)
/// says of them: E.164, kind, region and the callee's time zones; and numbers it calls invalid, with why.
@Suite struct PhoneNumberTableTests {
    @Test(arguments: [
        // written, E.164, kind, region, zones
        ("+1 650 253 0000", "+16502530000", PhoneLineKind.fixedOrMobile, "US", "America/Los_Angeles"),
        ("+1 800 253 0000", "+18002530000", .tollFree, "US", "many"),
        ("+1 900 253 0000", "+19002530000", .premium, "US", "many"),
        ("+1 604 555 0123", "+16045550123", .fixedOrMobile, "CA", "America/Vancouver"),
        ("+1 876 555 0123", "+18765550123", .mobile, "JM", "America/Jamaica"),
        // Area codes split between zones: the exchange tells where it can, else every zone of the area code.
        ("+1 208 201 0100", "+12082010100", .fixedOrMobile, "US", "America/Denver"),
        ("+1 208 215 0100", "+12082150100", .fixedOrMobile, "US", "America/Los_Angeles"),
        ("+1 208 555 0100", "+12085550100", .fixedOrMobile, "US", "America/Boise,America/Los_Angeles"),
        ("+1 270 202 0100", "+12702020100", .fixedOrMobile, "US", "America/Chicago"),
        ("+1 270 555 0100", "+12705550100", .fixedOrMobile, "US", "America/New_York"),
        ("+44 7912 345 678", "+447912345678", .mobile, "GB", "Europe/London"),
        ("+44 20 7031 3000", "+442070313000", .fixed, "GB", "Europe/London"),
        ("+44 800 123 4567", "+448001234567", .tollFree, "GB", "Europe/London"),
        ("+49 30 1234567", "+49301234567", .fixed, "DE", "Europe/Berlin"),
        ("+49 1512 3456789", "+4915123456789", .mobile, "DE", "Europe/Berlin"),
        ("+39 02 3661 8300", "+390236618300", .fixed, "IT", "Europe/Rome"),
        ("+39 345 678 901", "+39345678901", .mobile, "IT", "Europe/Rome"),
        ("+61 2 3661 8300", "+61236618300", .fixed, "AU", "Australia/Sydney"),
        ("+54 9 11 8765 4321", "+5491187654321", .mobile, "AR", "America/Buenos_Aires"),
        ("+54 11 8765 4321", "+541187654321", .fixed, "AR", "America/Buenos_Aires"),
        ("+52 1 33 1234 5678", "+523312345678", .fixedOrMobile, "MX", "America/Mexico_City"),
        ("+800 1234 5678", "+80012345678", .tollFree, nil, ""),
        ("+979 123 456 789", "+979123456789", .premium, nil, ""),
        ("+82 2 530 0000", "+8225300000", .fixed, "KR", "Asia/Seoul"),
        ("+82 10 1234 5678", "+821012345678", .mobile, "KR", "Asia/Seoul"),
        ("+84 24 3826 1234", "+842438261234", .fixed, "VN", "Asia/Bangkok"),
        ("+84 91 234 5678", "+84912345678", .mobile, "VN", "Asia/Bangkok"),
        ("+7 495 123 4567", "+74951234567", .fixed, "RU", "Europe/Moscow"),
        // A mobile of a calling code across many zones: the library places it by country only.
        ("+7 701 123 4567", "+77011234567", .mobile, "KZ", "many"),
        ("+7 912 345 6789", "+79123456789", .mobile, "RU", "many"),
        ("+40 21 123 4567", "+40211234567", .fixed, "RO", "Europe/Bucharest"),
        ("+55 11 91234 5678", "+5511912345678", .mobile, "BR", "America/Sao_Paulo"),
        ("+420 224 123 456", "+420224123456", .fixed, "CZ", "Europe/Prague"),
        // Zones that keep the same time are one (Guernsey and London); the Chatham Islands keep their own.
        ("+64 21 123 4567", "+64211234567", .mobile, "NZ", "Pacific/Auckland,Pacific/Chatham"),
    ] as [(String, String, PhoneLineKind, String?, String)])
    func validNumbers(written: String, e164: String, kind: PhoneLineKind, region: String?, zones: String) throws {
        let number = try PhoneNumberParser.parse(written, defaultRegion: nil).get()
        #expect(number.e164 == e164)
        #expect(number.kind == kind)
        #expect(number.region == region)
        let located = CalleeZones.stored(try TimeZoneLocator.zoneIdentifiers(for: number, around: Date(timeIntervalSince1970: 1_780_000_000)))
        if zones == "many" {
            #expect(CalleeZones.identifiers(located).count >= 10, "\(located)")
        } else {
            #expect(located == zones)
        }
    }

    @Test(arguments: [
        ("+1 650 253 000", PhoneNumberError.Reason.tooShort(callingCode: 1)),
        ("+1 650 253 00000", .tooLong(callingCode: 1)),
        ("+1 123 253 0000", .unassigned(callingCode: 1)),   // no area code starts with 1
        ("+1 211 253 0000", .unassigned(callingCode: 1)),   // N11 is a service code
        ("+1 235 555 0100", .unassigned(callingCode: 1)),   // not in use when the metadata was made (2022)
        ("+44 7912 345 67", .unassigned(callingCode: 44)),
        ("+44 2070 313 0000", .tooLong(callingCode: 44)),
        ("+7 000 123 4567", .unassigned(callingCode: 7)),
        ("+40 61 123 4567", .unassigned(callingCode: 40)),
        ("+84 61 234 5678", .unassigned(callingCode: 84)),
        ("+84 91 234 567", .unassigned(callingCode: 84)),
        ("+55 11 1234 5678", .unassigned(callingCode: 55)),
        ("+61 5 1234 5678", .unassigned(callingCode: 61)),
        ("+999 123 456 789", .unknownCountryCode),
        ("+1", .tooFewDigits),
    ] as [(String, PhoneNumberError.Reason)])
    func invalidNumbers(written: String, reason: PhoneNumberError.Reason) {
        #expect(throws: PhoneNumberError(reason: reason)) { try PhoneNumberParser.parse(written, defaultRegion: nil).get() }
        // The library agrees that it is not a valid number.
        if case .success(let reading) = LibPhoneNumber.parse(written, defaultRegion: nil) { #expect(!reading.isValid) }
    }
}
