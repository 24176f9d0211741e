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
    /// backup, after checking that the database is not damaged.
    ///
    /// The copy is written under a temporary name in `path`'s folder, checked, and only then
    /// linked to `path`: a backup killed half-way leaves nothing at `path` (its temporary
    /// file is removed by the next backup to the same name).
    public static func backup(databasePath: String, to path: String) throws {
        let store = try ExistingDatabase.open(databasePath)
        try store.verifyIntact()
        guard !FileManager.default.fileExists(atPath: path) else {
            throw EnvironmentError("\(path) already exists; a backup never overwrites a file")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".partial-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), !DaemonLease.processExists(pid) {
                removeDatabaseFiles(folder + "/" + name)
            }
        }
        let temporary = folder + "/" + prefix + String(getpid())
        defer { removeDatabaseFiles(temporary) }
        do {
            try store.connection.backup(to: temporary)
            let copy = try SQLiteConnection(path: temporary, options: SQLiteConnection.Options(readOnly: true, create: false))
            let verdict = try copy.firstRow("PRAGMA integrity_check") { $0.string(0) } ?? ""
            guard verdict == "ok" else {
                throw EnvironmentError("the copy written to \(temporary) failed its integrity check: \(verdict)")
            }
        } catch {
            throw DatabaseProblem.classify(error, path: path, writing: "the backup")
        }
        guard link(temporary, path) == 0 else {
            let number = errno
            if number == EEXIST { throw EnvironmentError("\(path) already exists; a backup never overwrites a file") }
            throw EnvironmentError("cannot create \(path): \(String(cString: strerror(number)))")
        }
    }

    /// Removes a database file and the journal files SQLite may have left beside it.
    private static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
