/// The Asterisk driver's decoding and tracking without its socket, for `dialer-bench asterisk`:
/// Asterisk's side of a recorded AMI conversation goes through ``AMIDecoder``, ``AMICallTracker``
/// and ``AMIAgentTracker`` the way ``AMISession`` dispatches a message that answers none of its own
/// actions. No I/O, no clock but the one each message is stamped with.
package struct AMIReplayBenchmark {
    /// What one pass handled.
    package struct Pass: Sendable, Hashable {
        /// Messages decoded and handed to the trackers.
        package let messages: Int
        /// Call and agent events the trackers reported.
        package let events: Int
        /// Calls that ended (`hungUp`).
        package let hangUps: Int
        /// Calls the tracker still follows after the last message.
        package let callsInProgress: Int
    }

    /// The bytes Asterisk sent, from its banner on.
    private let bytes: [UInt8]
    /// The call keys the recording's `Originate`s used, as `callKeyPrefix` + the call id.
    private let calls: ClosedRange<Int>
    private let callKeyPrefix: String
    /// Bytes handed to the decoder at a time, as one socket read would.
    private let readSize: Int

    /// `bytes`: what Asterisk sent (without the client's writes); `calls`: the ids of its calls,
    /// keyed and action-id'd `callKeyPrefix` + id as the driver keys them.
    package init(bytes: [UInt8], calls: ClosedRange<Int>, callKeyPrefix: String = "dialer-", readSize: Int = 64 * 1024) {
        self.bytes = bytes
        self.calls = calls
        self.callKeyPrefix = callKeyPrefix
        self.readSize = max(1, readSize)
    }

    /// Decodes and tracks the whole conversation once, with a fresh decoder and fresh trackers.
    package func replay() -> Pass {
        var decoder = AMIDecoder()
        var tracker = AMICallTracker(callVariable: "DIALER_CALL", reportsAMD: true)
        var agents = AMIAgentTracker(queue: "campaign")
        for id in calls {
            let key = callKeyPrefix + String(id)
            tracker.track(CallID(id), key: key, actionID: key)
        }
        let now = ContinuousClock.now
        var messages = 0
        var events = 0
        var hangUps = 0
        var start = 0
        while start < bytes.count {
            let end = min(start + readSize, bytes.count)
            for case .message(let message) in decoder.feed(bytes[start..<end]) {
                messages += 1
                var reported = tracker.handle(message, at: now)
                reported += agents.observe(reported)
                reported += agents.handle(message)
                events += reported.count
                for case .hungUp in reported { hangUps += 1 }
            }
            start = end
        }
        return Pass(messages: messages, events: events, hangUps: hangUps, callsInProgress: tracker.callsInProgress)
    }
}
