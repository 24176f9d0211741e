import CSQLite

/// Tells SQLite to copy bound text and blobs before the bind call returns.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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
    func bind(_ value: any SQLiteBindable, at index: Int32) throws(SQLiteError) {
        let code: Int32
        switch value.sqliteValue {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(var text):
            code = text.withUTF8 { bytes in
                // A null pointer would bind NULL, so "" needs a real (empty) C string.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                    sqlite3_bind_text64(
                        handle, index, characters, sqlite3_uint64(bytes.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let blob):
            code = blob.withUnsafeBytes { bytes in
                // A null pointer would bind NULL, so an empty blob binds as a zero-length blob.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob64(handle, index, base, sqlite3_uint64(bytes.count), SQLITE_TRANSIENT)
            }
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(function: "sqlite3_bind", code: code, db: sqlite3_db_handle(handle), sql: sql)
        }
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
