import Foundation

/// Opens a database that must already exist (for status, pause, resume, backup):
/// a missing file is an error, never a new empty database.
enum ExistingDatabase {
    static func open(_ path: String) throws -> CampaignStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EnvironmentError("there is no database at \(path); name it with --db or in the config")
        }
        return try CampaignStore(path: path, now: WallClock().now)
    }
}
