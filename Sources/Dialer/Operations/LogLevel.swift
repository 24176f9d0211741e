/// How much the daemon logs: each level includes the ones above it.
public enum LogLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Failures only.
    case error
    /// Failures and what an operator should look at.
    case warning
    /// What the daemon does (the default).
    case info
    /// Everything.
    case debug

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        case .debug: 3
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }
}
