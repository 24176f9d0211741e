extension DNCIndex {
    /// Loads a DNC file: one number per line with `#` comments and `+84190*` prefix entries, or (column != nil) a CSV column.
    /// Numbers without a country code use `defaultRegion`. Unparseable lines are counted and returned with their line numbers.
    /// With `cacheDirectory`, the built index is cached on disk (binary, keyed by the source file's path, size and mtime) and reused
    /// while the source is unchanged.
    static func load(path: String, column: String?, defaultRegion: String?, cacheDirectory: String?) throws -> DNCLoadResult {
        var defaultPlan: RegionPlan?
        if let defaultRegion {
            guard let plan = NumberingPlans.shared.plan(forRegion: defaultRegion) else {
                throw DNCError(path: path, problem: .unknownDefaultRegion(defaultRegion))
            }
            defaultPlan = plan
        }
        let before: DNCSourceStamp
        do {
            before = try DNCSourceStamp(path: path)
        } catch {
            throw DNCError(path: path, problem: .cannotRead(error.reason))
        }
        let cache = cacheDirectory.map {
            DNCIndexCache(directory: $0, source: before, column: column, defaultRegion: defaultRegion)
        }
        if let cached = cache?.read() {
            return DNCLoadResult(index: cached.index, rejected: cached.rejected, fromCache: true)
        }

        let (index, rejected) = try build(path: path, column: column, defaultPlan: defaultPlan, size: before.size)
        // Only a source left unchanged while it was read may be cached under its stamp.
        if let cache, (try? DNCSourceStamp(path: path)) == before {
            cache.write(index, rejected: rejected)
        }
        return DNCLoadResult(index: index, rejected: rejected, fromCache: false)
    }

    /// Reads the source and builds the index; the parsed numbers are released as soon as the index is built.
    private static func build(path: String, column: String?, defaultPlan: RegionPlan?, size: UInt64) throws -> (DNCIndex, [CSVReject]) {
        if let column {
            var parser = DNCListParser(defaultPlan: defaultPlan, expectedEntries: 0)
            let reader: CSVReader
            do {
                reader = try CSVReader(path: path)
            } catch {
                throw DNCError(path: path, problem: .csv(error.description))
            }
            guard let index = reader.columnIndex(named: column) else {
                throw DNCError(path: path, problem: .missingColumn(column, available: reader.header))
            }
            parser.readColumn(index, of: reader)
            return (DNCIndex(numbers: parser.numbers, prefixes: parser.prefixes), parser.rejected)
        }
        // A line holds at least 11 bytes ("0912345678" and its line break): reserving that many entries avoids
        // regrowing (and briefly doubling) the list; pages never written cost no memory.
        var parser = DNCListParser(defaultPlan: defaultPlan, expectedEntries: Int(size / 11))
        do {
            try parser.readLines(of: ReadOnlyFile(path: path))
        } catch {
            throw DNCError(path: path, problem: .cannotRead(error.reason))
        }
        return (DNCIndex(numbers: parser.numbers, prefixes: parser.prefixes), parser.rejected)
    }
}
