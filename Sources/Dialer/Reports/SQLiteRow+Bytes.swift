import CSQLite

extension SQLiteRow {
    /// Calls `body` with the column's text as UTF-8 bytes, valid only inside `body` (no String made);
    /// NULL reads as no bytes.
    func withBytes<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        // sqlite3_column_text must come before sqlite3_column_bytes (SQLite's rule).
        guard let text = sqlite3_column_text(statement, index) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index))))
    }
}
