#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The numbers of a ``DNCIndex``: a sorted set of keys (see ``key(_:length:)``) in at most 8 bytes per number.
///
/// The interpolated layout keeps only the low 32 bits of each key, sorted. A bucket table on the key's high bits
/// gives each bucket its slice of the sorted lows (4 bytes a bucket, at most 8 MB, mostly served from the
/// processor's cache). A lookup predicts the key's position in the slice by linear interpolation, which is
/// close on national lists (numbers are near-uniform within a bucket of about 32–64), and searches the 16
/// entries around the prediction without a branch: one read from memory. Each bucket's largest prediction
/// error (1 byte a bucket, read only then) bounds where a key can be, so a prediction that misses by more than
/// the window (crowded runs of numbers) falls back to bisecting the rest of that bound, and lookups stay exact
/// on any distribution. Lists too small or too spread out for that keep whole keys (8 bytes each), searched
/// by bisection.
struct DNCNumberTable: Sendable {
    /// How the numbers are stored, as written to the disk cache.
    enum Layout: Sendable, Equatable {
        /// Key `base + offset` is in bucket `offset >> shift` (at most 32): `lows[starts[b]..<starts[b + 1]]` are
        /// the sorted low 32 bits of the offsets in bucket `b`, and `errors[b]` is the largest distance between
        /// an entry's position and its interpolated position (``unboundedError``: search the whole bucket).
        case interpolated(base: UInt64, shift: Int, starts: [UInt32], errors: [UInt8], lows: [UInt32])
        /// Sorted, distinct keys.
        case plain([UInt64])
    }

    /// The longest number kept: E.164 allows 15 digits.
    static let maximumDigits = 15
    /// A bucket error that means "anywhere in the bucket".
    static let unboundedError: UInt8 = 255
    /// Entries searched around the prediction before falling back.
    private static let window = 16

    // Stored flat, so that a lookup touches no enum payload or reference count.
    private let isInterpolated: Bool
    private let base: UInt64
    private let shift: UInt64
    private let mask: UInt64
    private let starts: [UInt32]
    private let errors: [UInt8]
    private let lows: [UInt32]
    private let keys: [UInt64]

    init(layout: Layout) {
        switch layout {
        case .interpolated(let base, let shift, let starts, let errors, let lows):
            isInterpolated = true
            self.base = base
            self.shift = UInt64(shift)
            mask = (1 << UInt64(shift)) &- 1
            self.starts = starts
            self.errors = errors
            self.lows = lows
            keys = []
        case .plain(let keys):
            (isInterpolated, base, shift, mask) = (false, 0, 0, 0)
            (starts, errors, lows) = ([], [], [])
            self.keys = keys
        }
    }

    /// The stored parts.
    var layout: Layout {
        isInterpolated
            ? .interpolated(base: base, shift: Int(shift), starts: starts, errors: errors, lows: lows)
            : .plain(keys)
    }

    /// Distinct numbers.
    var count: Int {
        isInterpolated ? lows.count : keys.count
    }

    /// Bytes used by the tables.
    var storageBytes: Int {
        isInterpolated ? (starts.count * 4 + errors.count + lows.count * 4) : keys.count * 8
    }

    /// The digits aligned left on 15 digits, times 16, plus the digit count: ordered like the digit strings,
    /// and distinct for distinct numbers ("8490" and "849" differ by their count). Below 2^54.
    @inline(__always)
    static func key(_ digits: UInt64, length: Int) -> UInt64 {
        (digits &* PhoneNumber.powerOfTen(maximumDigits - length)) << 4 | UInt64(length)
    }

    /// The entries searched first for a low: at most ``window`` entries of its bucket around its predicted
    /// position, `lower..<upper` (empty for an empty bucket).
    private struct Window {
        var lower: Int
        var upper: Int
        var predicted: Int
    }

