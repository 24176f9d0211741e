/// Calls in one period: an hour of the day (`hour` 0–23) or a day (`day`, YYYY-MM-DD), in the campaign's zone.
public struct PeriodFigures: Sendable, Hashable, Codable {
    public var hour: Int?
    public var day: String?
    public var calls: Int
    /// Persons connected to an agent.
    public var connects: Int
    public var abandoned: Int
    /// Abandoned ÷ persons who answered.
    public var abandonRate: Double

    enum CodingKeys: String, CodingKey {
        case hour, day, calls, connects, abandoned
        case abandonRate = "abandon_rate"
    }

    init(hour: Int? = nil, day: String? = nil, counts: AttemptTally.Counts) {
        self.hour = hour
        self.day = day
        calls = counts.calls
        connects = counts.connects
        abandoned = counts.abandoned
        abandonRate = Ratio.of(Double(counts.abandoned), Double(counts.persons))
    }
}
