import Synchronization

/// Sends each event to every subscribed ``ServerSentEventStream``: a subscriber is dropped as soon as
/// its stream closes (the client left, or it fell too far behind).
package final class EventBroadcaster: Sendable {
    private let streams = Mutex<[ObjectIdentifier: ServerSentEventStream]>([:])

    package init() {}

    /// Adds `stream`; it leaves by itself when it closes.
    package func subscribe(_ stream: ServerSentEventStream) {
        let key = ObjectIdentifier(stream)
        streams.withLock { $0[key] = stream }
        stream.onClose { [weak self] in
            _ = self?.streams.withLock { $0.removeValue(forKey: key) }
        }
    }

    /// Sends one event to every subscriber.
    package func publish(_ data: String, event: String? = nil, id: String? = nil) {
        for stream in streams.withLock({ Array($0.values) }) {
            stream.send(data, event: event, id: id)
        }
    }

    /// How many streams are subscribed.
    package var subscriberCount: Int { streams.withLock { $0.count } }
}
