import Foundation

/// An operator's switches on a live database: pause and resume a campaign, back the database up.
/// They work while a daemon runs (it sees a pause within a second and drains that campaign).
public enum CampaignControl {
    /// Pauses (`true`) or resumes a campaign by name.
    public static func setPaused(_ paused: Bool, campaign name: String, databasePath: String, by who: String) throws {
        let store = try ExistingDatabase.open(databasePath)
        guard let campaign = try store.campaignID(named: name) else {
            let known = try store.storedCampaigns().map(\.name)
            let list = known.isEmpty ? "it holds none" : "it holds " + known.joined(separator: ", ")
            throw EnvironmentError("no campaign '\(name)' in \(databasePath) (\(list))")
        }
        try store.setPaused(paused, campaign: campaign, by: who, at: WallClock().now)
    }

    /// Copies the live database to `path` (which must not exist) with SQLite's online
    /// backup, then checks the copy's integrity.
    public static func backup(databasePath: String, to path: String) throws {
        let store = try ExistingDatabase.open(databasePath)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw EnvironmentError("\(path) already exists; a backup never overwrites a file")
        }
        try store.connection.backup(to: path)
        let copy = try SQLiteConnection(path: path, options: SQLiteConnection.Options(readOnly: true, create: false))
        let verdict = try copy.firstRow("PRAGMA integrity_check") { $0.string(0) } ?? ""
        guard verdict == "ok" else {
            throw EnvironmentError("the backup at \(path) failed its integrity check: \(verdict)")
        }
    }
}
