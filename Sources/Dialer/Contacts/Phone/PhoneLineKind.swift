/// What kind of line a number belongs to, where the country's numbering plan tells.
enum PhoneLineKind: String, Sendable, Codable {
    case mobile
    case fixed
    case tollFree = "toll-free"
    case premium
    case voip
    /// The plan does not tell (NANP, Mexico, unknown plans, special ranges).
    case unknown
}
