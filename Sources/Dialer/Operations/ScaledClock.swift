public import Foundation

/// A clock that runs `scale` times faster than the wall clock from a fixed origin:
/// `now = origin + (wall − epoch) × scale`. With the same origin and epoch, a
/// restarted process reads the same time line, so time never jumps back.
public final class ScaledClock: Clock, Sendable {
    /// The instant the clock read at `epoch`.
    public let origin: Date
    /// The wall-clock instant at which it read `origin`.
    public let epoch: Date
    public let scale: Double

    public init(origin: Date, epoch: Date, scale: Double) {
        self.origin = origin
        self.epoch = epoch
        self.scale = max(1, scale)
    }

    public var now: Date { origin.addingTimeInterval(Date().timeIntervalSince(epoch) * scale) }

    public func sleep(until deadline: Date) {
        let wall = deadline.timeIntervalSince(now) / scale
        if wall > 0 { Thread.sleep(forTimeInterval: wall) }
    }

    /// The wall-clock seconds that `seconds` of this clock take.
    public func wallSeconds(_ seconds: TimeInterval) -> TimeInterval { seconds / scale }
}
