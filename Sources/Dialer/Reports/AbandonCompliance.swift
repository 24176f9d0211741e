import CampaignDSL

/// The abandon rate per compliance window against the cap: 30-day periods from the first
/// call for the TSR, calendar days for Ofcom, the whole campaign when the profile names no window.
public struct AbandonCompliance: Sendable, Hashable, Codable {
    /// The abandon rate over one window.
    public struct Window: Sendable, Hashable, Codable {
        /// The window's first and last day, in the campaign's zone.
        public var first: String
        public var last: String
        /// Calls a person answered (connected or abandoned).
        public var persons: Int
        public var abandoned: Int
        /// Where the profile counts AMD's false positives (Ofcom): abandoned and answered persons with
        /// the persons AMD probably hung up on, as the engine's abandon ledger counts them; nil elsewhere.
        public var estimatedAbandoned: Double?
        public var estimatedPersons: Double?
        /// `abandoned / persons` (the estimates' ratio where they are given), 0 when nobody answered.
        public var rate: Double
        /// Whether the rate is over the cap (counted exactly, not from the rounded rate).
        public var overCap: Bool

        enum CodingKeys: String, CodingKey {
            case first, last, persons, abandoned, rate
            case estimatedAbandoned = "estimated_abandoned"
            case estimatedPersons = "estimated_persons"
            case overCap = "over_cap"
        }

        /// Whether this window's rate is higher than `other`'s, compared exactly when both are counts.
        func isHigher(than other: Window) -> Bool {
            if let abandoned = estimatedAbandoned, let persons = estimatedPersons,
               let otherAbandoned = other.estimatedAbandoned, let otherPersons = other.estimatedPersons {
                return abandoned * max(otherPersons, 1) > otherAbandoned * max(persons, 1)
            }
            if estimatedAbandoned != nil || other.estimatedAbandoned != nil { return rate > other.rate }
            return self.abandoned * max(other.persons, 1) > other.abandoned * max(self.persons, 1)
        }
    }

    /// The cap in percent: the stricter of the profile's and the dial plan's; nil when neither sets one.
    public var capPercent: Double?
    /// The window's length in days; nil when the whole campaign is one window.
    public var windowDays: Int?
    /// The compliance profile's name.
    public var profile: String
    public var windows: [Window]
    /// The window with the highest rate (the earliest of equals); nil before any call.
    public var worst: Window?
    /// Whether any window is over the cap.
    public var overCap: Bool

    enum CodingKeys: String, CodingKey {
        case windows, worst, profile
        case capPercent = "cap_percent"
        case windowDays = "window_days"
        case overCap = "over_cap"
    }

    /// Groups `days` (local day number → counts) into windows of the spec's length starting at `anchor`.
    /// Where the profile counts AMD's false positives, each window adds its estimate with the share of
    /// persons AMD took for machines in effect on its last day (`falsePositiveShares`: from which local
    /// day each share applies, oldest first; none means no AMD).
    init(spec: CampaignSpec, days: [Int: AttemptTally.Counts], anchor: Int?,
         falsePositiveShares: [(fromDay: Int, share: Double)] = []) {
        let caps = [spec.compliance.maxAbandonPercent, spec.dial.maxAbandonPercent].compactMap { $0 }
        let cap = caps.min()
        capPercent = cap
        let windowDays = spec.compliance.abandonWindowDays
        self.windowDays = windowDays
        profile = spec.compliance.name
        var grouped: [Int: AttemptTally.Counts] = [:]
        let start = anchor ?? days.keys.min() ?? 0
        for (day, counts) in days {
            let index = windowDays.map { length in (day - start) >= 0 ? (day - start) / length : (day - start - length + 1) / length } ?? 0
            grouped[index, default: AttemptTally.Counts()].add(counts)
        }
        let windows: [Window] = grouped.keys.sorted().compactMap { index in
            guard let counts = grouped[index] else { return nil }
            let first: Int
            let last: Int
            if let length = windowDays {
                first = start + index * length
                last = first + length - 1
            } else {
                first = days.keys.min() ?? start
                last = days.keys.max() ?? start
            }
            var window = Window(
                first: ReportClock.dayText(first), last: ReportClock.dayText(last), persons: counts.persons,
                abandoned: counts.abandoned, rate: Ratio.of(Double(counts.abandoned), Double(counts.persons)),
                overCap: cap.map { Double(counts.abandoned) * 100 > $0 * Double(counts.persons) } ?? false)
            if spec.compliance.countsMachineFalsePositives {
                let lastDay = days.keys.filter { $0 <= last }.max() ?? last
                let share = falsePositiveShares.last { $0.fromDay <= lastDay }?.share ?? 0
                let ledger = AbandonLedger.Counts(
                    connected: counts.connects, machinesAtAgents: counts.machinesAtAgents, abandoned: counts.abandoned)
                let (abandoned, persons) = ledger.totals(falsePositiveShare: share)
                window.estimatedAbandoned = abandoned
                window.estimatedPersons = persons
                window.rate = Ratio.of(abandoned, persons)
                window.overCap = cap.map { abandoned * 100 > $0 * persons } ?? false
            }
            return window
        }
        self.windows = windows
        var worst: Window?
        for window in windows where worst.map({ window.isHigher(than: $0) }) ?? true { worst = window }
        self.worst = worst
        overCap = windows.contains(where: \.overCap)
    }
}
