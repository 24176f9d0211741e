/// What ``ContactsBenchmarkSupport/measure(contacts:dncNumbers:lookups:seed:folder:)`` measured.
/// Times are CPU seconds of the measuring thread.
public struct ContactsBenchmarkReport: Sendable, CustomStringConvertible {
    /// Rows read from the contacts CSV (records and rejects).
    public let csvRows: Int
    /// The CSV file's size.
    public let csvBytes: Int
    /// Time to read every row.
    public let csvSeconds: Double
    /// Mobile fields parsed.
    public let parsedNumbers: Int
    /// How many of them were valid numbers.
    public let validNumbers: Int
    /// Time to parse them all.
    public let parseSeconds: Double
    /// Lines in the DNC file (numbers and bad lines).
    public let dncLines: Int
    /// Distinct numbers in the built index.
    public let dncNumbers: Int
    /// Time to read, parse and index the DNC file.
    public let dncBuildSeconds: Double
    /// Time to load the same index from its disk cache.
    public let dncCacheSeconds: Double
    /// Whether that load did use the cache.
    public let dncFromCache: Bool
    /// Memory of the index per distinct number.
    public let bytesPerNumber: Double
    /// Lookups timed (numbers drawn like the list's, about 3 % listed).
    public let lookups: Int
    /// How many were listed.
    public let lookupHits: Int
    /// Time for all lookups, one number at a time (the check right before a dial): the median of
    /// ``ContactsBenchmarkSupport/lookupPasses`` passes.
    public let lookupSeconds: Double
    /// Time for the same lookups in batches (``DNCIndex/containsEach(digits:into:)``, as compiling a list scrubs),
    /// the median of as many passes.
    public let batchLookupSeconds: Double

    public var description: String {
        func rate(_ count: Int, _ seconds: Double) -> String {
            let perSecond = seconds > 0 ? Double(count) / seconds : 0
            return perSecond >= 1_000_000 ? "\(round1(perSecond / 1_000_000)) M/s" : "\(Int(perSecond)) /s"
        }
        func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
        return """
            CSV read:       \(csvRows) rows, \(csvBytes / 1_048_576) MiB in \(round1(csvSeconds * 1000)) ms: \(rate(csvRows, csvSeconds)) rows, \(round1(Double(csvBytes) / 1_048_576 / max(csvSeconds, 1e-9))) MiB/s
            phone parse:    \(parsedNumbers) mobiles (\(validNumbers) valid) in \(round1(parseSeconds * 1000)) ms: \(rate(parsedNumbers, parseSeconds))
            DNC build:      \(dncLines) lines → \(dncNumbers) numbers in \(round1(dncBuildSeconds * 1000)) ms: \(rate(dncLines, dncBuildSeconds)) (read + parse + sort)
            DNC from cache: \(round1(dncCacheSeconds * 1000)) ms (used: \(dncFromCache))
            DNC memory:     \(round1(bytesPerNumber)) bytes per number
            DNC lookups:    \(lookups) (\(lookupHits) hits) in \(round1(lookupSeconds * 1000)) ms: \(rate(lookups, lookupSeconds)) on one core, one at a time
            DNC batched:    \(rate(lookups, batchLookupSeconds)) on one core, in batches of \(ContactsBenchmarkSupport.lookupBatch) (as the compile scrubs)
            """
    }
}
