#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The numbers of a ``DNCIndex``: a sorted set of keys (see ``key(_:length:)``) in at most 8 bytes per number.
///
/// The bucketed layout keeps only the low 32 bits of each key. A coarse table on the key's high bits (small
/// enough to stay in the processor's cache) gives each coarse range as many fine buckets as its numbers need
/// (about 4–8 numbers each, however crowded the range: national lists bunch up on a few operator prefixes),
/// and a fine offset table gives each fine bucket its slice of the sorted lows. A lookup is two table reads
/// and a branch-free bisection of one cache line. Lists too small or too spread out for that keep whole keys
/// (8 bytes each), searched by bisection.
struct DNCNumberTable: Sendable {
    /// How the numbers are stored, as written to the disk cache.
    enum Layout: Sendable, Equatable {
        /// Key `base + offset`: coarse bucket `offset >> coarseShift`; its fine buckets start at `fineStarts[c]`
        /// and split it by `fineShifts[c]`; `lows[offsets[f]..<offsets[f + 1]]` are the sorted low 32 bits of the
        /// offsets in fine bucket `f`.
        case bucketed(base: UInt64, coarseShift: Int, fineStarts: [UInt32], fineShifts: [UInt8], offsets: [UInt32], lows: [UInt32])
        /// Sorted, distinct keys.
        case plain([UInt64])
    }

    /// The longest number kept: E.164 allows 15 digits.
    static let maximumDigits = 15

    // Stored flat, so that a lookup touches no enum payload or reference count.
    private let isBucketed: Bool
    private let base: UInt64
    private let coarseShift: UInt64
    private let coarseMask: UInt64
    private let fineStarts: [UInt32]
    private let fineShifts: [UInt8]
    private let offsets: [UInt32]
    private let lows: [UInt32]
    private let keys: [UInt64]

    init(layout: Layout) {
        switch layout {
        case .bucketed(let base, let coarseShift, let fineStarts, let fineShifts, let offsets, let lows):
            isBucketed = true
            self.base = base
            self.coarseShift = UInt64(coarseShift)
            coarseMask = (1 << UInt64(coarseShift)) &- 1
            self.fineStarts = fineStarts
            self.fineShifts = fineShifts
            self.offsets = offsets
            self.lows = lows
            keys = []
        case .plain(let keys):
            (isBucketed, base, coarseShift, coarseMask) = (false, 0, 0, 0)
            (fineStarts, fineShifts, offsets, lows) = ([], [], [], [])
            self.keys = keys
        }
    }

    /// The stored parts.
    var layout: Layout {
        isBucketed
            ? .bucketed(base: base, coarseShift: Int(coarseShift), fineStarts: fineStarts, fineShifts: fineShifts, offsets: offsets, lows: lows)
            : .plain(keys)
    }

    /// Distinct numbers.
    var count: Int {
        isBucketed ? lows.count : keys.count
    }

    /// Bytes used by the tables.
    var storageBytes: Int {
        isBucketed ? (fineStarts.count * 5 + offsets.count * 4 + lows.count * 4) : keys.count * 8
    }

    /// The digits aligned left on 15 digits, times 16, plus the digit count: ordered like the digit strings,
    /// and distinct for distinct numbers ("8490" and "849" differ by their count). Below 2^54.
    @inline(__always)
    static func key(_ digits: UInt64, length: Int) -> UInt64 {
        (digits &* PhoneNumber.powerOfTen(maximumDigits - length)) << 4 | UInt64(length)
    }

    /// Whether the key is stored.
    func contains(key: UInt64) -> Bool {
        guard isBucketed else { return DNCNumberTable.sortedContains(keys, key) }
        guard key >= base else { return false }
        let offset = key &- base
        let coarse = Int(truncatingIfNeeded: offset >> coarseShift)
        guard coarse < fineStarts.count else { return false }
        let fine = fineStarts.withUnsafeBufferPointer { starts in
            fineShifts.withUnsafeBufferPointer { shifts in
                Int(starts[coarse]) + Int(truncatingIfNeeded: (offset & coarseMask) >> UInt64(shifts[coarse]))
            }
        }
        let low = UInt32(truncatingIfNeeded: offset)
        return offsets.withUnsafeBufferPointer { offsets in
            let start = Int(offsets[fine])
            let end = Int(offsets[fine + 1])
            guard start < end else { return false }
            return lows.withUnsafeBufferPointer { lows in
                // The bucket's first and last entries are read first, together: a bucket that straddles two
                // cache lines has both on their way at once, instead of the second waiting for the search.
                let first = lows[start]
                let last = lows[end - 1]
                // Bisect the rare large bucket down to 16 entries, then four branch-free steps find how many
                // entries are below `low` (up to 15); the same number of steps every time keeps the processor
                // running ahead into the next lookup while this one waits for memory.
                var lower = start
                var upper = end
                while upper - lower > 16 {
                    let middle = (lower + upper) / 2
                    if lows[middle - 1] < low { lower = middle } else { upper = middle }
                }
                var step = 8
                while step > 0 {
                    let candidate = min(lower + step, upper)
                    lower = lows[candidate - 1] < low ? candidate : lower
                    step >>= 1
                }
                return (first <= low) && (low <= last) && lows[min(lower, upper - 1)] == low
            }
        }
    }

