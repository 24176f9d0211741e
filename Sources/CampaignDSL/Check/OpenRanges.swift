/// The ranges of hours open on one day, as `hours` lines are read: disjoint, sorted by start, each with
/// where it was written. Adding a range finds an overlap by binary search, so a day written with tens of
/// thousands of ranges is checked in near-linear time.
struct OpenRanges {
    private(set) var ranges: [(range: TimeRange, source: SourceRange)] = []
    /// Ranges compared so far, for tests that bound the work.
    private(set) var comparisons = 0

    /// Adds `range` unless it overlaps one already open; then returns that one (the earlier by start).
    mutating func add(_ range: TimeRange, at source: SourceRange) -> (range: TimeRange, source: SourceRange)? {
        // The first open range that starts at or after `range`; only it and the one before can overlap
        // (the open ranges are disjoint and none is empty).
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            comparisons += 1
            if ranges[middle].range.start < range.start { low = middle + 1 } else { high = middle }
        }
        for index in [low - 1, low] where ranges.indices.contains(index) {
            comparisons += 1
            let other = ranges[index].range
            if other.start < range.end && range.start < other.end { return ranges[index] }
        }
        ranges.insert((range, source), at: low)
        return nil
    }
}
