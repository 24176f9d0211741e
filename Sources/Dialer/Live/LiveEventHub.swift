import Foundation

/// Carries the events of every running campaign to whoever follows them: each subscriber gets its
/// own bounded queue, so a slow browser never holds a runner up (it loses events instead, and is told
/// to start again from ``snapshot(campaign:)``). The hub also keeps each campaign's latest agent
/// states and figures, so a screen that connects late starts from the present.
///
/// Safe to use from any thread; publishing costs a lock and a copy per subscriber. A runner without a
/// hub (a simulation) publishes nothing at all.
final class LiveEventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var nextSequence: UInt64 = 1
    private var subscribers: [ObjectIdentifier: LiveSubscription] = [:]
    private var observers: [UUID: @Sendable (LiveEvent) -> Void] = [:]
    private var boards: [String: LiveBoard] = [:]

    init() {}

    /// Numbers `event`, folds it into its campaign's board and hands it to every subscriber.
    func publish(_ event: LiveEvent) {
        let (numbered, observing): (LiveEvent, [@Sendable (LiveEvent) -> Void]) = lock.withLock {
            var numbered = event
            numbered.sequence = nextSequence
            nextSequence += 1
            boards[event.campaign, default: LiveBoard(campaign: event.campaign)].apply(numbered)
            for subscriber in subscribers.values { subscriber.deliver(numbered) }
            return (numbered, Array(observers.values))
        }
        for observer in observing { observer(numbered) }
    }

    /// A queue of the events published from now on (at most `capacity` kept unread).
    func subscribe(capacity: Int = 4096) -> LiveSubscription {
        let subscription = LiveSubscription(capacity: capacity, hub: self)
        lock.withLock { subscribers[ObjectIdentifier(subscription)] = subscription }
        return subscription
    }

    /// Calls `observer` with every event, on the publishing thread (keep it short: a log line).
    /// Returns a token for ``stopObserving(_:)``.
    @discardableResult
    func observe(_ observer: @escaping @Sendable (LiveEvent) -> Void) -> UUID {
        let token = UUID()
        lock.withLock { observers[token] = observer }
        return token
    }

    func stopObserving(_ token: UUID) {
        _ = lock.withLock { observers.removeValue(forKey: token) }
    }

    /// The campaigns that published something, with their present state.
    func snapshot() -> [LiveBoard] {
        lock.withLock { boards.values.sorted { $0.campaign < $1.campaign } }
    }

    /// One campaign's present state (empty when it has published nothing).
    func snapshot(campaign: String) -> LiveBoard {
        lock.withLock { boards[campaign] ?? LiveBoard(campaign: campaign) }
    }

    /// Forgets a campaign whose runner stopped: its agents are logged out of it.
    func campaignStopped(_ campaign: String) {
        _ = lock.withLock { boards.removeValue(forKey: campaign) }
    }

    fileprivate func remove(_ subscription: LiveSubscription) {
        _ = lock.withLock { subscribers.removeValue(forKey: ObjectIdentifier(subscription)) }
    }
}

/// One follower's queue of events (``LiveEventHub/subscribe(capacity:)``).
final class LiveSubscription: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [LiveEvent] = []
    private let capacity: Int
    private var lost = false
    private var cancelled = false
    private weak var hub: LiveEventHub?

    fileprivate init(capacity: Int, hub: LiveEventHub) {
        self.capacity = capacity
        self.hub = hub
    }

    fileprivate func deliver(_ event: LiveEvent) {
        condition.lock()
        defer { condition.unlock() }
        guard !cancelled else { return }
        if queue.count >= capacity {
            lost = true
        } else {
            queue.append(event)
        }
        condition.signal()
    }

    /// The events that arrived, waiting up to `timeout` seconds for the first; `lost` says that the
    /// queue overflowed since the last call (some events are missing: start again from a snapshot).
    func next(timeout: TimeInterval) -> (events: [LiveEvent], lost: Bool) {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while queue.isEmpty && !cancelled && !lost {
            if !condition.wait(until: deadline) { break }
        }
        let taken = queue
        let wasLost = lost
        queue.removeAll(keepingCapacity: true)
        lost = false
        return (taken, wasLost)
    }

    /// Stops the queue: the hub forgets it and a waiting ``next(timeout:)`` returns.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
        hub?.remove(self)
    }

    deinit { hub?.remove(self) }
}
