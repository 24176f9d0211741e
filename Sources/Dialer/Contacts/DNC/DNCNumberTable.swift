#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The numbers of a ``DNCIndex``: a sorted set of keys (see ``key(_:length:)``) in at most 8 bytes per number.
///
/// The gapped layout keeps only the low 32 bits of each key, in order, spread over a quarter more slots than
/// there are numbers. The key range is cut into blocks (at most about 2^16 for national lists: a 256 KB table
/// of where each block's slots start, served from the processor's cache). Within its block a number sits at
/// the slot linear interpolation predicts for it, or just after when earlier numbers took that slot; the
/// free slots repeat their neighbour's value, so the slots stay sorted. A lookup computes the predicted slot
/// and searches the 16 slots from there without a branch: one read from memory, with nothing else to wait
/// for first. Each block keeps the largest distance between a number's slot and its prediction in a byte,
/// read only when the number lies beyond the 16 slots (crowded stretches), which then bisects the rest of
/// that bound: lookups stay exact on any distribution. Lists too small or too spread out for that keep whole
/// keys (8 bytes each), searched by bisection.
struct DNCNumberTable: Sendable {
    /// How the numbers are stored, as written to the disk cache.
    enum Layout: Sendable, Equatable {
        /// Key `base + offset` is in block `offset >> shift` (at most 32): `slots[starts[b]..<starts[b + 1]]` hold
        /// the low 32 bits of the offsets in block `b`, sorted, each at or near its predicted slot and every free
        /// slot repeating a neighbour's value; `errors[b]` is the largest distance between a number's slot and
        /// its prediction (``unboundedError``: search the whole block). `count` numbers in all.
        case gapped(base: UInt64, shift: Int, count: Int, starts: [UInt32], errors: [UInt8], slots: [UInt32])
        /// Sorted, distinct keys.
        case plain([UInt64])
    }

    /// The longest number kept: E.164 allows 15 digits.
    static let maximumDigits = 15
    /// A block error that means "anywhere in the block".
    static let unboundedError: UInt8 = 255
    /// Slots searched from the prediction before falling back: one or two cache lines.
    private static let window = 16

    // Stored flat, so that a lookup touches no enum payload or reference count.
    private let isGapped: Bool
    private let base: UInt64
    private let shift: UInt64
    private let mask: UInt64
    private let numberCount: Int
    private let starts: [UInt32]
    private let errors: [UInt8]
    private let slots: [UInt32]
    private let keys: [UInt64]

    init(layout: Layout) {
        switch layout {
        case .gapped(let base, let shift, let count, let starts, let errors, let slots):
            isGapped = true
            self.base = base
            self.shift = UInt64(shift)
            mask = (1 << UInt64(shift)) &- 1
            numberCount = count
            self.starts = starts
            self.errors = errors
            self.slots = slots
            keys = []
        case .plain(let keys):
            (isGapped, base, shift, mask, numberCount) = (false, 0, 0, 0, keys.count)
            (starts, errors, slots) = ([], [], [])
            self.keys = keys
        }
    }

    /// The stored parts.
    var layout: Layout {
        isGapped
            ? .gapped(base: base, shift: Int(shift), count: numberCount, starts: starts, errors: errors, slots: slots)
            : .plain(keys)
    }

    /// Distinct numbers.
    var count: Int {
        numberCount
    }

    /// Bytes used by the tables.
    var storageBytes: Int {
        isGapped ? (starts.count * 4 + errors.count + slots.count * 4) : keys.count * 8
    }

    /// The digits aligned left on 15 digits, times 16, plus the digit count: ordered like the digit strings,
    /// and distinct for distinct numbers ("8490" and "849" differ by their count). Below 2^54.
    @inline(__always)
    static func key(_ digits: UInt64, length: Int) -> UInt64 {
        (digits &* PhoneNumber.powerOfTen(maximumDigits - length)) << 4 | UInt64(length)
    }

    /// The slot interpolation predicts for a low (its offset's bits below the block's) in a block of `count` slots.
    @inline(__always)
    private static func predictedSlot(_ low: UInt64, count: Int, shift: UInt64) -> Int {
        // Below `count`: low < 2^shift, and the product stays below 2^64 (both factors below 2^32).
        Int(truncatingIfNeeded: (low &* UInt64(count)) >> shift)
    }

    /// The slots searched first for a low: at most ``window`` slots of its block from its predicted slot,
    /// `lower..<upper` (empty for an empty block).
    private struct Window {
        var lower: Int
        var upper: Int
        var predicted: Int
    }

