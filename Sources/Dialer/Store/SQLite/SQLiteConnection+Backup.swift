import CSQLite

extension SQLiteConnection {
    /// Copies the live database into a new file at `path` (mode 0600) with SQLite's online
    /// backup API. An existing file at `path` is an error, never overwritten. The copy is a
    /// rollback-journal database, so reading it leaves no `-wal` or `-shm` file beside it.
    func backup(to path: String) throws(SQLiteError) {
        try SQLiteFile.create(path, mustBeNew: true)
        var opened: OpaquePointer?
        defer { sqlite3_close_v2(opened) }
        let openCode = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard openCode == SQLITE_OK, let destination = opened else {
            var error = SQLiteError(function: "sqlite3_open_v2", code: openCode, db: opened)
            error.message += ": \(path)"
            throw error
        }
        guard let backup = sqlite3_backup_init(destination, "main", handle, "main") else {
            throw SQLiteError(function: "sqlite3_backup_init", code: sqlite3_extended_errcode(destination), db: destination)
        }
        let stepCode = sqlite3_backup_step(backup, -1)
        let finishCode = sqlite3_backup_finish(backup)
        guard stepCode == SQLITE_DONE else {
            throw SQLiteError(function: "sqlite3_backup_step", code: stepCode, db: destination)
        }
        guard finishCode == SQLITE_OK else {
            throw SQLiteError(function: "sqlite3_backup_finish", code: finishCode, db: destination)
        }
        let journalCode = sqlite3_exec(destination, "PRAGMA journal_mode=DELETE", nil, nil, nil)
        guard journalCode == SQLITE_OK else {
            throw SQLiteError(function: "PRAGMA journal_mode", code: journalCode, db: destination)
        }
    }
}
