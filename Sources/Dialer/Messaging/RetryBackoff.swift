public import Foundation

/// How often and how far apart a failed delivery is tried again: exponential backoff with jitter.
public struct RetryBackoff: Sendable, Hashable {
    /// Most requests for one entry, the first included; after the last it is failed for good.
    public var maxTries: Int
    /// The wait after the first failed try, before jitter.
    public var baseSeconds: TimeInterval
    /// The longest wait, before jitter.
    public var capSeconds: TimeInterval

    public init(maxTries: Int = 8, baseSeconds: TimeInterval = 30, capSeconds: TimeInterval = 3_600) {
        self.maxTries = maxTries
        self.baseSeconds = baseSeconds
        self.capSeconds = capSeconds
    }

    /// The wait after `tries` failed tries: `d = min(cap, base × 2^(tries−1))`, then a random
    /// point of `[d/2, d]`, so senders that failed together do not retry together.
    public func delay(afterTries tries: Int, using random: inout some RandomNumberGenerator) -> TimeInterval {
        let exponent = Double(min(max(tries - 1, 0), 62))
        let full = min(capSeconds, baseSeconds * pow(2, exponent))
        guard full > 0 else { return 0 }
        return Double.random(in: (full / 2)...full, using: &random)
    }
}