    /// Reads only the block starts (cache-resident); `block` must be in range.
    @inline(__always)
    private func window(block: Int, low: UInt32, starts: UnsafeBufferPointer<UInt32>) -> Window {
        let start = Int(starts[block])
        let end = Int(starts[block &+ 1])
        let predicted = start &+ DNCNumberTable.predictedSlot(UInt64(low) & mask, count: end &- start, shift: shift)
        let lower = max(start, min(predicted, end &- DNCNumberTable.window))
        return Window(lower: lower, upper: min(end, lower &+ DNCNumberTable.window), predicted: predicted)
    }

    /// Whether a non-empty window whose first slot is at most `low` and last at least `low` holds it. Four
    /// branch-free steps find how many window slots are below `low` (up to 15): the same number of steps every
    /// time keeps the processor running ahead into the next lookup.
    @inline(__always)
    private static func windowHolds(_ window: Window, low: UInt32, slots: UnsafeBufferPointer<UInt32>) -> Bool {
        var lower = window.lower
        var step = DNCNumberTable.window / 2
        while step > 0 {
            let candidate = min(lower &+ step, window.upper)
            lower = slots[candidate &- 1] < low ? candidate : lower
            step >>= 1
        }
        return slots[min(lower, window.upper &- 1)] == low
    }

    /// Whether the block holds `low` below the window (`below`) or above it: the slots there within the
    /// block's error of the prediction, bisected. Only a number more than the window from its prediction (rare
    /// on national lists) needs this, and only then is the block's error read.
    private static func beyondWindow(
        _ window: Window, below: Bool, block: Int, low: UInt32,
        starts: UnsafeBufferPointer<UInt32>, errors: UnsafeBufferPointer<UInt8>, slots: UnsafeBufferPointer<UInt32>
    ) -> Bool {
        let error = errors[block]
        let bounded = error != unboundedError
        if below {
            let start = Int(starts[block])
            return bisect(slots, bounded ? max(start, window.predicted - Int(error)) : start, window.lower, low)
        }
        let end = Int(starts[block + 1])
        return bisect(slots, window.upper, bounded ? min(end, window.predicted + Int(error) + 1) : end, low)
    }

    /// Whether the key is stored.
    @inline(__always)
    func contains(key: UInt64) -> Bool {
        guard isGapped else { return DNCNumberTable.sortedContains(keys, key) }
        let offset = key &- base
        let block = Int(truncatingIfNeeded: offset >> shift)
        guard key >= base, block < errors.count else { return false }
        let low = UInt32(truncatingIfNeeded: offset)
        return starts.withUnsafeBufferPointer { starts in
            slots.withUnsafeBufferPointer { slots in
                let window = window(block: block, low: low, starts: starts)
                guard window.lower < window.upper else { return false }
                // The window's first and last slots are read first, together: a window that straddles two
                // cache lines has both on their way at once.
                let first = slots[window.lower]
                let last = slots[window.upper &- 1]
                if low < first || low > last {
                    return errors.withUnsafeBufferPointer { errors in
                        DNCNumberTable.beyondWindow(window, below: low < first, block: block, low: low, starts: starts, errors: errors, slots: slots)
                    }
                }
                return DNCNumberTable.windowHolds(window, low: low, slots: slots)
            }
        }
    }

    /// Whether `slots[lower..<upper]` (sorted) holds `low`.
    private static func bisect(_ slots: UnsafeBufferPointer<UInt32>, _ lower: Int, _ upper: Int, _ low: UInt32) -> Bool {
        var lower = lower
        var upper = upper
        let end = upper
        while lower < upper {
            let middle = (lower + upper) / 2
            if slots[middle] < low { lower = middle + 1 } else { upper = middle }
        }
        return lower < end && slots[lower] == low
    }

    /// How many keys ``containsEach(_:into:)`` looks up together.
    private static let lookupGroup = 16

