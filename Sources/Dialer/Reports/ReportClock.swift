import Foundation

/// Turns instants into the campaign's local calendar, fast enough for millions of rows:
/// ISO 8601 text (`2026-03-02T08:30:00+07:00` or `…Z` in UTC), local day numbers and hours.
///
/// The zone's UTC offset is asked of Foundation once per stretch between two of the
/// zone's transitions, so DST changes are honoured while most rows cost no zone lookup.
struct ReportClock {
    let zone: TimeZone
    private var validFrom = Double.infinity
    private var validUntil = -Double.infinity
    private var offset = 0
    /// The local day last written as ISO text, and its year, month and day.
    private var cachedDay = Int.min
    private var cachedDate = (0, 0, 0)

    init(zone: TimeZone) { self.zone = zone }

    /// The zone's offset from UTC, in seconds, at `seconds` since 1970.
    mutating func offset(at seconds: Double) -> Int {
        if seconds >= validFrom && seconds < validUntil { return offset }
        let date = Date(timeIntervalSince1970: seconds)
        offset = zone.secondsFromGMT(for: date)
        let next = zone.nextDaylightSavingTimeTransition(after: date)?.timeIntervalSince1970 ?? .infinity
        let previous = seconds - 86_400
        // Valid from this instant on (rows mostly come in time order) until the next transition,
        // and back a day when no transition lies in between.
        let earlier = Date(timeIntervalSince1970: previous)
        let transitionSincePrevious = zone.nextDaylightSavingTimeTransition(after: earlier)?.timeIntervalSince1970 ?? .infinity
        validFrom = transitionSincePrevious > seconds ? previous : seconds
        validUntil = next
        return offset
    }

    /// Days since 1970-01-01 in the campaign's zone, and the local hour, at `seconds` since 1970.
    mutating func localDayAndHour(_ seconds: Double) -> (day: Int, hour: Int) {
        let local = Int((seconds).rounded(.down)) + offset(at: seconds)
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (day, (local - day * 86_400) / 3_600)
    }

    /// The longest ISO 8601 text ``writeISO(_:utc:to:)`` writes (`2026-03-02T08:30:00+07:00`).
    static let isoMaxBytes = 25

    /// Writes `seconds` as ISO 8601 with the zone's offset (`utc` for `Z`), whole seconds, at `out`
    /// (room for ``isoMaxBytes``); returns how many bytes it wrote. The date of the last day
    /// written is kept, so rows in time order cost no calendar arithmetic.
    mutating func writeISO(_ seconds: Double, utc: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let offset = utc ? 0 : self.offset(at: seconds)
        let local = Int(seconds.rounded(.down)) + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        if day != cachedDay {
            cachedDay = day
            cachedDate = Self.civil(fromDays: day)
        }
        let (year, month, dayOfMonth) = cachedDate
        let secondOfDay = local - day * 86_400
        Self.put(year, width: 4, at: out)
        out[4] = UInt8(ascii: "-")
        Self.put(month, width: 2, at: out + 5)
        out[7] = UInt8(ascii: "-")
        Self.put(dayOfMonth, width: 2, at: out + 8)
        out[10] = UInt8(ascii: "T")
        Self.put(secondOfDay / 3_600, width: 2, at: out + 11)
        out[13] = UInt8(ascii: ":")
        Self.put(secondOfDay / 60 % 60, width: 2, at: out + 14)
        out[16] = UInt8(ascii: ":")
        Self.put(secondOfDay % 60, width: 2, at: out + 17)
        if utc {
            out[19] = UInt8(ascii: "Z")
            return 20
        }
        out[19] = offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        Self.put(abs(offset) / 3_600, width: 2, at: out + 20)
        out[22] = UInt8(ascii: ":")
        Self.put(abs(offset) / 60 % 60, width: 2, at: out + 23)
        return 25
    }

    /// Appends `seconds` as ISO 8601 with the zone's offset (`utc` for `Z`), whole seconds.
    mutating func appendISO(_ seconds: Double, utc: Bool, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.isoMaxBytes) { scratch in
            guard let out = scratch.baseAddress else { return }
            let written = writeISO(seconds, utc: utc, to: out)
            buffer.append(contentsOf: UnsafeBufferPointer(start: out, count: written))
        }
    }

    /// ISO 8601 text for `seconds` since 1970, in the zone or in UTC.
    mutating func iso(_ seconds: Double, utc: Bool = false) -> String {
        var bytes: [UInt8] = []
        appendISO(seconds, utc: utc, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DD` of a local day number.
    static func dayText(_ day: Int) -> String {
        let (year, month, dayOfMonth) = civil(fromDays: day)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { scratch in
            guard let out = scratch.baseAddress else { return "" }
            put(year, width: 4, at: out)
            out[4] = UInt8(ascii: "-")
            put(month, width: 2, at: out + 5)
            out[7] = UInt8(ascii: "-")
            put(dayOfMonth, width: 2, at: out + 8)
            return String(decoding: UnsafeBufferPointer(start: out, count: 10), as: UTF8.self)
        }
    }

    /// Year, month and day of a day number (days since 1970-01-01), proleptic Gregorian
    /// (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day number (days since 1970-01-01) of a calendar date (Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Writes `value` (0...9999) as `width` (2 or 4) digits at `out`.
    private static func put(_ value: Int, width: Int, at out: UnsafeMutablePointer<UInt8>) {
        let value = min(max(0, value), 9_999)
        let zero = UInt8(ascii: "0")
        var out = out
        if width == 4 {
            out[0] = zero + UInt8(value / 1_000)
            out[1] = zero + UInt8(value / 100 % 10)
            out += 2
        }
        out[0] = zero + UInt8(value / 10 % 10)
        out[1] = zero + UInt8(value % 10)
    }
}
