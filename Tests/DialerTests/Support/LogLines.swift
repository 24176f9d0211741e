@testable import Dialer
import Foundation

/// Collects log lines from any thread, for tests that check what a component logged.
final class LogLines: @unchecked Sendable {
    // `lines` is only touched with `lock` held.
    private let lock = NSLock()
    private var lines: [String] = []

    var all: [String] { lock.withLock { lines } }

    /// A logger closure that appends here.
    var logger: @Sendable (String) -> Void {
        { [self] line in lock.withLock { lines.append(line) } }
    }

    /// A driver log that appends here, every level, tracing each message at `debug` (numbers masked).
    var driverLog: AMILog {
        AMILog(traces: true) { [self] level, line in lock.withLock { lines.append("\(level.rawValue): \(line)") } }
    }
}

/// Waits, polling, until `condition` holds or `seconds` pass; returns whether it held.
/// A bound on a wait, never a measurement.
func eventually(within seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
    let limit = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < limit {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}