    /// Reads only the bucket starts (cache-resident); `bucket` must be in range.
    @inline(__always)
    private func window(bucket: Int, low: UInt32, starts: UnsafeBufferPointer<UInt32>) -> Window {
        let start = Int(starts[bucket])
        let end = Int(starts[bucket + 1])
        // Below `end`: (low & mask) < 2^shift.
        let predicted = start + Int(truncatingIfNeeded: ((UInt64(low) & mask) &* UInt64(end - start)) >> shift)
        let lower = max(start, min(predicted - DNCNumberTable.window / 2, end - DNCNumberTable.window))
        return Window(lower: lower, upper: min(end, lower + DNCNumberTable.window), predicted: predicted)
    }

    /// Whether the bucket holds `low` below the window (`below`) or above it: the entries there within the
    /// bucket's error of the prediction, bisected. Only a prediction that missed by more than the window (rare
    /// on national lists) needs this, and only then is the bucket's error read.
    private static func beyondWindow(
        _ window: Window, below: Bool, bucket: Int, low: UInt32,
        starts: UnsafeBufferPointer<UInt32>, errors: UnsafeBufferPointer<UInt8>, lows: UnsafeBufferPointer<UInt32>
    ) -> Bool {
        let error = errors[bucket]
        let bounded = error != unboundedError
        if below {
            let start = Int(starts[bucket])
            return bisect(lows, bounded ? max(start, window.predicted - Int(error)) : start, window.lower, low)
        }
        let end = Int(starts[bucket + 1])
        return bisect(lows, window.upper, bounded ? min(end, window.predicted + Int(error) + 1) : end, low)
    }

    /// Whether the key is stored.
    func contains(key: UInt64) -> Bool {
        guard isInterpolated else { return DNCNumberTable.sortedContains(keys, key) }
        let offset = key &- base
        let bucket = Int(truncatingIfNeeded: offset >> shift)
        guard key >= base, bucket < errors.count else { return false }
        let low = UInt32(truncatingIfNeeded: offset)
        return starts.withUnsafeBufferPointer { starts in
            lows.withUnsafeBufferPointer { lows in
                let window = window(bucket: bucket, low: low, starts: starts)
                guard window.lower < window.upper else { return false }
                // The window's first and last entries are read first, together: a window that straddles two
                // cache lines has both on their way at once.
                let first = lows[window.lower]
                let last = lows[window.upper - 1]
                if low < first || low > last {
                    return errors.withUnsafeBufferPointer { errors in
                        DNCNumberTable.beyondWindow(window, below: low < first, bucket: bucket, low: low, starts: starts, errors: errors, lows: lows)
                    }
                }
                // Four branch-free steps find how many window entries are below `low` (up to 15): the same
                // number of steps every time keeps the processor running ahead into the next lookup.
                var lower = window.lower
                var step = DNCNumberTable.window / 2
                while step > 0 {
                    let candidate = min(lower + step, window.upper)
                    lower = lows[candidate - 1] < low ? candidate : lower
                    step >>= 1
                }
                return lows[min(lower, window.upper - 1)] == low
            }
        }
    }

    /// Whether `lows[lower..<upper]` (sorted) holds `low`.
    private static func bisect(_ lows: UnsafeBufferPointer<UInt32>, _ lower: Int, _ upper: Int, _ low: UInt32) -> Bool {
        var lower = lower
        var upper = upper
        let end = upper
        while lower < upper {
            let middle = (lower + upper) / 2
            if lows[middle] < low { lower = middle + 1 } else { upper = middle }
        }
        return lower < end && lows[lower] == low
    }

    /// How many keys ``containsEach(_:into:)`` looks up together.
    private static let lookupGroup = 16

    /// Whether each key is stored: `found[i] = contains(key: keys[i])`. The keys are looked up a group at a
    /// time, each step of the search taken for the whole group before the next, so the group's reads from
    /// memory (the window of lows around each prediction) are waited for together instead of one after another.
    func containsEach(_ keys: UnsafeBufferPointer<UInt64>, into found: UnsafeMutableBufferPointer<Bool>) {
        precondition(found.count >= keys.count, "one answer per key")
        guard isInterpolated else {
            for index in keys.indices { found[index] = DNCNumberTable.sortedContains(self.keys, keys[index]) }
            return
        }
        starts.withUnsafeBufferPointer { starts in
            errors.withUnsafeBufferPointer { errors in
                lows.withUnsafeBufferPointer { lows in
                    var first = 0
                    while first < keys.count {
                        let count = min(DNCNumberTable.lookupGroup, keys.count - first)
                        lookUpGroup(UnsafeBufferPointer(rebasing: keys[first..<(first + count)]),
                                    into: UnsafeMutableBufferPointer(rebasing: found[first..<(first + count)]),
                                    starts: starts, errors: errors, lows: lows)
                        first += count
                    }
                }
            }
        }
    }

