import CampaignDSL
import Foundation

/// Why a job may not be dialed now.
public enum DialRefusal: String, Sendable, Hashable, CaseIterable {
    case doNotCall = "dnc"
    case attemptLimitReached = "attempt-limit"
    case outsideCampaignHours = "outside-hours"
    case campaignOver = "campaign-over"
    case outsideCalleeWindow = "outside-callee-window"
    case dailyCapReached = "daily-cap"
    case rolling24HourCapReached = "24h-cap"
    case abandonLockout = "abandon-lockout"
}

/// What the laws say about dialing one job.
enum DialDecision: Equatable {
    case allowed
    /// Not before this instant; the refusal names the first law that held it back.
    case notBefore(Date, DialRefusal)
    /// Never again: the job ends in this state.
    case never(JobState, DialRefusal)
}

/// The laws, checked in this one place right before every dial and when a retry
/// is scheduled, against the durable history:
/// 1. never a number on a Do-Not-Call list (the campaign's and every opt-out);
/// 2. never outside the campaign's hours and dates, nor outside the callee's
///    legal window in the number's own zone (across DST);
/// 3. never past the retry rules, the caps per day, per 24 h and in all, or an
///    abandon lock-out.
final class DialPermit {
    private let campaignCalendar: CallingCalendar
    private let calleeHours: [[TimeRange]]
    private let limits: AttemptLimits
    private let maxPerDay: Int?
    private let maxPer24Hours: Int?
    private let maxTotal: Int?
    private let lockoutAfterAbandon: TimeInterval?
    private let doNotCall: DoNotCallRegistry
    private var calleeCalendars: [String: [CallingCalendar]] = [:]
    private var gregorianCalendars: [String: Calendar] = [:]

    init(spec: CampaignSpec, campaignCalendar: CallingCalendar, doNotCall: DoNotCallRegistry) {
        self.campaignCalendar = campaignCalendar
        self.calleeHours = [spec.calleeHours, spec.compliance.calleeHours].filter { !$0.isEmpty }
        self.limits = AttemptLimits(policy: spec.retry)
        self.maxPerDay = spec.retry.maxPerDay
        self.maxPer24Hours = [spec.retry.maxPer24Hours, spec.compliance.maxCallsPer24Hours].compactMap { $0 }.min()
        self.maxTotal = spec.retry.maxTotal
        self.lockoutAfterAbandon = spec.compliance.lockoutAfterAbandonSeconds.map(TimeInterval.init)
        self.doNotCall = doNotCall
    }

    /// The decision for dialing `number` (E.164, in zone `zone`) at `instant`. For a callback the contact
    /// asked for (`callbackAt`), the retry rules count only the calls since the callback fell due; every
    /// other law (Do-Not-Call, hours, caps, the total) counts every call.
    func decide(number: String, zone: String, history: [PastAttempt], callbackAt: Date? = nil,
                at instant: Date) throws -> DialDecision {
        if try doNotCall.blocks(number) { return .never(.dnc, .doNotCall) }
        let governed = callbackAt.map { due in history.filter { $0.placedAt >= due } } ?? history
        guard limits.allowsAnotherCall(after: governed.map(\.outcome)) else {
            return .never(.exhausted, .attemptLimitReached)
        }
        if let maxTotal, history.count >= maxTotal { return .never(.exhausted, .attemptLimitReached) }
        return earliestTime(zone: zone, history: history, atOrAfter: instant)
    }

    /// The first instant at or after `instant` when every time-bound law allows a call.
    func earliestTime(zone: String, history: [PastAttempt], atOrAfter instant: Date) -> DialDecision {
        var time = instant
        var firstReason: DialRefusal?
        func move(to later: Date, because reason: DialRefusal) {
            guard later > time else { return }
            time = later
            firstReason = firstReason ?? reason
        }
        // Each constraint can only move time forward; stop when a pass moves nothing. Every move is a bound, so
        // the result is never earlier than the first allowed time; where no pass settles (a callee whose zones'
        // windows never meet), it is only a bound, and the check at that time refuses again.
        for _ in 0..<64 {
            let before = time
            guard let window = campaignCalendar.window(atOrAfter: time) else {
                return .notBefore(.distantFuture, .campaignOver)
            }
            move(to: window.start, because: .outsideCampaignHours)
            for calendar in calleeCalendars(for: zone) {
                guard let window = calendar.window(atOrAfter: time) else {
                    return .notBefore(.distantFuture, .outsideCalleeWindow)
                }
                move(to: window.start, because: .outsideCalleeWindow)
            }
            if let next = nextDayIfCapped(zone: zone, history: history, at: time) {
                move(to: next, because: .dailyCapReached)
            }
            if let maxPer24Hours, let next = Self.rollingCapEnd(history: history, cap: maxPer24Hours, at: time) {
                move(to: next, because: .rolling24HourCapReached)
            }
            if let lockoutAfterAbandon, let last = history.last(where: { $0.outcome == .abandoned }) {
                move(to: last.placedAt.addingTimeInterval(lockoutAfterAbandon), because: .abandonLockout)
            }
            if time == before { break }
        }
        guard let firstReason else { return .allowed }
        return .notBefore(time, firstReason)
    }

    /// The callee calendars of a stored zone (``CalleeZones``: the legal windows in each of its zones), built once.
    private func calleeCalendars(for zone: String) -> [CallingCalendar] {
        if let cached = calleeCalendars[zone] { return cached }
        let calendars = CalleeZones.identifiers(zone).flatMap { name in
            let timeZone = TimeZone(identifier: name) ?? campaignCalendar.timeZone
            return calleeHours.map { CallingCalendar.daily($0, timeZone: timeZone) }
        }
        calleeCalendars[zone] = calendars
        return calendars
    }

    /// The callee's next local midnight when today's calls already reached the daily cap (in any of the
    /// callee's zones: the latest such midnight).
    private func nextDayIfCapped(zone: String, history: [PastAttempt], at time: Date) -> Date? {
        guard let maxPerDay else { return nil }
        return CalleeZones.identifiers(zone).compactMap { name -> Date? in
            let calendar = gregorian(for: name)
            let today = calendar.startOfDay(for: time)
            guard let tomorrow = calendar.date(byAdding: .day, value: 1, to: today) else { return nil }
            let callsToday = history.count { $0.placedAt >= today && $0.placedAt < tomorrow }
            return callsToday >= maxPerDay ? tomorrow : nil
        }.max()
    }

    /// When the oldest call that keeps the last 24 hours at the cap leaves the window; nil when under the cap.
    private static func rollingCapEnd(history: [PastAttempt], cap: Int, at time: Date) -> Date? {
        let window: TimeInterval = 86_400
        let recent = history.map(\.placedAt).filter { $0 > time.addingTimeInterval(-window) && $0 <= time }.sorted()
        guard recent.count >= cap else { return nil }
        return recent[recent.count - cap].addingTimeInterval(window)
    }

    private func gregorian(for zone: String) -> Calendar {
        if let cached = gregorianCalendars[zone] { return cached }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? campaignCalendar.timeZone
        gregorianCalendars[zone] = calendar
        return calendar
    }
}
