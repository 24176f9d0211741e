import Foundation

/// A campaign's answered and abandoned calls in its current compliance window:
/// periods of `windowDays` calendar days in the campaign's zone counted from the
/// day of its first call (30 for the US TSR, 1 for Ofcom), or the whole campaign
/// when the profile names no window.
///
/// Persons AMD took for machines cannot be seen; they are estimated from the
/// driver's false-positive share and counted as abandoned, as Ofcom's rule
/// counts them (for the TSR this is conservative: each is a person hung up on).
struct AbandonLedger {
    struct Counts: Equatable {
        /// Answers bridged to an agent who found a person.
        var connected = 0
        /// Answers bridged to an agent who found a machine (AMD off or wrong).
        var machinesAtAgents = 0
        /// Answers that found no agent in time.
        var abandoned = 0
    }

    private let windowDays: Int?
    /// The share of persons AMD takes for machines (within 0–0.5).
    let falsePositiveShare: Double
    private var calendar: Calendar
    /// The first day of the first window.
    private var anchor: Date?
    private var windowEnd: Date?
    private(set) var counts = Counts()

    init(windowDays: Int?, falsePositiveShare: Double, timeZone: TimeZone) {
        self.windowDays = windowDays.map { max(1, $0) }
        self.falsePositiveShare = Counts.usableShare(falsePositiveShare)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The window that holds `time`: its start, and its end (nil for the whole campaign).
    /// The first call of the campaign, `firstCall`, anchors the windows.
    mutating func window(at time: Date, firstCall: Date?) -> (start: Date, end: Date?) {
        let anchor = self.anchor ?? calendar.startOfDay(for: firstCall ?? time)
        self.anchor = anchor
        guard let windowDays else { return (anchor, nil) }
        let days = calendar.dateComponents([.day], from: anchor, to: calendar.startOfDay(for: time)).day ?? 0
        let index = max(0, days) / windowDays
        let start = calendar.date(byAdding: .day, value: index * windowDays, to: anchor) ?? anchor
        let end = calendar.date(byAdding: .day, value: windowDays, to: start)
        return (start, end)
    }

    /// Starts counting at `time` from what the store already holds for the window that contains it.
    mutating func resume(at time: Date, firstCall: Date?, counts stored: (Date) throws -> Counts) rethrows {
        let window = window(at: time, firstCall: firstCall)
        windowEnd = window.end
        counts = try stored(window.start)
    }

    /// Opens the next window when `time` has passed the current one.
    mutating func roll(to time: Date) {
        guard let end = windowEnd, time >= end else { return }
        windowEnd = window(at: time, firstCall: nil).end
        counts = Counts()
    }

    mutating func recordConnected(at time: Date) {
        roll(to: time)
        counts.connected += 1
    }

    mutating func recordAbandoned(at time: Date) {
        roll(to: time)
        counts.abandoned += 1
    }

    /// A call counted as connected turned out to be a machine.
    mutating func recordMachineFound() {
        counts.connected = max(0, counts.connected - 1)
        counts.machinesAtAgents += 1
    }

    /// Persons AMD probably hung up on in this window.
    var estimatedFalsePositives: Double { counts.estimatedFalsePositives(share: falsePositiveShare) }

    /// Abandoned and answered persons in this window, AMD's estimated false positives included
    /// (``Counts/totals(falsePositiveShare:)``, the one definition reports use too).
    var totals: (abandoned: Double, answered: Double) { counts.totals(falsePositiveShare: falsePositiveShare) }
}
