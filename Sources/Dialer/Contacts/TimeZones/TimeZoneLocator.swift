import Foundation

/// Where a number's owner may live, as IANA time zones, so calls respect the called party's local hours.
enum TimeZoneLocator {
    /// The zones libphonenumber gives a number (its `PhoneNumberToTimeZonesMapper`): by the longest prefix its map
    /// has for fixed lines and for mobiles that keep an area code, by country for the rest. Several zones when
    /// the prefix spans them (a US area code across a state line, a Russian mobile); empty when unknown.
    ///
    /// One departure: every +1 number is placed by its area code, mobiles too. In the NANP a mobile keeps the area
    /// code of where it was issued (the US rules read it that way), while the library would give a Jamaican
    /// mobile all of the NANP's zones, from Halifax to Adak.
    static func zoneIdentifiers(for number: PhoneNumber, around time: Date) throws(EnvironmentError) -> [String] {
        let map = try PhoneTimeZoneMap.installed.get()
        if number.countryCallingCode == 1 || number.kind.isGeographical(callingCode: number.countryCallingCode) {
            return map.zones(forDigits: number.digits, around: time)
        }
        return map.zones(forDigits: UInt64(number.countryCallingCode), around: time)
    }
}
