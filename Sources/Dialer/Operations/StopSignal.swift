import Foundation

/// A flag one thread raises and others read: a request to stop dialing (SIGTERM,
/// SIGINT, a lost lease) or to reload the campaign files (SIGHUP).
public final class StopSignal: @unchecked Sendable {
    // Safe to share: every access to `raised` holds `lock`.
    private let lock = NSLock()
    private var raised = false

    public init() {}

    /// Raises the flag; it stays raised until ``take()``.
    public func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    /// Whether the flag is raised.
    public var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    /// Whether the flag was raised, lowering it.
    public func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let was = raised
        raised = false
        return was
    }
}