    /// One group of ``containsEach(_:into:)`` (at most `lookupGroup` keys).
    @inline(__always)
    private func lookUpGroup(
        _ keys: UnsafeBufferPointer<UInt64>, into found: UnsafeMutableBufferPointer<Bool>,
        starts: UnsafeBufferPointer<UInt32>, errors: UnsafeBufferPointer<UInt8>, lows: UnsafeBufferPointer<UInt32>
    ) {
        var windows = InlineArray<16, Window>(repeating: Window(lower: 0, upper: 0, predicted: 0))
        var buckets = InlineArray<16, Int>(repeating: 0)
        var wanted = InlineArray<16, UInt32>(repeating: 0)
        var searched = InlineArray<16, Bool>(repeating: false)
        // Every read of a step is independent of the others in the group: the processor issues them together.
        for item in keys.indices {
            let offset = keys[item] &- base
            let bucket = Int(truncatingIfNeeded: offset >> shift)
            let inRange = keys[item] >= base && bucket < errors.count
            wanted[item] = UInt32(truncatingIfNeeded: offset)
            // A key out of range reads bucket 0 (in bounds) and is answered false.
            buckets[item] = inRange ? bucket : 0
            windows[item] = window(bucket: buckets[item], low: wanted[item], starts: starts)
            searched[item] = inRange && windows[item].lower < windows[item].upper
            if !searched[item] {
                // Nothing to search, but the steps below still read in bounds: `lows` is never empty here.
                windows[item] = Window(lower: 0, upper: 1, predicted: 0)
            }
        }
        var firsts = InlineArray<16, UInt32>(repeating: 0)
        var lasts = InlineArray<16, UInt32>(repeating: 0)
        var lower = InlineArray<16, Int>(repeating: 0)
        for item in keys.indices {
            // Each window's first and last entries: the cache lines of the whole group, read at once.
            firsts[item] = lows[windows[item].lower]
            lasts[item] = lows[windows[item].upper - 1]
            lower[item] = windows[item].lower
        }
        var step = DNCNumberTable.window / 2
        while step > 0 {
            for item in keys.indices {
                let candidate = min(lower[item] + step, windows[item].upper)
                lower[item] = lows[candidate - 1] < wanted[item] ? candidate : lower[item]
            }
            step >>= 1
        }
        for item in keys.indices {
            let low = wanted[item]
            if low < firsts[item] || low > lasts[item] {
                found[item] = searched[item] && DNCNumberTable.beyondWindow(
                    windows[item], below: low < firsts[item], bucket: buckets[item], low: low,
                    starts: starts, errors: errors, lows: lows)
            } else {
                found[item] = searched[item] && lows[min(lower[item], windows[item].upper - 1)] == low
            }
        }
    }

    static func sortedContains(_ values: [UInt64], _ value: UInt64) -> Bool {
        values.withUnsafeBufferPointer { values in
            var lower = 0
            var upper = values.count
            while lower < upper {
                let middle = (lower + upper) / 2
                if values[middle] < value { lower = middle + 1 } else { upper = middle }
            }
            return lower < values.count && values[lower] == value
        }
    }

    /// Whether stored parts fit together (table sizes, monotone starts, shift in range), so lookups stay in
    /// bounds: the disk cache is checked with this before use.
    static func isConsistent(_ layout: Layout) -> Bool {
        switch layout {
        case .plain:
            return true
        case .interpolated(_, let shift, let starts, let errors, let lows):
            guard shift <= 32, !errors.isEmpty, starts.count == errors.count + 1, starts[0] == 0,
                  Int(starts[starts.count - 1]) == lows.count, !lows.isEmpty
            else { return false }
            for index in 1..<starts.count where starts[index] < starts[index - 1] { return false }
            return true
        }
    }

