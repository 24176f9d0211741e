extension SQLiteConnection {
    /// Runs `body` with a page cache of up to `megabytes` (`PRAGMA cache_size`), then restores the previous size.
    ///
    /// For writing many rows in one transaction (compiling a national list): the pages being filled stay in
    /// memory instead of spilling to the write-ahead log before the commit. Durability is unchanged: the
    /// cache only holds pages, the commit still writes them all.
    func withBulkLoadCache<T>(megabytes: Int = 256, _ body: () throws -> T) throws -> T {
        let previous = try firstRow("PRAGMA cache_size") { $0.int64(0) } ?? -2_000
        try execute("PRAGMA cache_size = \(-megabytes * 1_024)")
        defer { try? execute("PRAGMA cache_size = \(previous)") }
        return try body()
    }
}
