import Foundation

/// The dialer's durable state in one SQLite file: campaigns, their contacts and
/// jobs, every call attempt, agents' sessions.
///
/// One owner writes through it; every change that matters is committed before
/// the action it records (an attempt row before the dial).
final class CampaignStore {
    let connection: SQLiteConnection

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    init(path: String, now: Date) throws {
        connection = try SQLiteConnection(path: path)
        try SchemaMigrator.migrate(connection, Schema.migrations, now: now)
    }

    /// Records a compiled campaign and returns its id.
    func insertCampaign(name: String, specJSON: String, sourcePath: String, sourceHash: String, at time: Date) throws -> Int64 {
        try connection.run(
            "INSERT INTO campaigns (name, spec_json, source_path, source_hash, compiled_at) VALUES (?, ?, ?, ?, ?)",
            [name, specJSON, sourcePath, sourceHash, time])
        return connection.lastInsertRowID
    }

    /// The id of the campaign called `name`, if compiled.
    func campaignID(named name: String) throws -> Int64? {
        try connection.firstRow("SELECT id FROM campaigns WHERE name = ?", [name]) { $0.int64(0) }
    }

    /// Records a call list's header and returns its id.
    func insertList(campaign: Int64, position: Int, path: String, header: [String]) throws -> Int64 {
        try connection.run(
            "INSERT INTO lists (campaign_id, position, path, header_json) VALUES (?, ?, ?, ?)",
            [campaign, position, path, JSONText.encode(header)])
        return connection.lastInsertRowID
    }

    /// The campaign's lists with their headers, in order.
    func lists(campaign: Int64) throws -> [(id: Int64, path: String, header: [String])] {
        try connection.rows(
            "SELECT id, path, header_json FROM lists WHERE campaign_id = ? ORDER BY position", [campaign]
        ) { row in
            (row.int64(0), row.string(1), JSONText.decodeStrings(row.string(2)))
        }
    }
}
