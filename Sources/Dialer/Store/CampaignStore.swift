import Foundation

/// The dialer's durable state in one SQLite file: campaigns, their contacts and
/// jobs, every call attempt, agents' sessions.
///
/// One owner writes through it; every change that matters is committed before
/// the action it records (an attempt row before the dial).
final class CampaignStore {
    let connection: SQLiteConnection
    /// The database file (":memory:" for a private in-memory one).
    let path: String

    /// Opens the database at `path` and brings its schema up to date; creates it when no file is there.
    ///
    /// A new database is built under a temporary name in the same folder and linked into place
    /// only once its schema is complete, so a crash never leaves a half-made file at `path`.
    /// A file that exists must hold a Dialer database: an empty file or another program's
    /// database is refused, never taken as new.
    /// - Throws: ``DatabaseProblem`` for a damaged file, one that is not a Dialer database, or a full disk.
    init(path: String, now: Date) throws {
        self.path = path
        do {
            if SQLiteFile.isInMemory(path) {
                connection = try SQLiteConnection(path: path)
            } else {
                if !FileManager.default.fileExists(atPath: path) { try Self.create(path, now: now) }
                try Self.refuseEmptyFile(path)
                connection = try SQLiteConnection(path: path, options: SQLiteConnection.Options(create: false))
                guard try SchemaMigrator.currentVersion(connection) > 0 else {
                    throw DatabaseProblem.notADialerDatabase(path, detail: "it holds no Dialer tables")
                }
            }
            try SchemaMigrator.migrate(connection, Schema.migrations, now: now)
        } catch {
            throw DatabaseProblem.classify(error, path: path, writing: "the database's schema")
        }
    }

    /// Checks every page of the database (`PRAGMA quick_check`).
    /// - Throws: ``DatabaseProblem`` (damaged) naming the file when the check finds a fault.
    func verifyIntact() throws {
        let verdict: String
        do {
            verdict = try connection.firstRow("PRAGMA quick_check(1)") { $0.string(0) } ?? ""
        } catch {
            throw DatabaseProblem.classify(error, path: path, writing: "nothing")
        }
        guard verdict == "ok" else { throw DatabaseProblem.damaged(path, detail: verdict) }
    }

    /// A 0-byte file with no write-ahead log beside it was never a database (the log of a
    /// database that crashed before its first checkpoint holds its pages).
    private static func refuseEmptyFile(_ path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.int64Value ?? 0
        if size == 0 && log == 0 { throw DatabaseProblem.notADialerDatabase(path, detail: "the file is empty") }
    }

    /// Builds a new database at a temporary name beside `path`, then links it into place
    /// (a file that appeared at `path` meanwhile is kept, and the temporary one dropped).
    private static func create(_ path: String, now: Date) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".creating-"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw EnvironmentError("cannot create the database \(path): its folder \(folder) does not exist")
        }
        // Leftovers of creators that died half-way.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }), !DaemonLease.processExists(pid) else {
                continue
            }
            for suffix in ["", "-wal", "-shm"] { unlink(folder + "/" + name + suffix) }
        }
        let temporary = folder + "/" + prefix + String(getpid())
        do {
            let connection = try SQLiteConnection(path: temporary)
            try SchemaMigrator.migrate(connection, Schema.migrations, now: now)
            // Closing the last connection checkpoints the log into the file and removes it.
            try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        } catch {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
            throw DatabaseProblem.classify(error, path: path, writing: "a new database")
        }
        defer { for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) } }
        if link(temporary, path) != 0 && errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw EnvironmentError("cannot create the database \(path): \(reason)")
        }
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
