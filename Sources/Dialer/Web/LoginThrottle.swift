import Foundation
import Synchronization

/// Limits password guessing: after ``maxFailuresPerUser`` failed sign-ins for one user name within
/// ``window``, or ``maxFailuresPerAddress`` from one address, further attempts for it are refused until
/// ``window`` has passed since the last failure. A success clears the user's count. Kept in memory: a
/// restart clears it (documented in docs/web.md).
package final class LoginThrottle: Sendable {
    package let maxFailuresPerUser: Int
    package let maxFailuresPerAddress: Int
    package let window: Double
    private let failures = Mutex<[String: [Date]]>([:])

    package init(maxFailuresPerUser: Int = 5, maxFailuresPerAddress: Int = 20, window: Double = 15 * 60) {
        self.maxFailuresPerUser = maxFailuresPerUser
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.window = window
    }

    /// When the lockout of this user or address ends, if one of them is locked out at `now`.
    func lockedUntil(user: String, address: String, at now: Date) -> Date? {
        failures.withLock { table in
            let keys = [("user:" + user.lowercased(), maxFailuresPerUser), ("address:" + address, maxFailuresPerAddress)]
            var until: Date?
            for (key, limit) in keys {
                let recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
                table[key] = recent.isEmpty ? nil : recent
                if recent.count >= limit, let last = recent.last {
                    until = max(until ?? .distantPast, last.addingTimeInterval(window))
                }
            }
            return until
        }
    }

    /// Notes a failed sign-in.
    func fail(user: String, address: String, at now: Date) {
        failures.withLock { table in
            table["user:" + user.lowercased(), default: []].append(now)
            table["address:" + address, default: []].append(now)
        }
    }

    /// Notes a successful sign-in: the user's failures are forgotten.
    func succeed(user: String) {
        _ = failures.withLock { $0.removeValue(forKey: "user:" + user.lowercased()) }
    }
}
