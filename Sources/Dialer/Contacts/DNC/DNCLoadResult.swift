/// A loaded Do-Not-Call list: the index, the lines that could not be read, and whether the disk cache served it.
struct DNCLoadResult: Sendable {
    /// The numbers and prefixes listed.
    let index: DNCIndex
    /// Lines (or CSV rows) that are not numbers, with their line numbers and reasons.
    let rejected: [CSVReject]
    /// True when the index came from the disk cache instead of the source file.
    let fromCache: Bool
}
