import Foundation

/// Call events handed from the driver's I/O thread to the engine's thread.
/// Each event keeps the monotonic instant it was received; the waiting side
/// turns it into a time on its own clock.
final class CallEventInbox: @unchecked Sendable {
    // `pending` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var pending: [(kind: CallEvent.Kind, at: ContinuousClock.Instant)] = []

    /// Adds events received at `instant` and wakes the waiting thread.
    func push(_ kinds: [CallEvent.Kind], at instant: ContinuousClock.Instant) {
        guard !kinds.isEmpty else { return }
        condition.lock()
        pending += kinds.map { ($0, instant) }
        condition.signal()
        condition.unlock()
    }

    /// Waits up to `timeout` seconds for events and takes them all, oldest first.
    func take(waitingAtMost timeout: TimeInterval) -> [(kind: CallEvent.Kind, at: ContinuousClock.Instant)] {
        let limit = ContinuousClock.now + .seconds(max(0, min(timeout, 86_400 * 365)))
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty {
            let left = ContinuousClock.now.duration(to: limit)
            guard left > .zero else { break }
            let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
            _ = condition.wait(until: Date(timeIntervalSinceNow: min(seconds, 3600)))
        }
        defer { pending.removeAll() }
        return pending
    }
}
