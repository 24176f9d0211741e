import Foundation

/// At most `perSecond` call placements in any one-second interval (a trunk's calls-per-second limit).
struct CallRateLimiter {
    let perSecond: Int?
    private var recent: [Date] = []

    init(perSecond: Int?) {
        self.perSecond = perSecond
    }

    /// How many calls may be placed at `now`.
    mutating func allowance(at now: Date) -> Int {
        guard let perSecond else { return .max }
        recent.removeAll { now.timeIntervalSince($0) >= 1 }
        return max(0, perSecond - recent.count)
    }

    mutating func recordPlacement(at now: Date) {
        if perSecond != nil { recent.append(now) }
    }

    /// When the next placement becomes possible, if the limit holds it back now.
    func nextAllowance(after now: Date) -> Date? {
        guard let perSecond, recent.count >= perSecond, let oldest = recent.first else { return nil }
        return oldest.addingTimeInterval(1)
    }
}
