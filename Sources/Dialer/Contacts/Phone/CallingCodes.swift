import Foundation

/// The ITU country calling codes of ISO 3166-1 regions, and the national trunk prefixes people dial before
/// a number inside the country.
enum CallingCodes {
    /// The calling code of each ISO 3166-1 alpha-2 region (plus AC and TA).
    static let byRegion: [String: Int] = [
        "AC": 247, "AD": 376, "AE": 971, "AF": 93, "AG": 1, "AI": 1, "AL": 355, "AM": 374,
        "AO": 244, "AR": 54, "AS": 1, "AT": 43, "AU": 61, "AW": 297, "AX": 358, "AZ": 994,
        "BA": 387, "BB": 1, "BD": 880, "BE": 32, "BF": 226, "BG": 359, "BH": 973, "BI": 257,
        "BJ": 229, "BL": 590, "BM": 1, "BN": 673, "BO": 591, "BQ": 599, "BR": 55, "BS": 1,
        "BT": 975, "BW": 267, "BY": 375, "BZ": 501, "CA": 1, "CC": 61, "CD": 243, "CF": 236,
        "CG": 242, "CH": 41, "CI": 225, "CK": 682, "CL": 56, "CM": 237, "CN": 86, "CO": 57,
        "CR": 506, "CU": 53, "CV": 238, "CW": 599, "CX": 61, "CY": 357, "CZ": 420, "DE": 49,
        "DJ": 253, "DK": 45, "DM": 1, "DO": 1, "DZ": 213, "EC": 593, "EE": 372, "EG": 20,
        "EH": 212, "ER": 291, "ES": 34, "ET": 251, "FI": 358, "FJ": 679, "FK": 500, "FM": 691,
        "FO": 298, "FR": 33, "GA": 241, "GB": 44, "GD": 1, "GE": 995, "GF": 594, "GG": 44,
        "GH": 233, "GI": 350, "GL": 299, "GM": 220, "GN": 224, "GP": 590, "GQ": 240, "GR": 30,
        "GT": 502, "GU": 1, "GW": 245, "GY": 592, "HK": 852, "HN": 504, "HR": 385, "HT": 509,
        "HU": 36, "ID": 62, "IE": 353, "IL": 972, "IM": 44, "IN": 91, "IO": 246, "IQ": 964,
        "IR": 98, "IS": 354, "IT": 39, "JE": 44, "JM": 1, "JO": 962, "JP": 81, "KE": 254,
        "KG": 996, "KH": 855, "KI": 686, "KM": 269, "KN": 1, "KP": 850, "KR": 82, "KW": 965,
        "KY": 1, "KZ": 7, "LA": 856, "LB": 961, "LC": 1, "LI": 423, "LK": 94, "LR": 231,
        "LS": 266, "LT": 370, "LU": 352, "LV": 371, "LY": 218, "MA": 212, "MC": 377, "MD": 373,
        "ME": 382, "MF": 590, "MG": 261, "MH": 692, "MK": 389, "ML": 223, "MM": 95, "MN": 976,
        "MO": 853, "MP": 1, "MQ": 596, "MR": 222, "MS": 1, "MT": 356, "MU": 230, "MV": 960,
        "MW": 265, "MX": 52, "MY": 60, "MZ": 258, "NA": 264, "NC": 687, "NE": 227, "NF": 672,
        "NG": 234, "NI": 505, "NL": 31, "NO": 47, "NP": 977, "NR": 674, "NU": 683, "NZ": 64,
        "OM": 968, "PA": 507, "PE": 51, "PF": 689, "PG": 675, "PH": 63, "PK": 92, "PL": 48,
        "PM": 508, "PR": 1, "PS": 970, "PT": 351, "PW": 680, "PY": 595, "QA": 974, "RE": 262,
        "RO": 40, "RS": 381, "RU": 7, "RW": 250, "SA": 966, "SB": 677, "SC": 248, "SD": 249,
        "SE": 46, "SG": 65, "SH": 290, "SI": 386, "SJ": 47, "SK": 421, "SL": 232, "SM": 378,
        "SN": 221, "SO": 252, "SR": 597, "SS": 211, "ST": 239, "SV": 503, "SX": 1, "SY": 963,
        "SZ": 268, "TA": 290, "TC": 1, "TD": 235, "TG": 228, "TH": 66, "TJ": 992, "TK": 690,
        "TL": 670, "TM": 993, "TN": 216, "TO": 676, "TR": 90, "TT": 1, "TV": 688, "TW": 886,
        "TZ": 255, "UA": 380, "UG": 256, "US": 1, "UY": 598, "UZ": 998, "VA": 39, "VC": 1,
        "VE": 58, "VG": 1, "VI": 1, "VN": 84, "VU": 678, "WF": 681, "WS": 685, "XK": 383,
        "YE": 967, "YT": 262, "ZA": 27, "ZM": 260, "ZW": 263,
    ]

