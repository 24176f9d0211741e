import CampaignDSL

/// What kind of line a number belongs to, as libphonenumber classifies it.
enum PhoneLineKind: String, Sendable, Codable {
    case mobile
    case fixed
    /// The plan does not tell fixed lines from mobiles (NANP, China…).
    case fixedOrMobile = "fixed-or-mobile"
    case tollFree = "toll-free"
    /// Premium rate: the caller pays a surcharge.
    case premium
    /// Shared cost: the caller pays part of the call.
    case sharedCost = "shared-cost"
    case voip
    /// A personal number forwarded where its owner chooses.
    case personal
    case pager
    /// A universal access number (one number for a company's lines).
    case uan
    case voicemail
    /// The plan does not tell.
    case unknown

    init(_ type: LibPhoneNumber.NumberType) {
        self = switch type {
        case .fixedLine: .fixed
        case .mobile: .mobile
        case .fixedLineOrMobile: .fixedOrMobile
        case .tollFree: .tollFree
        case .premiumRate: .premium
        case .sharedCost: .sharedCost
        case .voip: .voip
        case .personalNumber: .personal
        case .pager: .pager
        case .uan: .uan
        case .voicemail: .voicemail
        case .unknown: .unknown
        }
    }

    /// The kind of costly number this is, which lists refuse unless they `allow` it.
    var costlyKind: CostlyNumberKind? {
        switch self {
        case .premium: .premium
        case .tollFree: .tollFree
        case .sharedCost: .sharedCost
        default: nil
        }
    }

    /// Whether the line's owner lives where its prefix says (libphonenumber's `IsNumberGeographical`): fixed
    /// lines, and mobiles in the countries whose mobiles keep an area code.
    func isGeographical(callingCode: Int) -> Bool {
        switch self {
        case .fixed, .fixedOrMobile: true
        case .mobile: LibPhoneNumber.mobilesAreGeographical(callingCode: callingCode)
        default: false
        }
    }
}
