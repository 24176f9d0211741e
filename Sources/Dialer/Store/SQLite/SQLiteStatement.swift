import CSQLite

/// A prepared statement. Not Sendable: one owner uses it. It finalises itself in deinit.
final class SQLiteStatement {
    /// The statement's SQL text, for error messages.
    let sql: String
    let handle: OpaquePointer

    /// Takes ownership of a prepared statement handle.
    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds all parameters, 1-based, in order. The number of values must match the number of parameters.
    func bind(_ values: [any SQLiteBindable]) throws(SQLiteError) {
        let expected = sqlite3_bind_parameter_count(handle)
        guard values.count == Int(expected) else {
            throw SQLiteError(
                function: "bind",
                code: SQLITE_RANGE,
                message: "the statement has \(expected) parameters but \(values.count) values were given",
                sql: sql
            )
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one parameter; `index` is 1-based.
    func bind(_ value: some SQLiteBindable, at index: Int32) throws(SQLiteError) {
        let code = value.bind(to: handle, at: index)
        guard code == SQLITE_OK else {
            throw SQLiteError(function: "sqlite3_bind", code: code, db: sqlite3_db_handle(handle), sql: sql)
        }
    }

    /// Runs the statement once to completion with `values` bound in order, then resets it: the typed path
    /// for a statement run many times (no boxing, no array; the values bind straight from their storage).
    /// The number of values must match the number of parameters.
    func run<each Value: SQLiteBindable>(_ values: repeat each Value) throws(SQLiteError) {
        var count: Int32 = 0
        for _ in repeat each values { count += 1 }
        let expected = sqlite3_bind_parameter_count(handle)
        guard count == expected else {
            throw SQLiteError(
                function: "bind",
                code: SQLITE_RANGE,
                message: "the statement has \(expected) parameters but \(count) values were given",
                sql: sql
            )
        }
        defer { sqlite3_reset(handle) }
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            try bind(value, at: index)
        }
        while try step() {}
    }

    /// Runs the statement, its parameters already bound one by one with ``bind(_:at:)``, to completion; then
    /// resets it (the bindings stay until bound again).
    func runBound() throws(SQLiteError) {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Advances to the next row; true while a row is available, false when the statement is done.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(function: "sqlite3_step", code: code, db: sqlite3_db_handle(handle), sql: sql)
        }
    }

    /// Resets the statement to run again and clears its bindings.
    ///
    /// A read statement left unreset keeps its snapshot of the database open, so reset it when done.
    func reset() {
        // sqlite3_reset repeats the last step's error, which step() has already reported.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// True while the connection's `run`, `rows` or `firstRow` steps through this statement;
    /// `SQLiteConnection.statement(_:)` then prepares a fresh one instead of resetting it.
    var isRunning = false

    /// The current row; valid only until the next step or reset.
    var row: SQLiteRow { SQLiteRow(statement: handle) }
}

@available(*, unavailable)
extension SQLiteStatement: Sendable {}
