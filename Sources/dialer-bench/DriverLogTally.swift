import Dialer
import Foundation

/// What the Asterisk driver's log tells about a run when it traces (as at `log-level debug`): when
/// each call's `Originate` went out, how many messages Asterisk sent and the most in one second,
/// and the lines at warning or above. The driver's thread writes; the benchmark reads after it.
final class DriverLogTally: @unchecked Sendable {
    private let lock = NSLock()
    private let callKeyPrefix: String
    private var sent: [CallID: Date] = [:]
    private var received = 0
    private var receivedBySecond: [Int: Int] = [:]
    private var warningLines = 0
    private var lastWarning: String?

    init(callKeyPrefix: String) {
        self.callKeyPrefix = callKeyPrefix
    }

    /// A log for the driver that writes into this tally.
    var log: AMILog {
        AMILog(traces: true) { [self] level, line in note(level, line) }
    }

    private func note(_ level: LogLevel, _ line: String) {
        let now = Date()
        lock.lock()
        defer { lock.unlock() }
        if line.hasPrefix("ami received: ") {
            received += 1
            receivedBySecond[Int(now.timeIntervalSinceReferenceDate), default: 0] += 1
        } else if line.hasPrefix("ami sent: Action: Originate; "), let call = call(in: line) {
            sent[call] = now
        } else if level <= .warning {
            warningLines += 1
            lastWarning = line
        }
    }

    /// The call whose key is the line's `ActionID`.
    private func call(in line: String) -> CallID? {
        guard let start = line.range(of: "; ActionID: " + callKeyPrefix)?.upperBound else { return nil }
        return CallID(line[start...].prefix { $0.isNumber })
    }

    /// When each call's `Originate` was written to Asterisk.
    var originations: [CallID: Date] { locked { sent } }
    /// Messages received from Asterisk.
    var messages: Int { locked { received } }
    /// The most messages received within one second of the clock.
    var mostMessagesInASecond: Int { locked { receivedBySecond.values.max() ?? 0 } }
    /// Lines at warning or error.
    var warnings: Int { locked { warningLines } }
    var lastWarningLine: String? { locked { lastWarning } }

    private func locked<T>(_ read: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return read()
    }
}
