extension SQLiteConnection {
    /// Runs `body` with settings for writing many rows in one transaction (compiling a national list), then
    /// restores the previous ones:
    /// - a page cache of up to `megabytes` (`PRAGMA cache_size`, 2 MB by default): the B-tree pages that
    ///   every insert walks and fills (the tables' and indexes' right edges and inner pages) stay in memory;
    /// - no foreign key checks (`PRAGMA foreign_keys`): for a body that only inserts rows whose parents it
    ///   has just inserted itself, in the same transaction, so every reference holds by construction. SQLite
    ///   ignores this setting inside a transaction: a body run within an outer one keeps its checks.
    ///
    /// Durability is unchanged: the commit writes and syncs exactly as it otherwise would.
    func withBulkLoadSettings<T>(megabytes: Int = 32, _ body: () throws -> T) throws -> T {
        let previousCache = try firstRow("PRAGMA cache_size") { $0.int64(0) } ?? -2_000
        let previousForeignKeys = try firstRow("PRAGMA foreign_keys") { $0.int(0) } ?? 1
        try execute("PRAGMA cache_size = \(-megabytes * 1_024); PRAGMA foreign_keys = OFF")
        defer { try? execute("PRAGMA cache_size = \(previousCache); PRAGMA foreign_keys = \(previousForeignKeys)") }
        return try body()
    }
}
