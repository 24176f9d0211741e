public import CampaignDSL
import Foundation

/// The days a report covers, in the campaign's zone, both ends included; open ends reach
/// the first or last call. Calls are counted by the day they were placed.
public struct ReportRange: Sendable, Hashable {
    /// The first day, or nil for "from the first call".
    public var from: LocalDate?
    /// The last day, or nil for "up to now".
    public var to: LocalDate?

    /// Every call of the campaign.
    public static let all = ReportRange(from: nil, to: nil)

    /// One day.
    public static func day(_ day: LocalDate) -> ReportRange { ReportRange(from: day, to: day) }

    public init(from: LocalDate?, to: LocalDate?) {
        self.from = from
        self.to = to
    }

    /// The range as seconds since 1970, `[start, end)`, in `zone` (midnights, honouring DST).
    func interval(in zone: TimeZone) -> (start: Double, end: Double) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        func midnight(_ day: LocalDate, plus days: Int) -> Double? {
            calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day + days))
                .map { calendar.startOfDay(for: $0).timeIntervalSince1970 }
        }
        let start = from.flatMap { midnight($0, plus: 0) } ?? -Double.greatestFiniteMagnitude
        let end = to.flatMap { midnight($0, plus: 1) } ?? Double.greatestFiniteMagnitude
        return (start, end)
    }

    /// `YYYY-MM-DD`, the form `--from` and `--to` take, if it is a real date.
    public static func parseDay(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard text.utf8.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              (1...12).contains(month), day >= 1 else { return nil }
        let days = ReportClock.days(year: year, month: month, day: day)
        let (y, m, d) = ReportClock.civil(fromDays: days)
        return (y, m, d) == (year, month, day) ? LocalDate(year: year, month: month, day: day) : nil
    }
}