    /// Whether each key is stored: `found[i] = contains(key: keys[i])`. The keys are looked up a group at a
    /// time, each stage for the whole group before the next: the group's reads of the slots are all on their
    /// way from memory together, however many lookups the processor could otherwise overlap.
    func containsEach(_ keys: UnsafeBufferPointer<UInt64>, into found: UnsafeMutableBufferPointer<Bool>) {
        precondition(found.count >= keys.count, "one answer per key")
        guard isGapped else {
            for index in keys.indices { found[index] = DNCNumberTable.sortedContains(self.keys, keys[index]) }
            return
        }
        let group = DNCNumberTable.lookupGroup
        withUnsafeTemporaryAllocation(of: Window.self, capacity: group) { windows in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 3 * group) { values in
                starts.withUnsafeBufferPointer { starts in
                    errors.withUnsafeBufferPointer { errors in
                        slots.withUnsafeBufferPointer { slots in
                            var first = 0
                            while first < keys.count {
                                let count = min(group, keys.count - first)
                                lookUpGroup(
                                    UnsafeBufferPointer(rebasing: keys[first..<(first + count)]),
                                    into: UnsafeMutableBufferPointer(rebasing: found[first..<(first + count)]),
                                    windows: windows, values: values, starts: starts, errors: errors, slots: slots)
                                first += count
                            }
                        }
                    }
                }
            }
        }
    }

    /// One group of ``containsEach(_:into:)`` (at most ``lookupGroup`` keys); `values` holds each key's low,
    /// then its window's first and last slots.
    @inline(__always)
    private func lookUpGroup(
        _ keys: UnsafeBufferPointer<UInt64>, into found: UnsafeMutableBufferPointer<Bool>,
        windows: UnsafeMutableBufferPointer<Window>, values: UnsafeMutableBufferPointer<UInt32>,
        starts: UnsafeBufferPointer<UInt32>, errors: UnsafeBufferPointer<UInt8>, slots: UnsafeBufferPointer<UInt32>
    ) {
        let group = DNCNumberTable.lookupGroup
        // Each key's window, from the cache-resident block starts. A key out of range, or in an empty block,
        // gets an empty window (answered false).
        for item in keys.indices {
            let offset = keys[item] &- base
            let block = Int(truncatingIfNeeded: offset >> shift)
            let low = UInt32(truncatingIfNeeded: offset)
            values[item] = low
            let window = keys[item] >= base && block < errors.count
                ? self.window(block: block, low: low, starts: starts) : Window(lower: 0, upper: 0, predicted: 0)
            windows[item] = window
            found[item] = window.lower < window.upper
        }
        // The first and last slot of every window: independent reads, all on their way together (an empty
        // window reads slot 0, in bounds: the slots are never empty).
        for item in keys.indices {
            let window = windows[item]
            let searched = found[item]
            values[group + item] = slots[searched ? window.lower : 0]
            values[2 * group + item] = slots[searched ? window.upper &- 1 : 0]
        }
        // The searches, within cache lines now read.
        for item in keys.indices where found[item] {
            let window = windows[item]
            let low = values[item]
            let first = values[group + item]
            if low < first || low > values[2 * group + item] {
                let block = Int(truncatingIfNeeded: (keys[item] &- base) >> shift)
                found[item] = DNCNumberTable.beyondWindow(
                    window, below: low < first, block: block, low: low, starts: starts, errors: errors, slots: slots)
                continue
            }
            found[item] = DNCNumberTable.windowHolds(window, low: low, slots: slots)
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
        case .gapped(_, let shift, let count, let starts, let errors, let slots):
            guard shift <= 32, !errors.isEmpty, starts.count == errors.count + 1, starts[0] == 0,
                  Int(starts[starts.count - 1]) == slots.count, !slots.isEmpty, count > 0, count <= slots.count
            else { return false }
            for index in 1..<starts.count where starts[index] < starts[index - 1] { return false }
            return true
        }
    }

    // MARK: - Building

    /// Numbers sorted together at first: sorting buckets aim at this many numbers at most.
    private static let numbersPerSortBucket = 8

    /// Slots a block of `count` numbers gets: a quarter more, so that a number rarely lands far from its
    /// prediction (measured on 50 million numbers: 0.8 numbers a slot keeps nearly every number within the
    /// window, at 5 bytes a number).
    private static func slotCount(numbers count: Int) -> Int {
        count + (count + 3) / 4
    }

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
        // Blocks for sorting and lookups: at most 2^16 of them (about 2^(bits − 3) for smaller lists), and no
        // fewer than needed for each to span at most 2^32 keys.
        let blockBits = min(rangeBits, max(rangeBits - 32, min(16, (64 - valid.leadingZeroBitCount) - 3)))
        guard valid >= 256, fitsInEightBytes(numbers: valid, blocks: 1 << blockBits) else {
            return DNCNumberTable(layout: .plain(sortedDistinctKeys(numbers)))
        }
        return gapped(numbers, base: minimum, rangeBits: rangeBits, blockBits: blockBits, valid: valid)
    }

    /// Whether the gapped layout of this many numbers and blocks (5 bytes a block, a slot and a quarter a
    /// number, up to one slot more a block) stays within 8 bytes a number; otherwise whole keys are cheaper.
    private static func fitsInEightBytes(numbers: Int, blocks: Int) -> Bool {
        blocks * 9 + slotCount(numbers: numbers) * 4 + 4 <= numbers * 8
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

    /// Sorts the lows (see ``sortedLows(_:base:coarseShift:coarseCount:valid:capacity:)``), then spreads each
    /// block's lows over its slots in place, the last block first (a low only ever moves up).
    private static func gapped(_ numbers: [UInt64], base: UInt64, rangeBits: Int, blockBits: Int, valid: Int) -> DNCNumberTable {
        let shift = rangeBits - blockBits
        let blockCount = 1 << blockBits
        var (slots, blockStarts) = sortedLows(
            numbers, base: base, coarseShift: shift, coarseCount: blockCount, valid: valid,
            capacity: slotCount(numbers: valid) + blockCount)
        let count = slots.count
        // Many duplicates can leave too few distinct numbers for the table.
        guard fitsInEightBytes(numbers: count, blocks: blockCount) else {
            let mask = (UInt64(1) << UInt64(shift)) &- 1
            var keys: [UInt64] = []
            keys.reserveCapacity(count)
            for block in 0..<blockCount {
                for index in blockStarts[block]..<blockStarts[block + 1] {
                    keys.append(base + (UInt64(block) << UInt64(shift) | UInt64(slots[index]) & mask))
                }
            }
            return DNCNumberTable(layout: .plain(keys))
        }
        var starts = [UInt32](repeating: 0, count: blockCount + 1)
        for block in 0..<blockCount {
            starts[block + 1] = starts[block] + UInt32(slotCount(numbers: blockStarts[block + 1] - blockStarts[block]))
        }
        // Within its capacity: no copy.
        slots.append(contentsOf: repeatElement(0, count: Int(starts[blockCount]) - count))
        var errors = [UInt8](repeating: 0, count: blockCount)
        var placed = [Int](repeating: 0, count: zip(blockStarts.dropFirst(), blockStarts).map { $0 - $1 }.max() ?? 0)
        slots.withUnsafeMutableBufferPointer { slots in
            placed.withUnsafeMutableBufferPointer { placed in
                for block in stride(from: blockCount - 1, through: 0, by: -1) {
                    let from = blockStarts[block]
                    let numbers = blockStarts[block + 1] - from
                    guard numbers > 0 else { continue }
                    let slotBase = Int(starts[block])
                    let width = Int(starts[block + 1]) - slotBase
                    errors[block] = place(
                        UnsafeBufferPointer(rebasing: slots[from..<(from + numbers)]), slotCount: width,
                        shift: UInt64(shift), into: UnsafeMutableBufferPointer(rebasing: placed[0..<numbers]))
                    // Highest first: every write lands at or above the lows still to be read (slotBase ≥ from,
                    // and a number's slot is at least its rank).
                    var next = width
                    for rank in stride(from: numbers - 1, through: 0, by: -1) {
                        let value = slots[from + rank]
                        for slot in placed[rank]..<next { slots[slotBase + slot] = value }
                        next = placed[rank]
                    }
                    // Slots before the first number repeat it.
                    let first = slots[slotBase + next]
                    for slot in 0..<next { slots[slotBase + slot] = first }
                }
            }
        }
        return DNCNumberTable(layout: .gapped(base: base, shift: shift, count: count, starts: starts, errors: errors, slots: slots))
    }

    /// Gives each of a block's sorted lows its slot: the predicted one, or the next after the previous
    /// number's, and never so late that the numbers after it would not fit. Returns the largest distance
    /// between a slot and its prediction (saturated at ``unboundedError``).
    private static func place(
        _ lows: UnsafeBufferPointer<UInt32>, slotCount: Int, shift: UInt64, into placed: UnsafeMutableBufferPointer<Int>
    ) -> UInt8 {
        let mask = (UInt64(1) << shift) &- 1
        var previous = -1
        var largest = 0
        for rank in lows.indices {
            let predicted = predictedSlot(UInt64(lows[rank]) & mask, count: slotCount, shift: shift)
            let slot = max(previous + 1, min(predicted, slotCount - (lows.count - rank)))
            placed[rank] = slot
            largest = max(largest, abs(slot - predicted))
            previous = slot
        }
        return UInt8(min(largest, Int(unboundedError)))
    }

    /// The sorted, distinct low 32 bits of every key's offset from `base`, and where each coarse bucket
    /// (`offset >> coarseShift`) starts in them. One scattering pass by coarse bucket (its cursors stay in
    /// cache), then each coarse bucket — small, so in cache too — counting-sorted by sorting buckets of about
    /// 4–8 numbers, each sorted and deduplicated. Every number is written once to a random place in memory;
    /// everything else is sequential or cache-resident.
    private static func sortedLows(
        _ numbers: [UInt64], base: UInt64, coarseShift: Int, coarseCount: Int, valid: Int, capacity: Int
    ) -> (lows: [UInt32], coarseStarts: [Int]) {
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
        var lows = makeTable(count: valid, capacity: capacity) { _ in }
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

    /// A table of `count` entries set by `fill` (which must set them all), with room to grow to `capacity`
    /// without a copy, backed by 2 MiB pages where the kernel allows: random lookups then miss the TLB far less often.
    static func makeTable(count: Int, capacity: Int = 0, _ fill: (UnsafeMutableBufferPointer<UInt32>) -> Void) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: max(count, capacity)) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            fill(UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
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
