import Foundation

/// A driver, watched: its waits for events are cut into short slices so a stop
/// (SIGTERM, a pause, a changed campaign file) or a change of the backend's
/// availability (the PBX lost or back) is seen within a fraction of a second
/// even while the engine sleeps until the next calling window.
final class SupervisedDriver: WrappingDriver {
    let wrapped: any TelephonyDriver
    private let clock: any Clock
    private let slice: TimeInterval
    private let stopRequested: () -> Bool
    private let interrupted: () -> Bool
    private var stopReported = false

    /// Watches `driver`, whose time is `clock`; `slice` is the longest single wait on it,
    /// in seconds of that clock (a quarter of a second of wall time by default). `interrupted`
    /// ends a wait early, without events, whenever it says true (people's desk commands wait).
    init(_ driver: any TelephonyDriver, clock: any Clock, slice: TimeInterval = 0.25,
         stopRequested: @escaping () -> Bool, interrupted: @escaping () -> Bool = { false }) {
        wrapped = driver
        self.clock = clock
        self.slice = slice
        self.stopRequested = stopRequested
        self.interrupted = interrupted
    }

    /// The driver's events up to `deadline`, waited for in slices; returns early with
    /// no events when the backend's availability changes (so the engine says why it
    /// does not dial, or dials again), when interrupted, and once when a stop is requested (it drains).
    func events(until deadline: Date) -> [CallEvent] {
        let availability = wrapped.availability
        while true {
            if !stopReported && stopRequested() {
                stopReported = true
                return []
            }
            if interrupted() { return [] }
            let sliceEnd = min(deadline, clock.now.addingTimeInterval(slice))
            let happened = wrapped.events(until: sliceEnd)
            if !happened.isEmpty || sliceEnd >= deadline || wrapped.availability != availability { return happened }
        }
    }
}