    // MARK: - Building

    /// Numbers sorted together at first: sorting buckets aim at this many numbers at most.
    private static let numbersPerSortBucket = 8
    /// Numbers per lookup bucket aimed at, counted over the parts of the range that hold numbers: few enough
    /// that interpolation lands within the window, many enough to keep the bucket table small.
    private static let numbersPerBucket = 32
    /// The most bucket-table entries (2^21: 8 MB of starts, 2 MB of errors). Measured on 50 million numbers:
    /// 2^19 and 2^20 buckets leave too many numbers a bucket (more predictions miss the window), 2^22 and more
    /// leave the table too large for the cache.
    private static let maximumBucketBits = 21

    /// Sorts and deduplicates the numbers (E.164 digits; 0 and numbers of more than 15 digits are ignored).
    static func build(_ numbers: [UInt64]) -> DNCNumberTable {
        var minimum = UInt64.max
        var maximum: UInt64 = 0
        var valid = 0
        for digits in numbers {
            let length = PhoneNumber.digitCount(digits)
            guard digits > 0, length <= maximumDigits else { continue }
            let key = key(digits, length: length)
            minimum = min(minimum, key)
            maximum = max(maximum, key)
            valid += 1
        }
        guard valid > 0 else { return DNCNumberTable(layout: .plain([])) }
        let rangeBits = 64 - (maximum - minimum).leadingZeroBitCount
        // A coarse table of at most 2^16 entries for sorting, and no fewer than needed for buckets to span at
        // most 2^32 keys.
        let coarseBits = min(rangeBits, max(rangeBits - 32, min(16, (64 - valid.leadingZeroBitCount) - 3)))
        // Bucket entries (5 bytes, at least one per coarse bucket) next to the 4-byte lows stay within 8 bytes
        // per number; otherwise whole keys are cheaper.
        guard valid >= 256, (1 << coarseBits) * 5 + 4 <= valid * 3 else {
            return DNCNumberTable(layout: .plain(sortedDistinctKeys(numbers)))
        }
        return interpolated(numbers, base: minimum, rangeBits: rangeBits, coarseBits: coarseBits, valid: valid)
    }