    /// How many keys ``containsEach(_:into:)`` looks up together.
    private static let lookupGroup = 16

    /// Whether each key is stored: `found[i] = contains(key: keys[i])`. The keys are looked up a group at a
    /// time, each step of the search taken for the whole group before the next, so the group's reads from
    /// memory (a fine offset, then a cache line of lows) are waited for together instead of one after another.
    func containsEach(_ keys: UnsafeBufferPointer<UInt64>, into found: UnsafeMutableBufferPointer<Bool>) {
        precondition(found.count >= keys.count, "one answer per key")
        guard isBucketed else {
            for index in keys.indices { found[index] = DNCNumberTable.sortedContains(self.keys, keys[index]) }
            return
        }
        fineStarts.withUnsafeBufferPointer { starts in
            fineShifts.withUnsafeBufferPointer { shifts in
                offsets.withUnsafeBufferPointer { offsets in
                    lows.withUnsafeBufferPointer { lows in
                        var first = 0
                        while first < keys.count {
                            let count = min(DNCNumberTable.lookupGroup, keys.count - first)
                            lookUpGroup(UnsafeBufferPointer(rebasing: keys[first..<(first + count)]),
                                        into: UnsafeMutableBufferPointer(rebasing: found[first..<(first + count)]),
                                        starts: starts, shifts: shifts, offsets: offsets, lows: lows)
                            first += count
                        }
                    }
                }
            }
        }
    }

