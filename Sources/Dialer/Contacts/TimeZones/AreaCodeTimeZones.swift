/// IANA zones by area code for countries spanning several zones. Each function takes the national significant
/// number and returns nil where the plan does not tell (mobiles without area codes, non-geographic ranges).
enum AreaCodeTimeZones {
    /// Australia: 02 Sydney, 03 Melbourne (036 Hobart), 07 Brisbane, 08 split between Perth, Adelaide and Darwin.
    static func australia(_ number: PhoneNumber) -> String? {
        guard number.nationalNumberLength == 9 else { return nil }
        switch number.nationalPrefix(1) {
        case 2: return "Australia/Sydney"
        case 3: return number.nationalPrefix(2) == 36 ? "Australia/Hobart" : "Australia/Melbourne"
        case 7: return "Australia/Brisbane"
        case 8:
            switch number.nationalPrefix(2) {
            case 86, 89: return "Australia/Perth"
            case 88: return number.nationalPrefix(3) == 889 ? "Australia/Darwin" : "Australia/Adelaide"
            case 87: return "Australia/Adelaide"
            default: return nil
            }
        default: return nil
        }
    }

    /// Brazil by DDD (mobiles keep their DDD, so they are located too).
    static func brazil(_ number: PhoneNumber) -> String? {
        guard number.kind == .mobile || number.kind == .fixed else { return nil }
        return brazilianZones[number.nationalPrefix(2)]
    }

    private static let brazilianZones: [Int: String] = {
        var zones: [Int: String] = [:]
        let groups: [(String, [Int])] = [
            ("America/Sao_Paulo", [11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38,
                                   41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 64]),
            ("America/Araguaina", [63]),
            ("America/Cuiaba", [65, 66]),
            ("America/Campo_Grande", [67]),
            ("America/Rio_Branco", [68]),
            ("America/Porto_Velho", [69]),
            ("America/Bahia", [71, 73, 74, 75, 77]),
            ("America/Maceio", [79, 82]),
            ("America/Recife", [81, 83, 87]),
            ("America/Fortaleza", [84, 85, 86, 88, 89, 98, 99]),
            ("America/Belem", [91, 94, 96]),
            ("America/Santarem", [93]),
            ("America/Manaus", [92, 97]),
            ("America/Boa_Vista", [95]),
        ]
        for (zone, codes) in groups {
            for code in codes { zones[code] = zone }
        }
        return zones
    }()

    /// Mexico by area code: Pacific and northwest states, Chihuahua, Quintana Roo; the rest is central time.
    static func mexico(_ number: PhoneNumber) -> String? {
        guard number.kind == .unknown, number.nationalNumberLength == 10 else { return nil }
        switch number.nationalPrefix(2) {
        case 33, 55, 56: return "America/Mexico_City"
        case 81: return "America/Monterrey"
        default: break
        }
        return mexicanZones[number.nationalPrefix(3)] ?? "America/Mexico_City"
    }

    private static let mexicanZones: [Int: String] = {
        var zones: [Int: String] = [:]
        let groups: [(String, [Int])] = [
            ("America/Tijuana", [616, 646, 661, 664, 665, 686]),
            ("America/Hermosillo", [622, 623, 631, 632, 633, 634, 637, 638, 641, 642, 643, 644, 645, 647, 653, 662]),
            ("America/Mazatlan", [311, 319, 323, 324, 325, 327, 389, 612, 613, 615, 624, 667, 668, 669, 672, 673, 687,
                                  694, 695, 696, 697, 698]),
            ("America/Chihuahua", [614, 621, 625, 626, 627, 628, 629, 635, 636, 639, 648, 649, 652]),
            ("America/Ciudad_Juarez", [656]),
            ("America/Cancun", [983, 984, 998]),
            ("America/Monterrey", [821, 823, 824, 825, 826, 828, 829, 866, 867, 869]),
            ("America/Matamoros", [868]),
            ("America/Merida", [969, 985, 986, 988, 991, 997, 999]),
        ]
        for (zone, codes) in groups {
            for code in codes { zones[code] = zone }
        }
        return zones
    }()

    /// Russia by fixed-line area code (ABC); mobiles (9xx) are not tied to a region. Kazakhstan is one zone.
    static func russiaKazakhstan(_ number: PhoneNumber) -> String? {
        if number.region == "KZ" { return "Asia/Almaty" }
        guard number.kind == .fixed else { return nil }
        let areaCode = number.nationalPrefix(3)
        if let zone = russianZones[areaCode] { return zone }
        switch areaCode / 100 {
        case 4, 8: return "Europe/Moscow"
        default: return nil
        }
    }

    private static let russianZones: [Int: String] = {
        var zones: [Int: String] = [:]
        let groups: [(String, [Int])] = [
            ("Europe/Kaliningrad", [401]),
            ("Europe/Samara", [341, 846, 848]),
            ("Europe/Ulyanovsk", [842]),
            ("Europe/Saratov", [845]),
            ("Europe/Volgograd", [844]),
            ("Europe/Astrakhan", [851]),
            ("Asia/Yekaterinburg", [342, 343, 345, 346, 347, 349, 351, 352, 353]),
            ("Asia/Omsk", [381]),
            ("Asia/Novosibirsk", [383]),
            ("Asia/Barnaul", [385, 388]),
            ("Asia/Tomsk", [382]),
            ("Asia/Novokuznetsk", [384]),
            ("Asia/Krasnoyarsk", [390, 391, 394]),
            ("Asia/Irkutsk", [301, 395]),
            ("Asia/Chita", [302]),
            ("Asia/Yakutsk", [411, 416]),
            ("Asia/Vladivostok", [421, 423, 426]),
            ("Asia/Magadan", [413]),
            ("Asia/Sakhalin", [424]),
            ("Asia/Kamchatka", [415]),
            ("Asia/Anadyr", [427]),
        ]
        for (zone, codes) in groups {
            for code in codes { zones[code] = zone }
        }
        return zones
    }()

    /// Indonesia by fixed-line area code: western (WIB), central (WITA) and eastern (WIT) time.
    static func indonesia(_ number: PhoneNumber) -> String? {
        guard number.kind == .fixed else { return nil }
        switch number.nationalPrefix(2) {
        case 20...29, 30...35, 39, 60...79: return "Asia/Jakarta"
        case 36, 37, 38, 40...49, 51, 54, 55: return "Asia/Makassar"
        case 53, 56: return "Asia/Pontianak"
        case 90...99: return "Asia/Jayapura"
        default: return nil
        }
    }

    /// Spain: the Canary Islands' fixed lines (822, 828, 922, 928) one hour behind the mainland; mobiles unknown.
    static func spain(_ number: PhoneNumber) -> String? {
        switch number.nationalPrefix(3) {
        case 822, 828, 922, 928: "Atlantic/Canary"
        case 810...880, 910...989: "Europe/Madrid"
        default: nil
        }
    }

    /// Portugal: the Azores' fixed lines (292, 295, 296) one hour behind; Madeira and the mainland share a zone.
    static func portugal(_ number: PhoneNumber) -> String? {
        switch number.nationalPrefix(3) {
        case 292, 295, 296: "Atlantic/Azores"
        case 291: "Atlantic/Madeira"
        case 210...289: "Europe/Lisbon"
        default: nil
        }
    }
}