    private static func sortedDistinctKeys(_ numbers: [UInt64]) -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(numbers.count)
        for digits in numbers {
            let length = PhoneNumber.digitCount(digits)
            guard digits > 0, length <= maximumDigits else { continue }
            keys.append(key(digits, length: length))
        }
        keys.sort()
        var distinct = 0
        for index in keys.indices where index == 0 || keys[index] != keys[distinct - 1] {
            keys[distinct] = keys[index]
            distinct += 1
        }
        keys.removeLast(keys.count - distinct)
        return keys
    }

    /// Sorts the lows (see ``sortedLows(_:base:coarseShift:coarseCount:valid:)``), then sizes the bucket table
    /// by how crowded the occupied part of the range is, and fills it in two sequential passes.
    private static func interpolated(_ numbers: [UInt64], base: UInt64, rangeBits: Int, coarseBits: Int, valid: Int) -> DNCNumberTable {
        let coarseShift = rangeBits - coarseBits
        let (lows, coarseStarts) = sortedLows(numbers, base: base, coarseShift: coarseShift, coarseCount: 1 << coarseBits, valid: valid)
        let coarseMask = (UInt64(1) << UInt64(coarseShift)) &- 1
        // Many duplicates can leave too few distinct numbers for the table.
        guard (1 << coarseBits) * 5 + 4 <= lows.count * 3 else {
            var keys: [UInt64] = []
            keys.reserveCapacity(lows.count)
            for coarse in 0..<(coarseStarts.count - 1) {
                for index in coarseStarts[coarse]..<coarseStarts[coarse + 1] {
                    keys.append(base + (UInt64(coarse) << UInt64(coarseShift) | UInt64(lows[index]) & coarseMask))
                }
            }
            return DNCNumberTable(layout: .plain(keys))
        }
        let occupied = zip(coarseStarts.dropFirst(), coarseStarts).reduce(0) { $0 + ($1.0 > $1.1 ? 1 : 0) }
        // Buckets over the whole range so that the occupied part gets about `numbersPerBucket` numbers in each.
        let wanted = max(1, lows.count * (1 << coarseBits) / max(1, occupied) / numbersPerBucket)
        var bucketBits = max(coarseBits, min(rangeBits, maximumBucketBits, 64 - (wanted - 1).leadingZeroBitCount))
        while bucketBits > coarseBits && (1 << bucketBits) * 5 + 4 > lows.count * 3 { bucketBits -= 1 }
        let shift = rangeBits - bucketBits
        let mask = (UInt64(1) << UInt64(shift)) &- 1
        let bucketCount = 1 << bucketBits
        let splitBits = bucketBits - coarseBits

        // Lows of one coarse bucket hold every bit below the coarse shift (at most 32), so they give the bucket.
        var starts = makeTable(count: bucketCount + 1) { $0.initialize(repeating: 0) }
        starts.withUnsafeMutableBufferPointer { starts in
            lows.withUnsafeBufferPointer { lows in
                for coarse in 0..<(coarseStarts.count - 1) {
                    for index in coarseStarts[coarse]..<coarseStarts[coarse + 1] {
                        starts[(coarse << splitBits | Int(truncatingIfNeeded: (UInt64(lows[index]) & coarseMask) >> UInt64(shift))) + 1] += 1
                    }
                }
            }
            for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
        }
        let errors = [UInt8](unsafeUninitializedCapacity: bucketCount) { errors, initialized in
            starts.withUnsafeBufferPointer { starts in
                lows.withUnsafeBufferPointer { lows in
                    for bucket in 0..<bucketCount {
                        let start = Int(starts[bucket])
                        let end = Int(starts[bucket + 1])
                        var largest = 0
                        for index in start..<end {
                            let predicted = start + Int(truncatingIfNeeded: ((UInt64(lows[index]) & mask) &* UInt64(end - start)) >> UInt64(shift))
                            largest = max(largest, abs(index - predicted))
                        }
                        errors[bucket] = UInt8(min(largest, Int(unboundedError)))
                    }
                }
            }
            initialized = bucketCount
        }
        return DNCNumberTable(layout: .interpolated(base: base, shift: shift, starts: starts, errors: errors, lows: lows))
    }

    /// The sorted, distinct low 32 bits of every key's offset from `base`, and where each coarse bucket
    /// (`offset >> coarseShift`) starts in them. One scattering pass by coarse bucket (its cursors stay in
    /// cache), then each coarse bucket — small, so in cache too — counting-sorted by sorting buckets of about
    /// 4–8 numbers, each sorted and deduplicated. Every number is written once to a random place in memory;
    /// everything else is sequential or cache-resident.
    private static func sortedLows(_ numbers: [UInt64], base: UInt64, coarseShift: Int, coarseCount: Int, valid: Int) -> (lows: [UInt32], coarseStarts: [Int]) {
        let shift = UInt64(coarseShift)
        let mask = (UInt64(1) << shift) &- 1
        var coarseStarts = [Int](repeating: 0, count: coarseCount + 1)
        forEachOffset(numbers, base: base) { offset in
            coarseStarts[Int(truncatingIfNeeded: offset >> shift) + 1] += 1
        }
        // Each coarse bucket gets a power of two of sorting buckets, enough for about 4–8 numbers each.
        var fineShifts = [UInt8](repeating: 0, count: coarseCount)
        var largestCoarse = 0
        var mostFine = 1
        for coarse in 0..<coarseCount {
            let count = coarseStarts[coarse + 1]
            let wanted = (count + numbersPerSortBucket - 1) / numbersPerSortBucket
            let splitBits = min(coarseShift, wanted <= 1 ? 0 : 64 - (wanted - 1).leadingZeroBitCount)
            fineShifts[coarse] = UInt8(coarseShift - splitBits)
            largestCoarse = max(largestCoarse, count)
            mostFine = max(mostFine, 1 << splitBits)
        }
        for coarse in 0..<coarseCount {
            coarseStarts[coarse + 1] += coarseStarts[coarse]
        }

        // Every slot is written once by the scatter.
        var lows = makeTable(count: valid) { _ in }
        var cursors = Array(coarseStarts.dropLast())
        lows.withUnsafeMutableBufferPointer { lows in
            forEachOffset(numbers, base: base) { offset in
                let coarse = Int(truncatingIfNeeded: offset >> shift)
                lows[cursors[coarse]] = UInt32(truncatingIfNeeded: offset)
                cursors[coarse] += 1
            }
        }

        var distinctStarts = [Int](repeating: 0, count: coarseCount + 1)
        var scratch = [UInt32](repeating: 0, count: largestCoarse)
        var fineCursors = [Int](repeating: 0, count: mostFine)
        var write = 0
        lows.withUnsafeMutableBufferPointer { lows in
            scratch.withUnsafeMutableBufferPointer { scratch in
                for coarse in 0..<coarseCount {
                    let start = coarseStarts[coarse]
                    let end = coarseStarts[coarse + 1]
                    let fineShift = UInt64(fineShifts[coarse])
                    let buckets = 1 << (coarseShift - Int(fineShifts[coarse]))
                    distinctStarts[coarse] = write
                    for fine in 0..<buckets { fineCursors[fine] = 0 }
                    for index in start..<end {
                        fineCursors[Int(truncatingIfNeeded: (UInt64(lows[index]) & mask) >> fineShift)] += 1
                    }
                    var position = 0
                    for fine in 0..<buckets {
                        let count = fineCursors[fine]
                        fineCursors[fine] = position
                        position += count
                    }
                    for index in start..<end {
                        let fine = Int(truncatingIfNeeded: (UInt64(lows[index]) & mask) >> fineShift)
                        scratch[fineCursors[fine]] = lows[index]
                        fineCursors[fine] += 1
                    }
                    // fineCursors[fine] is now the end of each sorting bucket in scratch.
                    var segmentStart = 0
                    for fine in 0..<buckets {
                        let segmentEnd = fineCursors[fine]
                        let segment = UnsafeMutableBufferPointer(rebasing: scratch[segmentStart..<segmentEnd])
                        if segment.count > 16 {
                            var sortable = segment
                            sortable.sort()
                        } else {
                            insertionSort(segment)
                        }
                        let bucketStart = write
                        for value in segment where write == bucketStart || lows[write - 1] != value {
                            lows[write] = value
                            write += 1
                        }
                        segmentStart = segmentEnd
                    }
                }
            }
        }
        distinctStarts[coarseCount] = write
        if write < lows.count { lows.removeLast(lows.count - write) }
        return (lows, distinctStarts)
    }

    /// Calls `body` with `key - base` of every number kept.
    private static func forEachOffset(_ numbers: [UInt64], base: UInt64, _ body: (UInt64) -> Void) {
        numbers.withUnsafeBufferPointer { numbers in
            for digits in numbers {
                let length = PhoneNumber.digitCount(digits)
                guard digits > 0, length <= maximumDigits else { continue }
                body(key(digits, length: length) &- base)
            }
        }
    }

    private static func insertionSort(_ values: UnsafeMutableBufferPointer<UInt32>) {
        guard values.count > 1 else { return }
        for index in 1..<values.count {
            let value = values[index]
            var position = index
            while position > 0 && values[position - 1] > value {
                values[position] = values[position - 1]
                position -= 1
            }
            values[position] = value
        }
    }

    /// A table of `count` entries set by `fill` (which must set them all), backed by 2 MiB pages where the
    /// kernel allows: random lookups then miss the TLB far less often.
    static func makeTable(count: Int, _ fill: (UnsafeMutableBufferPointer<UInt32>) -> Void) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            fill(buffer)
            initialized = count
        }
    }

    /// Asks for 2 MiB pages on the aligned part of `memory`, before its pages are first touched.
    private static func adviseHugePages(_ memory: UnsafeMutableRawBufferPointer) {
        let hugePage = 2 << 20
        guard memory.count >= 2 * hugePage, let base = memory.baseAddress else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + memory.count) & ~(hugePage - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
    }
}
