import Dialer
import Foundation

/// Calls placed through a telephony driver at a steady rate for a while, the driver's events read
/// all along; then every call is waited for, a bounded time, and the events a little longer, so a
/// late second `hungUp` would be seen.
struct SustainedLoad {
    let callsPerSecond: Double
    let seconds: TimeInterval
    /// Each call's ring timeout; the lab's unanswered customers hold their line this long.
    let ringTimeout: TimeInterval
    /// The longest wait for the calls still in progress once the last one is placed.
    let drainLimit: TimeInterval
    /// How long events are still read after the last call ended.
    let settle: TimeInterval = 2

    struct Result {
        let ledger: CallLedger
        /// When each call was handed to the driver.
        let placedAt: [CallID: Date]
        /// From the first call placed to the end of placing.
        let placingSeconds: TimeInterval
        /// From the end of placing until the last call ended (or the drain limit).
        let drainSeconds: TimeInterval
    }

    func run(on driver: some TelephonyDriver) throws -> Result {
        var ledger = CallLedger()
        var placedAt: [CallID: Date] = [:]
        let start = Date()
        let placingEnd = start.addingTimeInterval(seconds)
        var next = start
        var index = 0
        while Date() < placingEnd {
            while next <= Date(), next < placingEnd {
                let customer = LabCustomerMix.customer(index)
                let call = CallID(index + 1)
                try driver.place(CallRequest(callID: call, number: LabCustomerMix.number(index, customer: customer),
                                             callerID: nil, ringTimeout: ringTimeout, tag: "bench"))
                ledger.place(call, customer: customer)
                placedAt[call] = Date()
                index += 1
                next = start.addingTimeInterval(Double(index) / callsPerSecond)
            }
            for event in driver.events(until: min(next, placingEnd)) { ledger.record(event) }
        }
        let placed = Date()
        let drainEnd = placed.addingTimeInterval(drainLimit)
        while ledger.inProgress > 0, Date() < drainEnd {
            for event in driver.events(until: drainEnd) { ledger.record(event) }
        }
        let drained = Date()
        let settled = drained.addingTimeInterval(settle)
        while Date() < settled {
            for event in driver.events(until: settled) { ledger.record(event) }
        }
        return Result(ledger: ledger, placedAt: placedAt, placingSeconds: placed.timeIntervalSince(start),
                      drainSeconds: drained.timeIntervalSince(placed))
    }
}
