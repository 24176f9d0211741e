import Foundation

/// Brings a database's schema up to date with forward-only, numbered migrations.
///
/// Applied migrations are recorded in `schema_migrations(version, name, applied_at)`.
/// A database whose recorded version is newer than the newest migration known is refused:
/// an old binary must not touch a newer database.
enum SchemaMigrator {
    /// Applies the migrations the database has not seen, each in its own write transaction.
    /// - Returns: the migrations applied, in order (empty when the schema was current).
    /// - Throws: ``SchemaMigrationError`` for a newer database or badly numbered migrations;
    ///   ``SQLiteError`` when a statement fails (that migration is rolled back, earlier ones stay).
    @discardableResult
    static func migrate(_ connection: SQLiteConnection, _ migrations: [Migration], now: Date) throws -> [Migration] {
        for (offset, migration) in migrations.enumerated() where migration.version != offset + 1 {
            throw SchemaMigrationError.versionsNotConsecutive(expected: offset + 1, found: migration.version)
        }
        try refuseIfNewer(currentVersion(connection), than: migrations.count)
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at REAL NOT NULL
            )
            """
        )
        var applied: [Migration] = []
        for migration in migrations {
            // The version is read again inside each transaction, so two processes migrating
            // at once apply every migration exactly once.
            let didApply = try connection.writeTransaction {
                let current = try recordedVersion(connection)
                try refuseIfNewer(current, than: migrations.count)
                guard current < migration.version else { return false }
                try connection.execute(migration.sql)
                try connection.run(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    [migration.version, migration.name, now]
                )
                return true
            }
            if didApply { applied.append(migration) }
        }
        return applied
    }

    /// The newest schema version recorded in the database; 0 for a database never migrated.
    static func currentVersion(_ connection: SQLiteConnection) throws -> Int {
        let hasTable = try connection.firstRow(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ) { _ in true } ?? false
        return hasTable ? try recordedVersion(connection) : 0
    }

    private static func recordedVersion(_ connection: SQLiteConnection) throws -> Int {
        try connection.firstRow("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") { $0.int(0) } ?? 0
    }

    private static func refuseIfNewer(_ version: Int, than newestKnown: Int) throws {
        if version > newestKnown {
            throw SchemaMigrationError.databaseIsNewer(databaseVersion: version, newestKnown: newestKnown)
        }
    }
}
