import Foundation

/// A dial-level controller of the kind VICIdial's adaptive modes use (docs/domain
/// facts): a baseline for the predictive pacer, and a choice users can make.
///
/// Every second it samples ready agents, logged-in agents and waiting calls
/// (averaged over the last 15 samples). Every 15 s it moves the dial level by
/// (ready − waiting) / logged-in, within [1, 3]. Every 60 s it halves the level
/// when the last minute had more than 20 answers and more than half of them were
/// dropped, and sets it to 1 when today's drop rate (over more than 50 answers)
/// is past the cap (checked again at every adjustment, so it stays 1 while over). It keeps `level × (ready + talking agents)` calls in progress.
struct ReactivePacer: Pacer {
    /// The drop-rate cap, as a fraction.
    let cap: Double
    private(set) var level = 1.0
    private var samples: [(ready: Double, total: Double, waiting: Double)] = []
    private var nextSample: Date?
    private var nextAdjustment: Date?
    private var nextDropCheck: Date?
    /// Answers of the last minute: when, and whether dropped.
    private var recent: [(time: Date, dropped: Bool)] = []
    private var today: (answers: Int, drops: Int) = (0, 0)
    private var dayEnd: Date?
    private let calendar: Calendar

    init(cap: Double, timeZone: TimeZone) {
        self.cap = cap
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    mutating func observe(_ observation: PacingObservation) {
        guard case .delivered(let time, let abandoned) = observation else { return }
        rollDay(at: time)
        recent.append((time, abandoned))
        today.answers += 1
        if abandoned { today.drops += 1 }
    }

    mutating func targetCallsRinging(_ snapshot: PacingSnapshot) -> Int {
        let now = snapshot.now
        rollDay(at: now)
        var sampleTime = nextSample ?? now
        if now.timeIntervalSince(sampleTime) > 15 { sampleTime = now - 14 }
        while sampleTime <= now {
            samples.append((Double(snapshot.readyAgents), Double(snapshot.loggedInAgents), Double(snapshot.callsWaiting)))
            if samples.count > 15 { samples.removeFirst(samples.count - 15) }
            sampleTime += 1
        }
        nextSample = sampleTime
        if let adjustment = nextAdjustment, adjustment <= now {
            adjust()
            holdAtOneOverTheCap()
            nextAdjustment = now + 15
        } else if nextAdjustment == nil {
            nextAdjustment = now + 15
        }
        if let check = nextDropCheck, check <= now {
            checkDrops(at: now)
            nextDropCheck = now + 60
        } else if nextDropCheck == nil {
            nextDropCheck = now + 60
        }
        let wrapping = snapshot.busyAgents.count { if case .wrappingUp = $0 { true } else { false } }
        let counted = snapshot.loggedInAgents - wrapping
        let inProgress = Int((level * Double(counted)).rounded())
        let answered = snapshot.callsInFlight - snapshot.callsRinging
        return max(0, snapshot.readyAgents - snapshot.callsWaiting, inProgress - answered)
    }

    private mutating func adjust() {
        guard !samples.isEmpty else { return }
        let count = Double(samples.count)
        let ready = samples.map(\.ready).reduce(0, +) / count
        let total = samples.map(\.total).reduce(0, +) / count
        let waiting = samples.map(\.waiting).reduce(0, +) / count
        guard total > 0 else { return }
        let percent = 100 * (ready - waiting) / total
        level = min(3, max(1, level * (1 + percent / 100)))
    }

    private mutating func checkDrops(at now: Date) {
        recent.removeAll { now.timeIntervalSince($0.time) > 60 }
        let drops = recent.count { $0.dropped }
        if recent.count > 20, Double(drops) > 0.5 * Double(recent.count) {
            level = max(1, level / 2)
        }
        holdAtOneOverTheCap()
    }

    /// Hard-limit mode: while today's drop rate (over more than 50 answers) is past the cap, the level is 1.
    private mutating func holdAtOneOverTheCap() {
        if today.answers > 50, Double(today.drops) / Double(today.answers) > cap {
            level = 1
        }
    }

    private mutating func rollDay(at time: Date) {
        if let dayEnd, time < dayEnd { return }
        let start = calendar.startOfDay(for: time)
        dayEnd = calendar.date(byAdding: .day, value: 1, to: start) ?? time.addingTimeInterval(86_400)
        today = (0, 0)
    }
}
