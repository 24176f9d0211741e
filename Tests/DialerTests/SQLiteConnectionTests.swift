import CSQLite
@testable import Dialer
import Foundation
import Testing

@Suite struct SQLiteConnectionTests {
    @Test func walIsOnAndStaysOnAfterReopening() throws {
        let scratch = try SQLiteScratchDirectory()
        let path = scratch.path("wal.sqlite")
        do {
            let connection = try SQLiteConnection(path: path)
            #expect(try connection.firstRow("PRAGMA journal_mode") { $0.string(0) } == "wal")
        }
        let reopened = try SQLiteConnection(path: path)
        #expect(try reopened.firstRow("PRAGMA journal_mode") { $0.string(0) } == "wal")
        #expect(try reopened.firstRow("PRAGMA synchronous") { $0.int(0) } == 1)  // NORMAL
    }

    @Test func inMemoryDatabaseOpensWithoutWAL() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x INTEGER)")
        try connection.run("INSERT INTO t VALUES (?)", [1])
        #expect(try connection.firstRow("SELECT count(*) FROM t") { $0.int(0) } == 1)
    }

    @Test func foreignKeysAreEnforced() throws {
        let scratch = try SQLiteScratchDirectory()
        let connection = try SQLiteConnection(path: scratch.path("fk.sqlite"))
        try connection.execute(
            """
            CREATE TABLE campaigns (id INTEGER PRIMARY KEY);
            CREATE TABLE jobs (id INTEGER PRIMARY KEY, campaign_id INTEGER NOT NULL REFERENCES campaigns(id));
            """
        )
        let error = try #require(throws: SQLiteError.self) {
            try connection.run("INSERT INTO jobs (campaign_id) VALUES (?)", [42])
        }
        #expect(error.isConstraintViolation)
        #expect(error.code == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
        #expect(try connection.firstRow("SELECT count(*) FROM jobs") { $0.int(0) } == 0)
    }

    @Test func filesAreCreatedOwnerOnly() throws {
        let scratch = try SQLiteScratchDirectory()
        let path = scratch.path("private.sqlite")
        let connection = try SQLiteConnection(path: path)
        try connection.execute("CREATE TABLE contacts (phone TEXT)")
        try connection.run("INSERT INTO contacts VALUES (?)", ["+842873001234"])
        #expect(try scratch.permissions(of: path) == 0o600)
        #expect(try scratch.permissions(of: path + "-wal") == 0o600)
        #expect(try scratch.permissions(of: path + "-shm") == 0o600)
    }

    @Test func withoutCreateAMissingFileIsAClearError() throws {
        let scratch = try SQLiteScratchDirectory()
        let path = scratch.path("missing.sqlite")
        var options = SQLiteConnection.Options()
        options.create = false
        let error = try #require(throws: SQLiteError.self) { try SQLiteConnection(path: path, options: options) }
        #expect(error.code & 0xFF == SQLITE_CANTOPEN)
        #expect(error.function == "sqlite3_open_v2")
        #expect(error.message == "unable to open database file: \(path)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readOnlyConnectionReadsButRefusesWrites() throws {
        let scratch = try SQLiteScratchDirectory()
        let path = scratch.path("ro.sqlite")
        let writer = try SQLiteConnection(path: path)
        try writer.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7);")
        var options = SQLiteConnection.Options()
        options.readOnly = true
        let reader = try SQLiteConnection(path: path, options: options)
        #expect(try reader.firstRow("SELECT x FROM t") { $0.int(0) } == 7)
        let error = try #require(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (?)", [8]) }
        #expect(error.code & 0xFF == SQLITE_READONLY)
    }

    @Test func throwInsideWriteTransactionRollsEverythingBack() throws {
        let scratch = try SQLiteScratchDirectory()
        let connection = try SQLiteConnection(path: scratch.path("tx.sqlite"))
        try connection.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: SQLiteTestFailure.self) {
            try connection.writeTransaction {
                for value in 1...100 { try connection.run("INSERT INTO t VALUES (?)", [value]) }
                throw SQLiteTestFailure()
            }
        }
        #expect(try connection.firstRow("SELECT count(*) FROM t") { $0.int(0) } == 0)
        // The connection is usable afterwards, and a transaction that returns commits.
        let sum = try connection.writeTransaction {
            try connection.run("INSERT INTO t VALUES (?)", [5])
            return try connection.firstRow("SELECT sum(x) FROM t") { $0.int(0) }
        }
        #expect(sum == 5)
        let other = try SQLiteConnection(path: scratch.path("tx.sqlite"))
        #expect(try other.firstRow("SELECT count(*) FROM t") { $0.int(0) } == 1)
    }

    @Test func nestedTransactionsJoinTheOuterOne() throws {
        let scratch = try SQLiteScratchDirectory()
        let path = scratch.path("nested.sqlite")
        let connection = try SQLiteConnection(path: path)
        try connection.execute("CREATE TABLE t (x INTEGER)")
        try connection.writeTransaction {
            try connection.run("INSERT INTO t VALUES (?)", [1])
            // An inner failure the outer body handles undoes only the inner changes.
            do {
                try connection.writeTransaction {
                    try connection.run("INSERT INTO t VALUES (?)", [2])
                    throw SQLiteTestFailure()
                }
            } catch is SQLiteTestFailure {}
            try connection.writeTransaction {
                try connection.run("INSERT INTO t VALUES (?)", [3])
                try connection.writeTransaction { try connection.run("INSERT INTO t VALUES (?)", [4]) }
            }
            // Nothing is visible to another connection before the outer commit.
            let other = try SQLiteConnection(path: path)
            #expect(try other.firstRow("SELECT count(*) FROM t") { $0.int(0) } == 0)
        }
        #expect(try connection.rows("SELECT x FROM t ORDER BY x") { $0.int(0) } == [1, 3, 4])

        // An inner failure that escapes the outer body rolls everything back.
        #expect(throws: SQLiteTestFailure.self) {
            try connection.writeTransaction {
                try connection.run("INSERT INTO t VALUES (?)", [10])
                try connection.writeTransaction {
                    try connection.run("INSERT INTO t VALUES (?)", [11])
                    throw SQLiteTestFailure()
                }
            }
        }
        #expect(try connection.rows("SELECT x FROM t ORDER BY x") { $0.int(0) } == [1, 3, 4])
    }

    @Test func failedCommitRollsBackAndLeavesNoTransactionOpen() throws {
        let scratch = try SQLiteScratchDirectory()
        let connection = try SQLiteConnection(path: scratch.path("commit.sqlite"))
        try connection.execute(
            """
            CREATE TABLE campaigns (id INTEGER PRIMARY KEY);
            CREATE TABLE jobs (
                id INTEGER PRIMARY KEY,
                campaign_id INTEGER NOT NULL REFERENCES campaigns(id) DEFERRABLE INITIALLY DEFERRED
            );
            """
        )
        // A deferred foreign key is only checked at COMMIT.
        let error = try #require(throws: SQLiteError.self) {
            try connection.writeTransaction { try connection.run("INSERT INTO jobs (campaign_id) VALUES (?)", [9]) }
        }
        #expect(error.function == "sqlite3_exec")
        #expect(error.sql == "COMMIT")
        #expect(error.isConstraintViolation)
        try connection.writeTransaction {
            try connection.run("INSERT INTO campaigns (id) VALUES (?)", [1])
            try connection.run("INSERT INTO jobs (campaign_id) VALUES (?)", [1])
        }
        #expect(try connection.rows("SELECT campaign_id FROM jobs") { $0.int(0) } == [1])
    }

    @Test func writerHeldByAnotherConnectionIsReportedBusy() throws {
        let scratch = try SQLiteScratchDirectory()
        let path = scratch.path("busy.sqlite")
        let holder = try SQLiteConnection(path: path)
        try holder.execute("CREATE TABLE t (x INTEGER)")
        var options = SQLiteConnection.Options()
        options.busyTimeoutMilliseconds = 0
        let other = try SQLiteConnection(path: path, options: options)
        try holder.writeTransaction {
            try holder.run("INSERT INTO t VALUES (?)", [1])
            let error = try #require(throws: SQLiteError.self) {
                try other.writeTransaction { try other.run("INSERT INTO t VALUES (?)", [2]) }
            }
            #expect(error.isBusy)
            #expect(!error.isConstraintViolation)
        }
        #expect(try other.rows("SELECT x FROM t") { $0.int(0) } == [1])
    }

    @Test func errorTextNeverHoldsABoundPhoneNumber() throws {
        let scratch = try SQLiteScratchDirectory()
        let connection = try SQLiteConnection(path: scratch.path("pii.sqlite"))
        try connection.execute(
            """
            CREATE TABLE contacts (
                phone TEXT NOT NULL UNIQUE,
                name TEXT,
                attempts INTEGER CHECK (attempts >= 0)
            )
            """
        )
        var random = SeededRandom(seed: 0x5EED_D1A1)
        for _ in 0..<200 {
            let phone = "+84" + String(900_000_000 + random.next() % 99_999_999)
            let name = "Nguyễn \(random.next() % 1_000_000)"
            try connection.run("INSERT INTO contacts (phone, name, attempts) VALUES (?, ?, ?)", [phone, name, 0])
            let failing: [(sql: String, values: [any SQLiteBindable])] = [
                ("INSERT INTO contacts (phone, name, attempts) VALUES (?, ?, ?)", [phone, name, 1]),
                ("INSERT INTO contacts (phone, name, attempts) VALUES (?, ?, ?)", [phone + "9", name, -1]),
                ("UPDATE contacts SET phone = ? WHERE name = ?", [String?.none, name]),
                ("SELECT * FROM contacts WHERE phone = ?", [phone, name]),
            ]
            for (sql, values) in failing {
                let error = try #require(throws: SQLiteError.self) { try connection.run(sql, values) }
                let text = String(describing: error)
                #expect(!text.contains(phone.dropFirst(3)), "\(text)")
                #expect(!text.contains(name), "\(text)")
                #expect(text.contains(sql))
            }
        }
        let error = try #require(throws: SQLiteError.self) {
            try connection.run("INSERT INTO contacts (phone) VALUES (?)", ["+842873001234"])
            try connection.run("INSERT INTO contacts (phone) VALUES (?)", ["+842873001234"])
        }
        #expect(error.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.function == "sqlite3_step")
        #expect(error.description.contains("UNIQUE constraint failed: contacts.phone"))
        #expect(!error.description.contains("2873001234"))
    }

    @Test func statementCacheHandsBackAResetStatementWithBindingsCleared() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let first = try connection.statement("SELECT ?, ?")
        try first.bind(["+842873001234", 7])
        #expect(try first.step())
        #expect(first.row.string(0) == "+842873001234")
        #expect(try !first.step())

        let second = try connection.statement("SELECT ?, ?")
        #expect(second === first)
        #expect(try second.step())
        #expect(second.row.isNull(0))
        #expect(second.row.isNull(1))

        // Left in the middle of its rows, it is handed back from the first row again.
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);")
        let partial = try connection.statement("SELECT x FROM t ORDER BY x")
        #expect(try partial.step())
        #expect(try partial.step())
        let again = try connection.statement("SELECT x FROM t ORDER BY x")
        #expect(again === partial)
        #expect(try again.step())
        #expect(again.row.int(0) == 1)
    }

    @Test func nestedQueryWithTheSameSQLDoesNotDisturbTheOuterOne() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);")
        let sql = "SELECT x FROM t WHERE x >= ? ORDER BY x"
        let pairs = try connection.rows(sql, [1]) { row in
            let outer = row.int(0)
            let inner = try connection.rows(sql, [outer]) { $0.int(0) }
            return [outer] + inner
        }
        #expect(pairs == [[1, 1, 2, 3], [2, 2, 3], [3, 3]])
    }

    @Test func statementRefusesMoreThanOneStatementAndAWrongNumberOfValues() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let script = try #require(throws: SQLiteError.self) { try connection.statement("SELECT 1; SELECT 2") }
        #expect(script.message.contains("more than one statement"))
        _ = try connection.statement("SELECT 1; -- a comment only")
        let empty = try #require(throws: SQLiteError.self) { try connection.statement("  -- nothing ") }
        #expect(empty.message.contains("no statement"))

        let count = try #require(throws: SQLiteError.self) {
            try connection.run("SELECT ?, ?", ["+842873001234"])
        }
        #expect(count.message == "the statement has 2 parameters but 1 values were given")
        #expect(!count.description.contains("2873001234"))
        let syntax = try #require(throws: SQLiteError.self) { try connection.run("SELEC 1") }
        #expect(syntax.function == "sqlite3_prepare_v3")
        #expect(syntax.sql == "SELEC 1")
    }

    @Test func everyBindableTypeRoundTrips() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE v (value)")
        func stored(_ value: any SQLiteBindable) throws -> SQLiteValue {
            try connection.run("DELETE FROM v")
            try connection.run("INSERT INTO v VALUES (?)", [value])
            return try #require(try connection.firstRow("SELECT value FROM v") { $0.value(0) })
        }
        let date = Date(timeIntervalSince1970: 1_772_409_600.125)
        let fixed: [(any SQLiteBindable, SQLiteValue)] = [
            (42, .integer(42)),
            (Int64.max, .integer(.max)),
            (Int64.min, .integer(.min)),
            (Int32.min, .integer(Int64(Int32.min))),
            (-0.5, .real(-0.5)),
            (Double.greatestFiniteMagnitude, .real(.greatestFiniteMagnitude)),
            (true, .integer(1)),
            (false, .integer(0)),
            ("", .text("")),
            ("Chào Nguyễn Văn An 👋🏽, 你好", .text("Chào Nguyễn Văn An 👋🏽, 你好")),
            ("a\u{0}b", .text("a\u{0}b")),
            ([UInt8](), .blob([])),
            ([0, 255, 0, 7] as [UInt8], .blob([0, 255, 0, 7])),
            (date, .real(1_772_409_600.125)),
            (SQLiteValue.null, .null),
            (SQLiteValue.text("x"), .text("x")),
            (String?.none, .null),
            (Int?.some(3), .integer(3)),
            (Date?.none, .null),
        ]
        for (value, expected) in fixed {
            #expect(try stored(value) == expected)
        }

        let typed = try #require(
            try connection.firstRow(
                "SELECT ?, ?, ?, ?, ?, ?, ?, ?", [date, Date?.none, "x", String?.none, 9, Int64?.none, 1.5, Double?.none]
            ) { row in
                (
                    row.date(0), row.optionalDate(1), row.optionalString(2), row.optionalString(3),
                    row.optionalInt64(4), row.optionalInt64(5), row.optionalDouble(6), row.optionalDouble(7),
                    row.string(3), row.int64(5), row.count
                )
            })
        #expect(typed.0 == date)
        #expect(typed.1 == nil)
        #expect(typed.2 == "x")
        #expect(typed.3 == nil)
        #expect(typed.4 == 9)
        #expect(typed.5 == nil)
        #expect(typed.6 == 1.5)
        #expect(typed.7 == nil)
        #expect(typed.8 == "")
        #expect(typed.9 == 0)
        #expect(typed.10 == 8)
    }

    @Test func generatedValuesRoundTrip() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE v (i INTEGER, r REAL, t TEXT, b BLOB, d REAL)")
        var random = SeededRandom(seed: 20_260_302)
        for _ in 0..<2_000 {
            let integer = Int64(bitPattern: random.next())
            var real = Double(bitPattern: random.next())
            if real.isNaN { real = 0 }  // SQLite stores NaN as NULL
            let text = random.unicodeString(maxLength: 40)
            let blob = (0..<Int(random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let date = Date(timeIntervalSince1970: Double(Int64(random.next() % 8_000_000_000_000)) / 1000)
            try connection.run("DELETE FROM v")
            try connection.run("INSERT INTO v VALUES (?, ?, ?, ?, ?)", [integer, real, text, blob, date])
            let row = try #require(
                try connection.firstRow("SELECT i, r, t, b, d FROM v") { row in
                    (row.int64(0), row.double(1), row.string(2), row.value(3), row.date(4))
                })
            #expect(row.0 == integer)
            #expect(row.1 == real)
            #expect(row.2 == text)
            #expect(row.3 == .blob(blob))
            #expect(row.4 == date)
        }
    }

    /// The typed path (`SQLiteStatement.run` with a parameter pack) stores exactly what the value-array path does.
    @Test func typedRunStoresWhatTheValueArrayStores() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE v (k INTEGER, i, r, t, b, d, o, n)")
        let insert = try connection.statement("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        var random = SeededRandom(seed: 2_026)
        for key in 0..<500 {
            let integer = Int64(bitPattern: random.next())
            var real = Double(bitPattern: random.next())
            if real.isNaN { real = 0 }
            let text = random.unicodeString(maxLength: 30)
            let blob = (0..<Int(random.next() % 16)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let date = Date(timeIntervalSince1970: Double(Int64(random.next() % 8_000_000_000_000)) / 1000)
            let optional: String? = random.next() % 2 == 0 ? nil : text
            var bytes = Array(text.utf8)
            try bytes.withUnsafeMutableBufferPointer { (bytes) throws(SQLiteError) in
                try insert.run(2 * key, integer, real, text, blob, date, optional, UTF8Text(UnsafeBufferPointer(bytes)))
            }
            try connection.run("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               [2 * key + 1, integer, real, text, blob, date, optional, text])
        }
        let differing = try connection.firstRow(
            """
            SELECT count(*) FROM v a JOIN v b ON b.k = a.k + 1 WHERE a.k % 2 = 0 AND NOT (
                a.i IS b.i AND a.r IS b.r AND a.t IS b.t AND a.b IS b.b AND a.d IS b.d AND a.o IS b.o AND a.n IS b.n
                AND typeof(a.t) = typeof(b.t) AND typeof(a.b) = typeof(b.b) AND typeof(a.n) = 'text')
            """) { $0.int(0) }
        #expect(differing == 0)
        #expect(try connection.firstRow("SELECT count(*) FROM v") { $0.int(0) } == 1_000)

        let empty = try connection.statement("INSERT INTO v (k, t, n) VALUES (-1, ?, ?)")
        try empty.run("", UTF8Text(UnsafeBufferPointer(start: nil, count: 0)))
        #expect(try connection.firstRow("SELECT typeof(t), t, typeof(n), n FROM v WHERE k = -1") {
            [$0.string(0), $0.string(1), $0.string(2), $0.string(3)]
        } == ["text", "", "text", ""], "empty text binds as text, not NULL")

        let count = try #require(throws: SQLiteError.self) { try insert.run(1, "+842873001234") }
        #expect(count.message == "the statement has 8 parameters but 2 values were given")
        #expect(!count.description.contains("2873001234"))
    }

    @Test func changesAndLastInsertRowIDDescribeTheLastStatement() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)")
        for value in 1...5 { try connection.run("INSERT INTO t (x) VALUES (?)", [value]) }
        #expect(connection.lastInsertRowID == 5)
        #expect(connection.changes == 1)
        try connection.run("UPDATE t SET x = x + 1 WHERE x > ?", [2])
        #expect(connection.changes == 3)
    }

    @Test func backupHoldsTheSameRows() throws {
        let scratch = try SQLiteScratchDirectory()
        let connection = try SQLiteConnection(path: scratch.path("live.sqlite"))
        try connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, phone TEXT, name TEXT)")
        try connection.writeTransaction {
            for index in 0..<1_000 {
                try connection.run("INSERT INTO contacts (phone, name) VALUES (?, ?)", ["+8490\(index)", "Bình \(index)"])
            }
        }
        let query = "SELECT id, phone, name FROM contacts ORDER BY id"
        let decode: (SQLiteRow) -> [SQLiteValue] = { row in (0..<3).map { row.value($0) } }
        let backupPath = scratch.path("copy.sqlite")
        try connection.backup(to: backupPath)
        #expect(try scratch.permissions(of: backupPath) == 0o600)
        let copy = try SQLiteConnection(path: backupPath)
        #expect(try copy.rows(query, [], decode) == connection.rows(query, [], decode))
        #expect(try copy.rows(query, [], decode).count == 1_000)

        let existing = try #require(throws: SQLiteError.self) { try connection.backup(to: backupPath) }
        #expect(existing.message.contains("cannot create"))
    }
}

/// An error thrown on purpose by test bodies.
struct SQLiteTestFailure: Error {}

/// A temporary directory removed when the value goes away.
final class SQLiteScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dialer-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    func permissions(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
