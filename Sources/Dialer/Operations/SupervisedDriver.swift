import Foundation

/// A real backend, watched: its waits for events are cut into short slices so a
/// stop (SIGTERM, a pause, a changed campaign file) is seen within a fraction of a
/// second even while the engine sleeps until the next calling window.
final class SupervisedDriver: TelephonyDriver {
    private let driver: any TelephonyDriver
    private let clock: any Clock
    private let stopRequested: () -> Bool
    private var stopReported = false
    /// The longest single wait on the backend.
    private static let slice: TimeInterval = 0.25

    init(_ driver: any TelephonyDriver, clock: any Clock, stopRequested: @escaping () -> Bool) {
        self.driver = driver
        self.clock = clock
        self.stopRequested = stopRequested
    }

    var routesAnsweredCalls: Bool { driver.routesAnsweredCalls }

    func place(_ request: CallRequest) throws { try driver.place(request) }
    func connect(_ call: CallID, toAgent agent: String) throws { try driver.connect(call, toAgent: agent) }
    func abandon(_ call: CallID) throws { try driver.abandon(call) }
    func playMessage(_ call: CallID) throws { try driver.playMessage(call) }
    func cancel(_ call: CallID) throws { try driver.cancel(call) }

    /// The backend's events up to `deadline`, waited for in slices; returns early,
    /// once, with no events when a stop is requested, so the engine drains.
    func events(until deadline: Date) -> [CallEvent] {
        while true {
            if !stopReported && stopRequested() {
                stopReported = true
                return []
            }
            let sliceEnd = min(deadline, clock.now.addingTimeInterval(Self.slice))
            let happened = driver.events(until: sliceEnd)
            if !happened.isEmpty || sliceEnd >= deadline { return happened }
        }
    }
}
