import CSQLite
import Foundation

/// The current row of a statement, valid only until the statement steps again or resets.
///
/// Column indexes start at 0. Reading a column as another type converts the way SQLite does.
struct SQLiteRow {
    let statement: OpaquePointer

    /// The number of columns.
    var count: Int { Int(sqlite3_column_count(statement)) }

    /// The column's value in its storage class.
    func value(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT: .text(string(index))
        case SQLITE_BLOB: .blob(blob(index))
        default: .null
        }
    }

    /// The column as an integer; NULL reads as 0.
    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }

    /// The column as an integer; NULL reads as 0.
    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    /// The column as a floating-point number; NULL reads as 0.
    func double(_ index: Int32) -> Double { sqlite3_column_double(statement, index) }

    /// The column as text; NULL reads as "".
    func string(_ index: Int32) -> String {
        // sqlite3_column_text must come before sqlite3_column_bytes (SQLite's rule).
        guard let text = sqlite3_column_text(statement, index) else { return "" }
        let length = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
    }

    /// The column as text, or nil when it is NULL.
    func optionalString(_ index: Int32) -> String? {
        isNull(index) ? nil : string(index)
    }

    /// The column as an integer, or nil when it is NULL.
    func optionalInt64(_ index: Int32) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    /// The column as a floating-point number, or nil when it is NULL.
    func optionalDouble(_ index: Int32) -> Double? {
        isNull(index) ? nil : double(index)
    }

    /// The column as a date stored as REAL seconds since 1970; NULL reads as 1970-01-01.
    func date(_ index: Int32) -> Date {
        Date(timeIntervalSince1970: double(index))
    }

    /// The column as a date stored as REAL seconds since 1970, or nil when it is NULL.
    func optionalDate(_ index: Int32) -> Date? {
        isNull(index) ? nil : date(index)
    }

    /// True when the column is NULL.
    func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_NULL
    }

    private func blob(_ index: Int32) -> [UInt8] {
        // sqlite3_column_blob must come before sqlite3_column_bytes; an empty blob reads as a null pointer.
        guard let bytes = sqlite3_column_blob(statement, index) else { return [] }
        let length = Int(sqlite3_column_bytes(statement, index))
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }
}
