import CSQLite

/// A failed SQLite call.
///
/// Its text names the C function that failed, the extended result code and SQLite's
/// message, and the SQL text, but never a bound value: bound values are phone numbers.
struct SQLiteError: Error, CustomStringConvertible, Equatable {
    /// The C function (or step) that failed, e.g. `sqlite3_step`.
    var function: String
    /// The extended result code, e.g. 2067 for `SQLITE_CONSTRAINT_UNIQUE`.
    var code: Int32
    /// SQLite's message (or ours, for checks this layer makes).
    var message: String
    /// The SQL text of the statement, when there is one.
    var sql: String?

    /// True for any `SQLITE_CONSTRAINT_*` code (UNIQUE, NOT NULL, CHECK, FOREIGN KEY, …).
    var isConstraintViolation: Bool { code & 0xFF == SQLITE_CONSTRAINT }

    /// True for any `SQLITE_BUSY_*` code: another connection holds the lock past the busy timeout.
    var isBusy: Bool { code & 0xFF == SQLITE_BUSY }

    var description: String {
        let summary = String(cString: sqlite3_errstr(code))
        var text = "\(function) failed with code \(code) (\(summary)): \(message)"
        if let sql { text += " — SQL: \(sql)" }
        return text
    }
}

extension SQLiteError {
    /// The error SQLite recorded on `db` for a call of `function` that returned `code`.
    init(function: String, code: Int32, db: OpaquePointer?, sql: String? = nil) {
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        self.init(function: function, code: code, message: message, sql: sql)
    }
}
