/// Calls waiting for a line and their origination slot: first in, first out,
/// at most `lines` calls in progress, originations spaced by `spacing` on average (two
/// in a row at least nine tenths of it apart). A call
/// that waits longer than `maxDelay` is given up rather than dialed late.
struct OriginationQueue {
    typealias Instant = ContinuousClock.Instant

    let lines: Int
    let spacing: Duration
    let maxDelay: Duration
    private var waiting: [(request: CallRequest, since: Instant)] = []
    private var lastOrigination: Instant?

    init(lines: Int, callsPerSecond: Double, maxDelay: Duration) {
        self.lines = max(1, lines)
        self.spacing = .seconds(1 / max(callsPerSecond, 0.001))
        self.maxDelay = maxDelay
    }

    var count: Int { waiting.count }

    mutating func enqueue(_ request: CallRequest, at now: Instant) {
        waiting.append((request, now))
    }

    /// Takes a waiting call out; nil when it is not waiting.
    mutating func remove(_ call: CallID) -> CallRequest? {
        guard let index = waiting.firstIndex(where: { entry in entry.request.callID == call }) else { return nil }
        return waiting.remove(at: index).request
    }

    /// Takes out every waiting call, oldest first.
    mutating func removeAll() -> [CallRequest] {
        defer { waiting.removeAll() }
        return waiting.map(\.request)
    }

    /// Takes out the calls that waited too long.
    mutating func expired(at now: Instant) -> [CallRequest] {
        let limit = maxDelay
        let late = waiting.filter { now - $0.since > limit }.map(\.request)
        waiting.removeAll { now - $0.since > limit }
        return late
    }

    /// The next call to originate now, if a line is free and its slot has come.
    mutating func next(at now: Instant, callsInProgress: Int) -> CallRequest? {
        guard !waiting.isEmpty, callsInProgress < lines else { return nil }
        if let last = lastOrigination, now - last < spacing { return nil }
        // The I/O thread wakes a little after the slot it asked for: a lateness of up to a tenth of the
        // spacing is caught up (the next slot follows the last one), so a steady load keeps the
        // configured rate instead of drifting below it; a later call, or one after a pause, starts from now.
        if let last = lastOrigination, now - last <= spacing + spacing / 10 {
            lastOrigination = last + spacing
        } else {
            lastOrigination = now
        }
        return waiting.removeFirst().request
    }

    /// When the queue must be looked at again: the next slot or the next expiry.
    func nextDeadline(callsInProgress: Int) -> Instant? {
        guard let oldest = waiting.first else { return nil }
        var deadline = oldest.since + maxDelay
        if callsInProgress < lines, let last = lastOrigination { deadline = min(deadline, last + spacing) }
        return deadline
    }
}
