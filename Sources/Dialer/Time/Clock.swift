public import Foundation

/// Where the dialer reads the time. Production uses ``WallClock``;
/// the simulator and tests use ``VirtualClock``, which jumps instead of waiting.
public protocol Clock: AnyObject {
    /// The current instant.
    var now: Date { get }
    /// Waits until `deadline`; returns at once if it has passed.
    func sleep(until deadline: Date)
}

/// Real time: `sleep(until:)` blocks the calling thread.
public final class WallClock: Clock {
    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) {
        let interval = deadline.timeIntervalSinceNow
        if interval > 0 { Thread.sleep(forTimeInterval: interval) }
    }
}

/// Simulated time: it only moves when told to, and `sleep(until:)` jumps
/// straight to the deadline, so a day of calling runs in well under a second.
/// Time never goes backwards.
public final class VirtualClock: Clock {
    public private(set) var now: Date

    public init(start: Date) {
        self.now = start
    }

    public func sleep(until deadline: Date) {
        advance(to: deadline)
    }

    /// Moves time forward to `instant`; an instant in the past is ignored.
    public func advance(to instant: Date) {
        if instant > now { now = instant }
    }

    /// Moves time forward by `seconds` (negative values are ignored).
    public func advance(by seconds: TimeInterval) {
        advance(to: now.addingTimeInterval(seconds))
    }
}
