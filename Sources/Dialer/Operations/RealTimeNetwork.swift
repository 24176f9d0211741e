import Foundation

/// The simulated network played in (scaled) real time: its events come out when
/// the ``ScaledClock`` reaches them, not as soon as they are computed, so the
/// daemon lives through them as it would with a real network, and can be
/// stopped, paused or killed in the middle of calls (wrap it in a ``SupervisedDriver``).
///
/// The engine reads time from ``clock``, a virtual clock that follows the scaled
/// clock (never ahead of it, and never backwards).
final class RealTimeNetwork: WrappingDriver {
    let clock: VirtualClock
    let wrapped: any TelephonyDriver
    private let network: SimulatedNetwork
    private let time: ScaledClock
    /// The longest wall-clock nap between looks at the time: short while calls are in
    /// progress; with none, up to a tenth of a second but never more than one second of
    /// the scaled clock (agents' wrap-ups still end on time).
    private static let busyNap: TimeInterval = 0.005
    private var idleNap: TimeInterval { max(Self.busyNap, min(0.1, time.wallSeconds(1))) }

    /// `callsBefore`: each number's calls placed by earlier runs (``SimulatedNetwork/init(clock:parameters:agents:timeZone:callsBefore:)``).
    init(parameters: SimulationParameters, time: ScaledClock, callsBefore: [String: UInt64]) {
        clock = VirtualClock(start: time.now)
        network = SimulatedNetwork(clock: clock, parameters: parameters, callsBefore: callsBefore)
        wrapped = network
        self.time = time
    }

    /// The events up to `deadline`, each once the scaled clock reached it.
    func events(until deadline: Date) -> [CallEvent] {
        while true {
            let target = min(deadline, time.now)
            let happened = network.events(until: target)
            if !happened.isEmpty || target >= deadline { return happened }
            let nap = network.callsInProgress > 0 ? Self.busyNap : idleNap
            Thread.sleep(forTimeInterval: min(nap, time.wallSeconds(deadline.timeIntervalSince(target))))
        }
    }
}
