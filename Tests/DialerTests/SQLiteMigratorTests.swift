@testable import Dialer
import Foundation
import Testing

@Suite struct SQLiteMigratorTests {
    let now = Date(timeIntervalSince1970: 1_772_409_600)

    let migrations = [
        Migration(version: 1, name: "campaigns", sql: "CREATE TABLE campaigns (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
        Migration(
            version: 2, name: "contacts",
            sql: """
                CREATE TABLE contacts (id INTEGER PRIMARY KEY, campaign_id INTEGER NOT NULL REFERENCES campaigns(id), phone TEXT NOT NULL);
                CREATE INDEX contacts_campaign ON contacts (campaign_id);
                """),
        Migration(version: 3, name: "contacts time zone", sql: "ALTER TABLE contacts ADD COLUMN time_zone TEXT"),
    ]

    @Test func emptyDatabaseStartsAtVersionZero() throws {
        let scratch = try SQLiteScratchDirectory()
        let connection = try SQLiteConnection(path: scratch.path("empty.sqlite"))
        #expect(try SchemaMigrator.currentVersion(connection) == 0)
    }

    @Test func migratesAnEmptyDatabaseAndRecordsEachMigration() throws {
        let scratch = try SQLiteScratchDirectory()
        let connection = try SQLiteConnection(path: scratch.path("m.sqlite"))
        let applied = try SchemaMigrator.migrate(connection, migrations, now: now)
        #expect(applied.map(\.version) == [1, 2, 3])
        #expect(try SchemaMigrator.currentVersion(connection) == 3)
        let recorded = try connection.rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version") {
            "\($0.int(0)) \($0.string(1)) \($0.date(2).timeIntervalSince1970)"
        }
        #expect(recorded == ["1 campaigns 1772409600.0", "2 contacts 1772409600.0", "3 contacts time zone 1772409600.0"])
        try connection.run("INSERT INTO campaigns (name) VALUES (?)", ["spring"])
        try connection.run(
            "INSERT INTO contacts (campaign_id, phone, time_zone) VALUES (?, ?, ?)", [1, "+842873001234", "Asia/Ho_Chi_Minh"])
    }

    @Test func rerunningAppliesNothingAndNewMigrationsApplyAlone() throws {
        let scratch = try SQLiteScratchDirectory()
        let path = scratch.path("m.sqlite")
        do {
            let connection = try SQLiteConnection(path: path)
            #expect(try SchemaMigrator.migrate(connection, Array(migrations.prefix(2)), now: now).count == 2)
            #expect(try SchemaMigrator.migrate(connection, Array(migrations.prefix(2)), now: now).isEmpty)
        }
        let reopened = try SQLiteConnection(path: path)
        let later = now.addingTimeInterval(86_400)
        #expect(try SchemaMigrator.migrate(reopened, migrations, now: later).map(\.name) == ["contacts time zone"])
        #expect(try SchemaMigrator.migrate(reopened, migrations, now: later).isEmpty)
        #expect(try reopened.rows("SELECT applied_at FROM schema_migrations ORDER BY version") { $0.date(0) }
            == [now, now, later])
    }

    @Test func newerDatabaseIsRefusedAndLeftUntouched() throws {
        let scratch = try SQLiteScratchDirectory()
        let connection = try SQLiteConnection(path: scratch.path("newer.sqlite"))
        try SchemaMigrator.migrate(connection, migrations, now: now)
        let old = Array(migrations.prefix(2))
        let error = try #require(throws: SchemaMigrationError.self) {
            try SchemaMigrator.migrate(connection, old, now: now)
        }
        #expect(error == .databaseIsNewer(databaseVersion: 3, newestKnown: 2))
        #expect(error.description.contains("schema version 3, newer than the newest this program knows (2)"))
        #expect(throws: SchemaMigrationError.databaseIsNewer(databaseVersion: 3, newestKnown: 0)) {
            try SchemaMigrator.migrate(connection, [], now: now)
        }
        #expect(try SchemaMigrator.currentVersion(connection) == 3)
    }

    @Test func failingMigrationRollsBackAloneAndKeepsEarlierOnes() throws {
        let scratch = try SQLiteScratchDirectory()
        let connection = try SQLiteConnection(path: scratch.path("fail.sqlite"))
        let broken = migrations.prefix(2) + [
            Migration(version: 3, name: "broken", sql: "CREATE TABLE half (x INTEGER); ALTER TABLE nowhere ADD COLUMN y TEXT;")
        ]
        let error = try #require(throws: SQLiteError.self) { try SchemaMigrator.migrate(connection, Array(broken), now: now) }
        #expect(error.message.contains("nowhere"))
        #expect(try SchemaMigrator.currentVersion(connection) == 2)
        let half = try connection.firstRow("SELECT count(*) FROM sqlite_master WHERE name = 'half'") { $0.int(0) }
        #expect(half == 0)
        #expect(try SchemaMigrator.migrate(connection, migrations, now: now).map(\.version) == [3])
    }

    @Test func migrationsMustBeNumberedFromOneWithoutGaps() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let gap = [migrations[0], migrations[2]]
        #expect(throws: SchemaMigrationError.versionsNotConsecutive(expected: 2, found: 3)) {
            try SchemaMigrator.migrate(connection, gap, now: now)
        }
        let zero = [Migration(version: 0, name: "zero", sql: "SELECT 1")]
        #expect(throws: SchemaMigrationError.versionsNotConsecutive(expected: 1, found: 0)) {
            try SchemaMigrator.migrate(connection, zero, now: now)
        }
        #expect(try SchemaMigrator.currentVersion(connection) == 0)
    }
}
