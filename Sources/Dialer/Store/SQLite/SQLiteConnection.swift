import CSQLite

/// One open SQLite database. Not Sendable: one owner (an actor or a serial queue) uses it.
///
/// Statements are prepared once and cached by their SQL text. The connection closes itself in deinit.
final class SQLiteConnection {
    /// How to open the database.
    struct Options {
        /// Open for reading only (no WAL switch, no migrations).
        var readOnly = false
        /// How long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
        var busyTimeoutMilliseconds: Int32 = 5_000
        /// Create the file (mode 0600) when it does not exist.
        var create = true
    }

    let handle: OpaquePointer
    private var cache: [String: SQLiteStatement] = [:]
    /// How many `writeTransaction` calls are running; above 1 they use savepoints.
    var transactionDepth = 0

    /// Opens the database at `path` (":memory:" for a private in-memory one).
    ///
    /// Creates the file with mode 0600 when allowed, enables extended result codes, WAL journal
    /// mode (checked to have taken effect, except in memory and on read-only connections),
    /// `foreign_keys=ON`, `synchronous=NORMAL` and the busy timeout.
    init(path: String, options: Options = Options()) throws(SQLiteError) {
        let inMemory = SQLiteFile.isInMemory(path)
        if options.create && !options.readOnly && !inMemory {
            try SQLiteFile.create(path, mustBeNew: false)
        }
        var flags = SQLITE_OPEN_NOMUTEX
        if options.readOnly {
            flags |= SQLITE_OPEN_READONLY
        } else {
            flags |= SQLITE_OPEN_READWRITE
            if options.create { flags |= SQLITE_OPEN_CREATE }
        }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            var error = SQLiteError(function: "sqlite3_open_v2", code: code, db: opened)
            error.message += ": \(path)"
            sqlite3_close_v2(opened)
            throw error
        }
        handle = opened
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, options.busyTimeoutMilliseconds)
        try configure(readOnly: options.readOnly, inMemory: inMemory)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    private func configure(readOnly: Bool, inMemory: Bool) throws(SQLiteError) {
        if !readOnly {
            let sql = "PRAGMA journal_mode=WAL"
            let statement = try prepare(sql, persistent: false)
            let mode = try statement.step() ? statement.row.string(0).lowercased() : ""
            if mode != "wal" && !inMemory {
                throw SQLiteError(
                    function: "PRAGMA journal_mode",
                    code: SQLITE_ERROR,
                    message: "the journal mode is '\(mode)', WAL did not take effect",
                    sql: sql
                )
            }
        }
        try execute("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;")
    }

    /// Runs SQL text holding zero or more statements without parameters.
    func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            throw SQLiteError(function: "sqlite3_exec", code: code, message: text, sql: sql)
        }
    }

    /// A prepared statement for `sql` (exactly one statement), cached by its text.
    ///
    /// Each call hands it back reset with its bindings cleared, so a statement left in the middle
    /// of its rows starts again (and stops holding its read snapshot). Hold one at a time per SQL
    /// text. While `run`, `rows` or `firstRow` is stepping through the cached statement (a nested
    /// query with the same text), a fresh uncached one is handed back so the outer one goes on.
    func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = cache[sql] {
            if cached.isRunning {
                return try prepare(sql, persistent: false)
            }
            cached.reset()
            return cached
        }
        let statement = try prepare(sql, persistent: true)
        cache[sql] = statement
        return statement
    }

    private func prepare(_ sql: String, persistent: Bool) throws(SQLiteError) -> SQLiteStatement {
        var prepared: OpaquePointer?
        var code: Int32 = SQLITE_OK
        var trailingStatement = false
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        // The tail points into the C string, so it is read while the string is alive.
        sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            code = sqlite3_prepare_v3(handle, text, -1, flags, &prepared, &tail)
            if code == SQLITE_OK, let tail { trailingStatement = holdsStatement(tail) }
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(function: "sqlite3_prepare_v3", code: code, db: handle, sql: sql)
        }
        guard let prepared else {
            throw SQLiteError(function: "sqlite3_prepare_v3", code: SQLITE_MISUSE, message: "the SQL holds no statement", sql: sql)
        }
        let statement = SQLiteStatement(handle: prepared, sql: sql)
        if trailingStatement {
            throw SQLiteError(
                function: "sqlite3_prepare_v3",
                code: SQLITE_MISUSE,
                message: "the SQL holds more than one statement; use execute(_:) for scripts",
                sql: sql
            )
        }
        return statement
    }

    /// True when the rest of some SQL text holds another statement (not just spaces and comments).
    private func holdsStatement(_ tail: UnsafePointer<CChar>) -> Bool {
        var next: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, tail, -1, &next, nil)
        defer { sqlite3_finalize(next) }
        return code != SQLITE_OK || next != nil
    }

    /// Runs one statement with parameters to completion (INSERT, UPDATE, DELETE, DDL).
    func run(_ sql: String, _ values: [any SQLiteBindable] = []) throws(SQLiteError) {
        let statement = try statement(sql)
        statement.isRunning = true
        defer {
            statement.isRunning = false
            statement.reset()
        }
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs a query; `decode` sees each row while it is current.
    func rows<T>(_ sql: String, _ values: [any SQLiteBindable] = [], _ decode: (SQLiteRow) throws -> T) throws -> [T] {
        let statement = try statement(sql)
        statement.isRunning = true
        defer {
            statement.isRunning = false
            statement.reset()
        }
        try statement.bind(values)
        var result: [T] = []
        while try statement.step() {
            result.append(try decode(statement.row))
        }
        return result
    }

    /// The first row of a query decoded, or nil when there is none.
    func firstRow<T>(_ sql: String, _ values: [any SQLiteBindable] = [], _ decode: (SQLiteRow) throws -> T) throws -> T? {
        let statement = try statement(sql)
        statement.isRunning = true
        defer {
            statement.isRunning = false
            statement.reset()
        }
        try statement.bind(values)
        return try statement.step() ? decode(statement.row) : nil
    }

    /// The rowid of the last row inserted on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The number of rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes64(handle)) }
}

@available(*, unavailable)
extension SQLiteConnection: Sendable {}
