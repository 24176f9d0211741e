import CSQLite
import Foundation

/// Creates database files readable and writable by their owner only (mode 0600).
///
/// SQLite would create them with 0644; it gives the `-wal` and `-shm` files the mode of
/// the main file, so creating the main file first is enough to keep the rest private.
enum SQLiteFile {
    /// True for the names SQLite treats as in-memory or temporary databases, which have no file of ours.
    static func isInMemory(_ path: String) -> Bool {
        path.isEmpty || path == ":memory:"
    }

    /// Creates an empty file at `path` with mode 0600.
    /// - Parameter mustBeNew: when true, an existing file is an error; otherwise it is left as it is.
    static func create(_ path: String, mustBeNew: Bool) throws(SQLiteError) {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        let number = errno
        if number == EEXIST && !mustBeNew { return }
        throw SQLiteError(
            function: "open",
            code: SQLITE_CANTOPEN,
            message: "cannot create \(path): \(String(cString: strerror(number)))",
            sql: nil
        )
    }
}
