import Foundation

/// One client's stream of Server-Sent Events: a thread-safe queue that producers ``send(_:event:id:)`` to
/// and the server's connection thread drains into the response.
///
/// The stream ends when ``close()`` is called, when the server stops, or when the client goes away (then
/// ``onClose`` handlers run once, so a subscriber list can drop it). A client that falls more than
/// ``limit`` events behind is dropped rather than buffered without end. While nothing is sent, a comment
/// line is written every ``keepAlive`` seconds: proxies keep the connection and a vanished client is noticed.
package final class ServerSentEventStream: @unchecked Sendable {
    /// Seconds between keep-alive comments while no event is sent.
    package let keepAlive: Double
    /// The most events waiting for a slow client before it is dropped.
    package let limit: Int
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [UInt8] = []
    private var waiting = 0
    private var closed = false
    private var closeHandlers: [@Sendable () -> Void] = []

    package init(keepAlive: Double = 15, limit: Int = 1_000) {
        self.keepAlive = keepAlive
        self.limit = limit
    }

    /// Queues one event: `data` (split into `data:` lines), with an optional event name and id.
    /// Returns false when the stream is closed (the client left): stop sending to it.
    @discardableResult
    package func send(_ data: String, event: String? = nil, id: String? = nil) -> Bool {
        var text = ""
        if let event { text += "event: \(Self.oneLine(event))\n" }
        if let id { text += "id: \(Self.oneLine(id))\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line.replacingOccurrences(of: "\r", with: ""))\n"
        }
        text += "\n"
        condition.lock()
        guard !closed else {
            condition.unlock()
            return false
        }
        if waiting >= limit {
            condition.unlock()
            close()
            return false
        }
        queue.append(contentsOf: text.utf8)
        waiting += 1
        condition.signal()
        condition.unlock()
        return true
    }

    /// Ends the stream: what is queued is still written, then the response ends.
    package func close() {
        condition.lock()
        guard !closed else {
            condition.unlock()
            return
        }
        closed = true
        let handlers = closeHandlers
        closeHandlers = []
        condition.broadcast()
        condition.unlock()
        for handler in handlers { handler() }
    }

    /// Runs `handler` once when the stream closes (at once if it already has).
    package func onClose(_ handler: @escaping @Sendable () -> Void) {
        condition.lock()
        if closed {
            condition.unlock()
            handler()
            return
        }
        closeHandlers.append(handler)
        condition.unlock()
    }

    /// Whether the stream has ended.
    package var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    /// What the server writes next: up to `max` queued bytes, waiting up to ``keepAlive`` for some; a keep-alive
    /// comment when none came; nil when the stream is closed and drained.
    func next(max: Int) -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(keepAlive)
        while queue.isEmpty && !closed {
            if !condition.wait(until: deadline) { break }
        }
        if queue.isEmpty { return closed ? nil : Array(":\n\n".utf8) }
        let count = min(max, queue.count)
        let chunk = Array(queue.prefix(count))
        queue.removeFirst(count)
        if queue.isEmpty { waiting = 0 }
        return chunk
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
