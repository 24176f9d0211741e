import CSQLite

/// UTF-8 bytes bound as TEXT without making a `String` first (SQLite copies them while binding).
///
/// The bytes must be valid UTF-8 and stay alive only for the bind call itself.
struct UTF8Text: SQLiteBindable {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var sqliteValue: SQLiteValue { .text(String(decoding: bytes, as: UTF8.self)) }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        // A null pointer would bind NULL, so "" needs a real (empty) C string.
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return sqlite3_bind_text(statement, index, "", 0, SQLITE_TRANSIENT)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
            sqlite3_bind_text64(statement, index, characters, sqlite3_uint64(bytes.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
        }
    }
}
