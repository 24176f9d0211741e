/// The geographic area codes of the North American Numbering Plan (+1): which region each serves and its
/// main IANA time zone (area codes spanning two zones take the zone of most of their numbers).
enum NANPAreaCodes {
    /// Area code → ISO region and IANA zone; codes not listed are US numbers of unknown zone (or non-geographic).
    private static let table: [Int: (region: String, zone: String?)] = {
        var table: [Int: (region: String, zone: String?)] = [:]
        for (zone, codes) in usZones {
            for code in codes { table[code] = ("US", zone) }
        }
        for (zone, codes) in canadaZones {
            for code in codes { table[code] = ("CA", zone) }
        }
        for (code, region, zone) in otherMembers {
            table[code] = (region, zone)
        }
        return table
    }()

    /// The region of an area code: "CA", a Caribbean or Pacific member, else "US".
    static func region(areaCode: Int) -> String {
        table[areaCode]?.region ?? "US"
    }

    /// The main IANA zone of a geographic area code; nil for unknown or non-geographic codes.
    static func zone(areaCode: Int) -> String? {
        table[areaCode]?.zone
    }

    /// Toll-free area codes (8XX), shared by the US and Canada.
    static let tollFree: Set<Int> = [800, 833, 844, 855, 866, 877, 888]

    private static let usZones: [(String, [Int])] = [
        ("America/New_York", [
            // CT, DE, DC, FL, GA, ME, MD, MA, NH, NJ, NY, NC, OH, PA, RI, SC, VT, VA, WV; eastern KY and TN
            203, 475, 860, 959, 302, 202, 771,
            239, 305, 321, 352, 386, 407, 448, 561, 656, 689, 727, 754, 772, 786, 813, 850, 863, 904, 941, 954,
            229, 404, 470, 478, 678, 706, 762, 770, 912, 943, 207, 227, 240, 301, 410, 443, 667,
            339, 351, 413, 508, 617, 774, 781, 857, 978, 603,
            201, 551, 609, 640, 732, 848, 856, 862, 908, 973,
            212, 315, 332, 347, 363, 516, 518, 585, 607, 624, 631, 646, 680, 716, 718, 838, 845, 914, 917, 929, 934,
            252, 336, 472, 704, 743, 828, 910, 919, 980, 984,
            216, 220, 234, 283, 326, 330, 380, 419, 436, 440, 513, 567, 614, 740, 937,
            215, 223, 267, 272, 412, 445, 484, 570, 582, 610, 717, 724, 814, 835, 878, 401,
            803, 821, 839, 843, 854, 864, 802, 276, 434, 540, 571, 686, 703, 757, 804, 826, 948, 304, 681,
            502, 606, 859, 423, 865,
        ]),
        ("America/Detroit", [231, 248, 269, 313, 517, 586, 616, 679, 734, 810, 906, 947, 989]),
        ("America/Indiana/Indianapolis", [260, 317, 463, 574, 765, 812, 930]),
        ("America/Chicago", [
            // AL, AR, IL, IA, KS, LA, MN, MS, MO, NE, ND, OK, SD, TX, WI; northwest IN, western KY and TN
            205, 251, 256, 334, 659, 938, 327, 479, 501, 870,
            217, 224, 309, 312, 331, 447, 464, 618, 630, 708, 730, 773, 779, 815, 847, 861, 872,
            219, 319, 515, 563, 641, 712, 316, 620, 785, 913, 270, 364, 225, 318, 337, 504, 985,
            218, 320, 507, 612, 651, 763, 924, 952, 228, 601, 662, 769, 314, 417, 557, 573, 636, 660, 816, 975,
            308, 402, 531, 701, 405, 539, 572, 580, 918, 605, 615, 629, 731, 901, 931,
            210, 214, 254, 281, 325, 346, 361, 409, 430, 432, 469, 512, 682, 713, 726, 737, 806, 817, 830, 832,
            903, 936, 940, 945, 956, 972, 979, 262, 274, 353, 414, 534, 608, 715, 920,
        ]),
        ("America/Denver", [303, 719, 720, 970, 983, 406, 505, 575, 385, 435, 801, 307, 915]),
        ("America/Boise", [208, 986]),
        ("America/Phoenix", [480, 520, 602, 623, 928]),
        ("America/Los_Angeles", [
            209, 213, 279, 310, 323, 341, 350, 369, 408, 415, 424, 442, 510, 530, 559, 562, 619, 626, 628, 650,
            657, 661, 669, 707, 714, 738, 747, 760, 805, 818, 820, 831, 837, 840, 858, 909, 916, 925, 949, 951,
            702, 725, 775, 458, 503, 541, 971, 206, 253, 360, 425, 509, 564,
        ]),
        ("America/Anchorage", [907]),
        ("Pacific/Honolulu", [808]),
    ]

    private static let canadaZones: [(String, [Int])] = [
        ("America/St_Johns", [709, 879]),
        ("America/Halifax", [782, 902]),
        ("America/Moncton", [428, 506]),
        ("America/Toronto", [
            226, 249, 263, 289, 343, 354, 365, 367, 382, 416, 418, 437, 438, 450, 468, 514, 519, 548, 579, 581,
            613, 647, 683, 705, 742, 753, 807, 819, 873, 905, 942,
        ]),
        ("America/Winnipeg", [204, 431, 584]),
        ("America/Regina", [306, 474, 639]),
        ("America/Edmonton", [368, 403, 587, 780, 825]),
        ("America/Vancouver", [236, 250, 257, 604, 672, 778]),
    ]

    /// Canada's northern area code spans five zones: its region is known, its zone is not.
    private static let canadaWithoutZone: [Int] = [867]

    private static let otherMembers: [(Int, String, String?)] = [
        (242, "BS", "America/Nassau"), (246, "BB", "America/Barbados"), (264, "AI", "America/Anguilla"),
        (268, "AG", "America/Antigua"), (284, "VG", "America/Tortola"), (340, "VI", "America/St_Thomas"),
        (345, "KY", "America/Cayman"), (441, "BM", "Atlantic/Bermuda"), (473, "GD", "America/Grenada"),
        (649, "TC", "America/Grand_Turk"), (658, "JM", "America/Jamaica"), (876, "JM", "America/Jamaica"),
        (664, "MS", "America/Montserrat"), (670, "MP", "Pacific/Saipan"), (671, "GU", "Pacific/Guam"),
        (684, "AS", "Pacific/Pago_Pago"), (721, "SX", "America/Lower_Princes"), (758, "LC", "America/St_Lucia"),
        (767, "DM", "America/Dominica"), (784, "VC", "America/St_Vincent"), (787, "PR", "America/Puerto_Rico"),
        (939, "PR", "America/Puerto_Rico"), (809, "DO", "America/Santo_Domingo"),
        (829, "DO", "America/Santo_Domingo"), (849, "DO", "America/Santo_Domingo"),
        (868, "TT", "America/Port_of_Spain"), (869, "KN", "America/St_Kitts"),
    ] + canadaWithoutZone.map { ($0, "CA", nil) }
}
