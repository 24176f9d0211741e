/// Where a number's owner lives, as an IANA time zone, so calls respect the called party's local hours.
enum TimeZoneLocator {
    /// The IANA zone of a number: by country; by area code for countries spanning zones (NANP at least; Australia,
    /// Brazil, Mexico, Russia, Indonesia where the plan allows; mobiles of such countries are unknown → nil). nil when unknowable.
    static func zoneIdentifier(for number: PhoneNumber) -> String? {
        switch number.countryCallingCode {
        case 1:
            return NANPAreaCodes.zone(areaCode: number.nationalPrefix(3))
        case 7:
            return AreaCodeTimeZones.russiaKazakhstan(number)
        case 34:
            return AreaCodeTimeZones.spain(number)
        case 351:
            return AreaCodeTimeZones.portugal(number)
        case 52:
            return AreaCodeTimeZones.mexico(number)
        case 55:
            return AreaCodeTimeZones.brazil(number)
        case 61:
            return number.region == "AU" ? AreaCodeTimeZones.australia(number) : nil
        case 62:
            return AreaCodeTimeZones.indonesia(number)
        default:
            guard let region = number.region else { return nil }
            return CountryTimeZones.byRegion[region]
        }
    }
}
