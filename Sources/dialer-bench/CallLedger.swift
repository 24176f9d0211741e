import Dialer
import Foundation

/// What happened to every call a load placed, from the driver's events: each placed call must
/// end exactly once, with one `hungUp`, or come back `notPlaced`.
struct CallLedger {
    private(set) var placed = 0
    private(set) var ended = 0
    private(set) var notPlaced = 0
    /// A `hungUp` or `notPlaced` for a call that had already ended.
    private(set) var duplicateEnds = 0
    /// Events for calls that were never placed.
    private(set) var strangers = 0
    /// Ended calls whose outcome is not the one the lab's customer plays.
    private(set) var misrecorded = 0
    /// Every event the driver reported, agents' included.
    private(set) var events = 0
    /// The most calls placed and not yet ended at once: on a line, or waiting in the driver's queue for one.
    private(set) var mostInProgress = 0
    /// Why the last call was not placed, for the report.
    private(set) var lastNotPlacedReason: String?

    /// The customer of each call in progress.
    private var open: [CallID: String] = [:]
    private var answered: [CallID: AnsweringParty] = [:]
    private var closed: Set<CallID> = []
    /// When the driver received each call's end.
    private var endedAt: [CallID: Date] = [:]

    /// Calls placed and not yet ended.
    var inProgress: Int { open.count }

    mutating func place(_ call: CallID, customer: String) {
        placed += 1
        open[call] = customer
        mostInProgress = max(mostInProgress, open.count)
    }

    mutating func record(_ event: CallEvent) {
        events += 1
        switch event.kind {
        case .answered(let call, let party):
            answered[call] = party
        case .hungUp(let call, let cause):
            guard let customer = close(call) else { return }
            ended += 1
            endedAt[call] = event.time
            if !LabCustomerMix.endedAsPlayed(customer, answered: answered[call], cause: cause) { misrecorded += 1 }
            answered[call] = nil
        case .notPlaced(let call, let reason):
            guard close(call) != nil else { return }
            notPlaced += 1
            lastNotPlacedReason = reason
        default:
            return
        }
    }

    /// The most calls on a line at once: from its `Originate` (`originatedAt`) to its end.
    func mostLinesInUse(originatedAt: [CallID: Date]) -> Int {
        let changes = originatedAt.map { ($0.value, 1) } + endedAt.map { ($0.value, -1) }
        var inUse = 0
        var most = 0
        for change in changes.sorted(by: { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }) {
            inUse += change.1
            most = max(most, inUse)
        }
        return most
    }

    /// Takes `call` out of the calls in progress; nil (and counted) when it was not in progress.
    private mutating func close(_ call: CallID) -> String? {
        if let customer = open.removeValue(forKey: call) {
            closed.insert(call)
            return customer
        }
        if closed.contains(call) { duplicateEnds += 1 } else { strangers += 1 }
        return nil
    }
}
