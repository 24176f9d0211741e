extension DNCIndex {
    /// Loads a DNC file: one number per line with `#` comments and `+84190*` prefix entries, or (column != nil) a CSV column.
    /// Numbers without a country code use `defaultRegion`. Unparseable lines are counted and returned with their line numbers.
    /// With `cacheDirectory`, the built index is cached on disk (binary, keyed by the source file's path, size and mtime) and reused
    /// while the source is unchanged.
    static func load(path: String, column: String?, defaultRegion: String?, cacheDirectory: String?) throws -> DNCLoadResult {
        var defaultCallingCode: Int?
        if let defaultRegion {
            guard let code = PhoneNumberParser.callingCode(forRegion: defaultRegion) else {
                throw DNCError(path: path, problem: .unknownDefaultRegion(defaultRegion))
            }
            defaultCallingCode = code
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

        var parser = DNCListParser(defaultCallingCode: defaultCallingCode)
        if let column {
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
        } else {
            do {
                try parser.readLines(of: ReadOnlyFile(path: path))
            } catch {
                throw DNCError(path: path, problem: .cannotRead(error.reason))
            }
        }
        let index = DNCIndex(numbers: parser.numbers, prefixes: parser.prefixes)
        // Only a source left unchanged while it was read may be cached under its stamp.
        if let cache, (try? DNCSourceStamp(path: path)) == before {
            cache.write(index, rejected: parser.rejected)
        }
        return DNCLoadResult(index: index, rejected: parser.rejected, fromCache: false)
    }
}
