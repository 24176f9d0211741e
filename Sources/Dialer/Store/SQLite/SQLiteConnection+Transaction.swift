import CSQLite

extension SQLiteConnection {
    /// Runs `body` in a write transaction: `BEGIN IMMEDIATE`, `COMMIT` on return, `ROLLBACK`
    /// when `body` throws (then the error is rethrown).
    ///
    /// A nested call joins the outer transaction through a savepoint: when the inner body throws,
    /// only its own changes are undone, and the outer body decides whether to go on.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        let savepoint = "dialer_savepoint_\(depth)"
        try execute(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        let result: T
        do {
            result = try body()
        } catch {
            undo(depth: depth, savepoint: savepoint)
            throw error
        }
        do {
            try execute(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
        } catch {
            // A failed COMMIT (a deferred foreign key, say) leaves the transaction open.
            undo(depth: depth, savepoint: savepoint)
            throw error
        }
        return result
    }

    /// Runs `body` in one read transaction (`BEGIN` … `COMMIT`): every query sees the same
    /// snapshot, and the file's read lock is taken once instead of once per statement.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        guard transactionDepth == 0 else { return try body() }
        try execute("BEGIN")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        let result: T
        do {
            result = try body()
        } catch {
            _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
        try execute("COMMIT")
        return result
    }

    /// Rolls back to where the transaction (depth 0) or the savepoint began.
    ///
    /// Some errors (disk full, I/O) make SQLite roll back the whole transaction by itself;
    /// then there is nothing left to undo. The error that got us here is the one worth reporting,
    /// so a failure to roll back is not thrown over it.
    private func undo(depth: Int, savepoint: String) {
        guard sqlite3_get_autocommit(handle) == 0 else { return }
        let sql = depth == 0 ? "ROLLBACK" : "ROLLBACK TO \(savepoint); RELEASE \(savepoint)"
        _ = sqlite3_exec(handle, sql, nil, nil, nil)
    }
}