    /// One group of ``containsEach(_:into:)`` (at most `lookupGroup` keys).
    @inline(__always)
    private func lookUpGroup(
        _ keys: UnsafeBufferPointer<UInt64>, into found: UnsafeMutableBufferPointer<Bool>,
        starts: UnsafeBufferPointer<UInt32>, shifts: UnsafeBufferPointer<UInt8>,
        offsets: UnsafeBufferPointer<UInt32>, lows: UnsafeBufferPointer<UInt32>
    ) {
        var lower = InlineArray<16, Int>(repeating: 0)
        var upper = InlineArray<16, Int>(repeating: 0)
        var wanted = InlineArray<16, UInt32>(repeating: 0)
        var searched = InlineArray<16, Bool>(repeating: false)
        // Every read of a step is independent of the others in the group: the processor issues them together.
        for item in keys.indices {
            let offset = keys[item] &- base
            let coarse = Int(truncatingIfNeeded: offset >> coarseShift)
            let inRange = keys[item] >= base && coarse < starts.count
            // A key out of range reads coarse bucket 0 (in bounds) and is answered false.
            let kept = inRange ? coarse : 0
            let fine = Int(starts[kept]) + Int(truncatingIfNeeded: (offset & coarseMask) >> UInt64(shifts[kept]))
            let start = Int(offsets[fine])
            let end = Int(offsets[fine + 1])
            searched[item] = inRange && start < end
            // An empty range searches nothing but still reads in bounds: `lows` is never empty here.
            lower[item] = searched[item] ? start : 1
            upper[item] = searched[item] ? end : 1
            wanted[item] = UInt32(truncatingIfNeeded: offset)
        }
        var firsts = InlineArray<16, UInt32>(repeating: 0)
        var lasts = InlineArray<16, UInt32>(repeating: 0)
        for item in keys.indices {
            // Each bucket's first and last entries: the cache lines of the whole group, read at once.
            firsts[item] = lows[lower[item] - (searched[item] ? 0 : 1)]
            lasts[item] = lows[upper[item] - 1]
        }
        for item in keys.indices {
            // The rare bucket of more than 16 numbers, bisected down to 16.
            while upper[item] - lower[item] > 16 {
                let middle = (lower[item] + upper[item]) / 2
                if lows[middle - 1] < wanted[item] { lower[item] = middle } else { upper[item] = middle }
            }
        }
        var step = 8
        while step > 0 {
            for item in keys.indices {
                let candidate = min(lower[item] + step, upper[item])
                lower[item] = lows[candidate - 1] < wanted[item] ? candidate : lower[item]
            }
            step >>= 1
        }
        for item in keys.indices {
            found[item] = searched[item] && firsts[item] <= wanted[item] && wanted[item] <= lasts[item]
                && lows[min(lower[item], upper[item] - 1)] == wanted[item]
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

    /// Whether stored parts fit together (table sizes, monotone offsets, shifts in range), so lookups stay in
    /// bounds: the disk cache is checked with this before use.
    static func isConsistent(_ layout: Layout) -> Bool {
        switch layout {
        case .plain:
            return true
        case .bucketed(_, let coarseShift, let fineStarts, let fineShifts, let offsets, let lows):
            guard coarseShift <= 32, !fineStarts.isEmpty, fineStarts.count == fineShifts.count, offsets.count >= 2,
                  offsets[0] == 0, Int(offsets[offsets.count - 1]) == lows.count
            else { return false }
            for index in 1..<offsets.count where offsets[index] < offsets[index - 1] { return false }
            let fineCount = offsets.count - 1
            for coarse in fineStarts.indices {
                let shift = Int(fineShifts[coarse])
                guard shift <= coarseShift, Int(fineStarts[coarse]) + (1 << (coarseShift - shift)) <= fineCount else { return false }
            }
            return true
        }
    }

    // MARK: - Building

    /// Fine buckets aim at this many numbers at most.
    private static let numbersPerFineBucket = 8

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
        // A coarse table of at most 2^16 entries (320 KiB), and no fewer than needed for fine buckets to span
        // at most 2^32 keys.
        let coarseBits = min(rangeBits, max(rangeBits - 32, min(16, (64 - valid.leadingZeroBitCount) - 3)))
        // Coarse entries (5 bytes) and fine offsets (4 bytes each, at most one per coarse entry plus one per
        // 4 numbers) next to the 4-byte lows stay within 8 bytes per number; otherwise whole keys are cheaper.
        guard valid >= 256, (1 << coarseBits) * 9 + 4 <= valid * 3 else {
            return DNCNumberTable(layout: .plain(sortedDistinctKeys(numbers)))
        }
        return bucketed(numbers, base: minimum, coarseShift: rangeBits - coarseBits, coarseCount: 1 << coarseBits, valid: valid)
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

    /// One scattering pass by coarse bucket (its cursors stay in cache), then each coarse bucket — small, so in
    /// cache too — counting-sorted by fine bucket, each fine bucket sorted and deduplicated. Every number is
    /// written once to a random place in memory; everything else is sequential or cache-resident.
    private static func bucketed(_ numbers: [UInt64], base: UInt64, coarseShift: Int, coarseCount: Int, valid: Int) -> DNCNumberTable {
        let shift = UInt64(coarseShift)
        let mask = (UInt64(1) << shift) &- 1
        var coarseStarts = [Int](repeating: 0, count: coarseCount + 1)
        forEachOffset(numbers, base: base) { offset in
            coarseStarts[Int(truncatingIfNeeded: offset >> shift) + 1] += 1
        }
        // Each coarse bucket gets a power of two of fine buckets, enough for about 4–8 numbers each.
        var fineStarts = [UInt32](repeating: 0, count: coarseCount)
        var fineShifts = [UInt8](repeating: 0, count: coarseCount)
        var fineCount = 0
        var largestCoarse = 0
        var mostFine = 1
        for coarse in 0..<coarseCount {
            let count = coarseStarts[coarse + 1]
            let wanted = (count + numbersPerFineBucket - 1) / numbersPerFineBucket
            let splitBits = min(coarseShift, wanted <= 1 ? 0 : 64 - (wanted - 1).leadingZeroBitCount)
            fineStarts[coarse] = UInt32(fineCount)
            fineShifts[coarse] = UInt8(coarseShift - splitBits)
            fineCount += 1 << splitBits
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

        var offsets = makeTable(count: fineCount + 1) { $0.initialize(repeating: 0) }
        var scratch = [UInt32](repeating: 0, count: largestCoarse)
        var fineCursors = [Int](repeating: 0, count: mostFine)
        var write = 0
        lows.withUnsafeMutableBufferPointer { lows in
            offsets.withUnsafeMutableBufferPointer { offsets in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    for coarse in 0..<coarseCount {
                        let start = coarseStarts[coarse]
                        let end = coarseStarts[coarse + 1]
                        let first = Int(fineStarts[coarse])
                        let fineShift = UInt64(fineShifts[coarse])
                        let buckets = 1 << (coarseShift - Int(fineShifts[coarse]))
                        // The low 32 bits hold every bit below the coarse shift (at most 32), so they give the fine bucket.
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
                        // fineCursors[fine] is now the end of each fine bucket in scratch.
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
                            offsets[first + fine] = UInt32(write)
                            let bucketStart = write
                            for value in segment where write == bucketStart || lows[write - 1] != value {
                                lows[write] = value
                                write += 1
                            }
                            segmentStart = segmentEnd
                        }
                    }
                }
                offsets[fineCount] = UInt32(write)
            }
        }
        if write < lows.count { lows.removeLast(lows.count - write) }
        return DNCNumberTable(layout: .bucketed(
            base: base, coarseShift: coarseShift, fineStarts: fineStarts, fineShifts: fineShifts, offsets: offsets, lows: lows))
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
