import CampaignDSL
import Foundation

/// The daemon's clock for a database: the wall clock, or a scaled clock for the
/// simulated network whose origin and epoch are stored in the database on its
/// first run, so restarts continue the same time line.
enum DaemonClockFactory {
    static let settingKey = "simulated-clock"

    /// The clock for `settings` on `store` (creating its origin on first use).
    static func clock(for settings: SimulatedTelephonySettings, store: CampaignStore) throws -> ScaledClock {
        let wall = Date()
        let origin = try settings.start.map(instant(of:)) ?? wall
        let proposed = "\(origin.timeIntervalSince1970) \(wall.timeIntervalSince1970) \(settings.timeScale)"
        let stored = try store.settingKeepingExisting(settingKey, proposed)
        let parts = stored.split(separator: " ").compactMap { Double($0) }
        guard parts.count == 3 else {
            throw EnvironmentError("the database's simulated clock setting is damaged ('\(stored)')")
        }
        guard parts[2] == settings.timeScale else {
            throw EnvironmentError(
                "this database's simulated clock runs at time-scale \(parts[2]), the config says \(settings.timeScale); "
                + "a database keeps one time line: use a new database to change the scale")
        }
        return ScaledClock(origin: Date(timeIntervalSince1970: parts[0]), epoch: Date(timeIntervalSince1970: parts[1]),
                           scale: parts[2])
    }

    /// The clock's current reading for `settings` without storing anything (for `status`).
    static func existingClock(for settings: SimulatedTelephonySettings, store: CampaignStore) throws -> ScaledClock? {
        guard let stored = try store.setting(settingKey) else { return nil }
        let parts = stored.split(separator: " ").compactMap { Double($0) }
        guard parts.count == 3 else { return nil }
        return ScaledClock(origin: Date(timeIntervalSince1970: parts[0]), epoch: Date(timeIntervalSince1970: parts[1]),
                           scale: parts[2])
    }

    private static func instant(of start: ClockStart) throws -> Date {
        guard let zone = TimeZone(identifier: start.timeZone) else {
            throw EnvironmentError("this system does not know the time zone \(start.timeZone); install tzdata")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: start.date.year, month: start.date.month, day: start.date.day,
                                        hour: start.time.hour, minute: start.time.minute)
        guard let date = calendar.date(from: components) else {
            throw EnvironmentError("\(start.date) \(start.time) is not a time in \(start.timeZone)")
        }
        return date
    }
}
