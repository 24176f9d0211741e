import Foundation

/// The simulated network played in (scaled) real time: its events come out when
/// the ``ScaledClock`` reaches them, not as soon as they are computed, so the
/// daemon lives through them as it would with a real network, and can be
/// stopped, paused or killed in the middle of calls.
///
/// The engine reads time from ``clock``, a virtual clock that follows the scaled
/// clock (never ahead of it, and never backwards).
final class RealTimeNetwork: TelephonyDriver {
    let clock: VirtualClock
    private let network: SimulatedNetwork
    private let time: ScaledClock
    private let stopRequested: () -> Bool
    private var stopReported = false
    /// The longest wall-clock nap between looks at the time and the stop request:
    /// short while calls are in progress; with none, up to a tenth of a second but
    /// never more than one second of the scaled clock (agents' wrap-ups still end on time).
    private static let busyNap: TimeInterval = 0.005
    private var idleNap: TimeInterval { max(Self.busyNap, min(0.1, time.wallSeconds(1))) }

    init(parameters: SimulationParameters, time: ScaledClock, stopRequested: @escaping () -> Bool) {
        self.clock = VirtualClock(start: time.now)
        self.network = SimulatedNetwork(clock: clock, parameters: parameters)
        self.time = time
        self.stopRequested = stopRequested
    }

    var routesAnsweredCalls: Bool { network.routesAnsweredCalls }

    func place(_ request: CallRequest) throws { try network.place(request) }
    func connect(_ call: CallID, toAgent agent: String) throws { try network.connect(call, toAgent: agent) }
    func abandon(_ call: CallID) throws { try network.abandon(call) }
    func playMessage(_ call: CallID) throws { try network.playMessage(call) }
    func cancel(_ call: CallID) throws { try network.cancel(call) }

    /// The events up to `deadline`, each once the scaled clock reached it. Returns
    /// early, once, with no events when a stop is requested, so the engine drains.
    func events(until deadline: Date) -> [CallEvent] {
        while true {
            if !stopReported && stopRequested() {
                stopReported = true
                return []
            }
            let target = min(deadline, time.now)
            let happened = network.events(until: target)
            if !happened.isEmpty || target >= deadline { return happened }
            let nap = network.callsInProgress > 0 ? Self.busyNap : idleNap
            Thread.sleep(forTimeInterval: min(nap, time.wallSeconds(deadline.timeIntervalSince(target))))
        }
    }
}
