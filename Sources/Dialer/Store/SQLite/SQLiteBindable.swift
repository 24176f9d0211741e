import CSQLite
import Foundation

/// Tells SQLite to copy bound text and blobs before the bind call returns.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A Swift value that binds directly to a statement parameter.
///
/// Conforming: `Int`, `Int64`, `Int32`, `Double`, `Bool` (0/1), `String`, `[UInt8]`,
/// `Date` (REAL seconds since 1970), ``SQLiteValue`` itself, and `Optional` of any
/// of these (`nil` binds NULL).
protocol SQLiteBindable {
    /// The value as SQLite stores it.
    var sqliteValue: SQLiteValue { get }

    /// Binds the value to parameter `index` (1-based) of a prepared statement; returns SQLite's result code.
    ///
    /// The common types bind straight from their storage; the default goes through ``sqliteValue``.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

extension SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqliteValue.bind(to: statement, at: index)
    }
}

extension SQLiteValue: SQLiteBindable {
    var sqliteValue: SQLiteValue { self }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .null: sqlite3_bind_null(statement, index)
        case .integer(let integer): sqlite3_bind_int64(statement, index, integer)
        case .real(let real): sqlite3_bind_double(statement, index, real)
        case .text(let text): text.bind(to: statement, at: index)
        case .blob(let blob): blob.bind(to: statement, at: index)
        }
    }
}

extension Int: SQLiteBindable {
    var sqliteValue: SQLiteValue { .integer(Int64(self)) }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Int64: SQLiteBindable {
    var sqliteValue: SQLiteValue { .integer(self) }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Int32: SQLiteBindable {
    var sqliteValue: SQLiteValue { .integer(Int64(self)) }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Double: SQLiteBindable {
    var sqliteValue: SQLiteValue { .real(self) }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_double(statement, index, self)
    }
}

extension Bool: SQLiteBindable {
    var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
}

extension String: SQLiteBindable {
    var sqliteValue: SQLiteValue { .text(self) }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var text = self
        return text.withUTF8 { bytes in
            UTF8Text(bytes).bind(to: statement, at: index)
        }
    }
}

extension Array: SQLiteBindable where Element == UInt8 {
    var sqliteValue: SQLiteValue { .blob(self) }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withUnsafeBytes { bytes in
            // A null pointer would bind NULL, so an empty blob binds as a zero-length blob.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_zeroblob(statement, index, 0)
            }
            return sqlite3_bind_blob64(statement, index, base, sqlite3_uint64(bytes.count), SQLITE_TRANSIENT)
        }
    }
}

extension Date: SQLiteBindable {
    var sqliteValue: SQLiteValue { .real(timeIntervalSince1970) }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_double(statement, index, timeIntervalSince1970)
    }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    var sqliteValue: SQLiteValue {
        switch self {
        case .none: .null
        case .some(let value): value.sqliteValue
        }
    }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .none: sqlite3_bind_null(statement, index)
        case .some(let value): value.bind(to: statement, at: index)
        }
    }
}