    /// The main region of each calling code (codes shared by several regions name the largest).
    static let mainRegion: [Int: String] = [
        1: "US", 7: "RU", 20: "EG", 27: "ZA", 30: "GR", 31: "NL", 32: "BE", 33: "FR", 34: "ES", 36: "HU",
        39: "IT", 40: "RO", 41: "CH", 43: "AT", 44: "GB", 45: "DK", 46: "SE", 47: "NO", 48: "PL", 49: "DE",
        51: "PE", 52: "MX", 53: "CU", 54: "AR", 55: "BR", 56: "CL", 57: "CO", 58: "VE", 60: "MY", 61: "AU",
        62: "ID", 63: "PH", 64: "NZ", 65: "SG", 66: "TH", 81: "JP", 82: "KR", 84: "VN", 86: "CN", 90: "TR",
        91: "IN", 92: "PK", 93: "AF", 94: "LK", 95: "MM", 98: "IR", 211: "SS", 212: "MA", 213: "DZ", 216: "TN",
        218: "LY", 220: "GM", 221: "SN", 222: "MR", 223: "ML", 224: "GN", 225: "CI", 226: "BF", 227: "NE", 228: "TG",
        229: "BJ", 230: "MU", 231: "LR", 232: "SL", 233: "GH", 234: "NG", 235: "TD", 236: "CF", 237: "CM", 238: "CV",
        239: "ST", 240: "GQ", 241: "GA", 242: "CG", 243: "CD", 244: "AO", 245: "GW", 246: "IO", 247: "AC", 248: "SC",
        249: "SD", 250: "RW", 251: "ET", 252: "SO", 253: "DJ", 254: "KE", 255: "TZ", 256: "UG", 257: "BI", 258: "MZ",
        260: "ZM", 261: "MG", 262: "RE", 263: "ZW", 264: "NA", 265: "MW", 266: "LS", 267: "BW", 268: "SZ", 269: "KM",
        290: "SH", 291: "ER", 297: "AW", 298: "FO", 299: "GL", 350: "GI", 351: "PT", 352: "LU", 353: "IE", 354: "IS",
        355: "AL", 356: "MT", 357: "CY", 358: "FI", 359: "BG", 370: "LT", 371: "LV", 372: "EE", 373: "MD", 374: "AM",
        375: "BY", 376: "AD", 377: "MC", 378: "SM", 380: "UA", 381: "RS", 382: "ME", 383: "XK", 385: "HR", 386: "SI",
        387: "BA", 389: "MK", 420: "CZ", 421: "SK", 423: "LI", 500: "FK", 501: "BZ", 502: "GT", 503: "SV", 504: "HN",
        505: "NI", 506: "CR", 507: "PA", 508: "PM", 509: "HT", 590: "GP", 591: "BO", 592: "GY", 593: "EC", 594: "GF",
        595: "PY", 596: "MQ", 597: "SR", 598: "UY", 599: "CW", 670: "TL", 672: "NF", 673: "BN", 674: "NR", 675: "PG",
        676: "TO", 677: "SB", 678: "VU", 679: "FJ", 680: "PW", 681: "WF", 682: "CK", 683: "NU", 685: "WS", 686: "KI",
        687: "NC", 688: "TV", 689: "PF", 690: "TK", 691: "FM", 692: "MH", 850: "KP", 852: "HK", 853: "MO", 855: "KH",
        856: "LA", 880: "BD", 886: "TW", 960: "MV", 961: "LB", 962: "JO", 963: "SY", 964: "IQ", 965: "KW", 966: "SA",
        967: "YE", 968: "OM", 970: "PS", 971: "AE", 972: "IL", 973: "BH", 974: "QA", 975: "BT", 976: "MN", 977: "NP",
        992: "TJ", 993: "TM", 994: "AZ", 995: "GE", 996: "KG", 998: "UZ",
    ]

    /// Calling codes whose national trunk prefix is not `0`: `1` for NANP, `8` for Russia, Kazakhstan and
    /// Belarus, none for the rest listed here (their national numbers may start with 0, as in Italy).
    private static let trunkPrefixOtherThanZero: [Int: UInt8?] = [
        1: 1, 7: 8, 375: 8,
        30: nil, 34: nil, 39: nil, 45: nil, 47: nil, 48: nil, 52: nil, 56: nil, 65: nil, 297: nil, 298: nil,
        299: nil, 351: nil, 352: nil, 354: nil, 356: nil, 357: nil, 371: nil, 372: nil, 376: nil, 377: nil,
        378: nil, 420: nil, 423: nil, 501: nil, 502: nil, 503: nil, 504: nil, 505: nil, 506: nil, 507: nil,
        852: nil, 853: nil, 965: nil, 968: nil, 973: nil, 974: nil,
    ]

    /// The digit dialled before a national number inside the country, e.g. 0 in Vietnam; nil when none.
    static func trunkPrefix(callingCode: Int) -> UInt8? {
        guard callingCode >= 0 && callingCode < 1000 else { return 0 }
        let digit = trunkPrefixes[callingCode]
        return digit < 0 ? nil : UInt8(digit)
    }

    /// `trunkPrefixes[code]`: the trunk digit, or -1 for none; a flat table, as this runs for every number parsed.
    private static let trunkPrefixes: [Int8] = {
        var table = [Int8](repeating: 0, count: 1000)
        for (code, digit) in trunkPrefixOtherThanZero {
            table[code] = digit.map { Int8($0) } ?? -1
        }
        return table
    }()

    /// Whether `code` is a known calling code.
    static func isKnown(_ code: Int) -> Bool {
        code >= 0 && code < 1000 && knownCodes[code]
    }

    /// `knownCodes[code]` says whether `code` is assigned: a flat table, as this runs for every number parsed.
    private static let knownCodes: [Bool] = {
        var table = [Bool](repeating: false, count: 1000)
        for code in mainRegion.keys { table[code] = true }
        return table
    }()

    /// "Vietnam (+84)": the English name of the code's main region, for messages.
    static func countryName(callingCode code: Int) -> String {
        guard let region = mainRegion[code] else { return "country code +\(code)" }
        if code == 1 { return "the North American Numbering Plan (+1)" }
        let name = Locale(identifier: "en_US").localizedString(forRegionCode: region) ?? region
        return "\(name) (+\(code))"
    }
}
