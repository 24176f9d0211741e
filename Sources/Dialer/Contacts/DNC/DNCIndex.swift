/// A compact, immutable Do-Not-Call index: sorted UInt64 E.164 digits (≤ 8 bytes per number) plus prefix entries.
///
/// Numbers are stored by a key that aligns their digits to the left (so numbers of one country and area sit
/// together whatever their length), split in two: the key's high bits choose a bucket in a small offset table,
/// and only the low 32 bits are kept per number. A lookup reads the table (small enough to stay in cache) and
/// bisects one bucket of a few numbers; the storage is 4 bytes per number plus at most 4 (usually under 1) for
/// the table. When numbers are too few or too spread out for that, the keys are kept whole (8 bytes each) and
/// searched by bisection.
struct DNCIndex: Sendable {
    /// How the numbers are stored.
    enum Layout: Sendable, Equatable {
        /// `lows[offsets[b]..<offsets[b + 1]]` are the sorted low 32 bits of the keys `base + (b << shift) + low`.
        case bucketed(base: UInt64, shift: Int, offsets: [UInt32], lows: [UInt32])
        /// Sorted, distinct keys.
        case plain([UInt64])
    }

    /// The prefixes of one length, sorted.
    struct PrefixSet: Sendable, Equatable {
        let length: Int
        let values: [UInt64]
    }

    // The numbers, stored flat so that a lookup touches no enum payload or reference count.
    private let isBucketed: Bool
    private let base: UInt64
    private let shift: UInt64
    private let offsets: [UInt32]
    private let lows: [UInt32]
    private let keys: [UInt64]
    /// Prefix entries by increasing length.
    let prefixes: [PrefixSet]
    // The prefixes as disjoint key ranges `prefixStarts[i]..<prefixEnds[i]` for numbers of at least
    // `prefixLengths[i]` digits (prefixes inside a shorter one are dropped): a lookup needs no division.
    private let prefixStarts: [UInt64]
    private let prefixEnds: [UInt64]
    private let prefixLengths: [Int]

    /// The longest number kept: E.164 allows 15 digits.
    static let maximumDigits = 15

    init(numbers: [UInt64], prefixes: [String]) {
        var byLength: [Int: Set<UInt64>] = [:]
        for prefix in prefixes {
            let digits = prefix.filter(\.isASCII).filter(\.isNumber)
            guard !digits.isEmpty, digits.count <= DNCIndex.maximumDigits, let value = UInt64(digits) else { continue }
            byLength[digits.count, default: []].insert(value)
        }
        self.init(
            layout: DNCIndex.makeLayout(numbers),
            prefixes: byLength.keys.sorted().map { PrefixSet(length: $0, values: (byLength[$0] ?? []).sorted()) })
    }

    /// Rebuilds an index from its stored parts (the disk cache). Prefix sets must be sorted, by increasing length.
    init(layout: Layout, prefixes: [PrefixSet]) {
        switch layout {
        case .bucketed(let base, let shift, let offsets, let lows):
            (isBucketed, self.base, self.shift, self.offsets, self.lows, keys) = (true, base, UInt64(shift), offsets, lows, [])
        case .plain(let keys):
            (isBucketed, base, shift, offsets, lows, self.keys) = (false, 0, 0, [], [], keys)
        }
        self.prefixes = prefixes
        var ranges: [(start: UInt64, end: UInt64, length: Int)] = []
        for set in prefixes {
            let scale = PhoneNumber.powerOfTen(DNCIndex.maximumDigits - set.length)
            for value in set.values {
                ranges.append((value * scale << 4, (value + 1) * scale << 4, set.length))
            }
        }
        ranges.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var kept: [(start: UInt64, end: UInt64, length: Int)] = []
        for range in ranges where kept.last.map({ range.start >= $0.end }) ?? true {
            kept.append(range)
        }
        prefixStarts = kept.map(\.start)
        prefixEnds = kept.map(\.end)
        prefixLengths = kept.map(\.length)
    }

    /// How the numbers are stored (for the disk cache).
    var layout: Layout {
        isBucketed ? .bucketed(base: base, shift: Int(shift), offsets: offsets, lows: lows) : .plain(keys)
    }

    /// Whether the number, or a prefix of it, is listed.
    func contains(_ number: PhoneNumber) -> Bool {
        contains(digits: number.digits)
    }

    /// Whether these E.164 digits, or a prefix of them, are listed.
    func contains(digits: UInt64) -> Bool {
        let length = PhoneNumber.digitCount(digits)
        guard digits > 0, length <= DNCIndex.maximumDigits else { return false }
        let key = DNCIndex.key(digits, length: length)
        return containsKey(key) || (!prefixStarts.isEmpty && prefixCovers(key, length: length))
    }

    /// Distinct numbers plus prefix entries.
    var count: Int {
        numberCount + prefixes.reduce(0) { $0 + $1.values.count }
    }

    /// Distinct numbers.
    var numberCount: Int {
        isBucketed ? lows.count : keys.count
    }

    /// Bytes used by the numbers (not counting the few prefix entries).
    var numberStorageBytes: Int {
        isBucketed ? offsets.count * 4 + lows.count * 4 : keys.count * 8
    }

    // MARK: - Keys

    /// The digits aligned left on 15 digits, times 16, plus the digit count: ordered like the digit strings,
    /// and distinct for distinct numbers ("8490" and "849" differ by their count). Below 2^54.
    @inline(__always)
    static func key(_ digits: UInt64, length: Int) -> UInt64 {
        (digits &* PhoneNumber.powerOfTen(maximumDigits - length)) << 4 | UInt64(length)
    }

    private func containsKey(_ key: UInt64) -> Bool {
        guard isBucketed else { return DNCIndex.sortedContains(keys, key) }
        guard key >= base else { return false }
        let offset = key &- base
        let bucket = Int(truncatingIfNeeded: offset >> shift)
        let low = UInt32(truncatingIfNeeded: offset)
        return offsets.withUnsafeBufferPointer { offsets in
            guard bucket + 1 < offsets.count else { return false }
            let start = Int(offsets[bucket])
            let end = Int(offsets[bucket + 1])
            guard start < end else { return false }
            return lows.withUnsafeBufferPointer { lows in
                // Branch-free bisection: the first entry ≥ low is `lower` or the one after.
                var lower = start
                var length = end - start
                while length > 1 {
                    let half = length >> 1
                    lower = lows[lower + half - 1] < low ? lower + half : lower
                    length -= half
                }
                return lows[lower] == low
            }
        }
    }

    private func prefixCovers(_ key: UInt64, length: Int) -> Bool {
        // The last range starting at or before the key.
        var lower = 0
        var upper = prefixStarts.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if prefixStarts[middle] <= key { lower = middle + 1 } else { upper = middle }
        }
        guard lower > 0 else { return false }
        return key < prefixEnds[lower - 1] && length >= prefixLengths[lower - 1]
    }

    private static func sortedContains(_ values: [UInt64], _ value: UInt64) -> Bool {
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

    // MARK: - Building

    private static func makeLayout(_ numbers: [UInt64]) -> Layout {
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
        guard valid > 0 else { return .plain([]) }
        let rangeBits = 64 - (maximum - minimum).leadingZeroBitCount
        // Enough buckets that the low 32 bits tell keys apart within one; about 8–16 numbers per bucket
        // otherwise, so that the table (≤ 1 byte per number) stays in the processor's cache.
        let bucketBits = min(rangeBits, max(rangeBits - 32, (64 - valid.leadingZeroBitCount) - 4))
        // The table must not cost more than 4 bytes per number: beyond that, keep whole keys.
        guard valid >= 64, 1 << bucketBits <= valid else {
            return .plain(sortedDistinctKeys(numbers))
        }
        return bucketed(numbers, base: minimum, shift: rangeBits - bucketBits, bucketCount: 1 << bucketBits, valid: valid)
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

    /// One counting-sort pass on the bucket (the key's high bits), then each small bucket sorted and deduplicated.
    private static func bucketed(_ numbers: [UInt64], base: UInt64, shift: Int, bucketCount: Int, valid: Int) -> Layout {
        var offsets = [UInt32](repeating: 0, count: bucketCount + 1)
        var lows = [UInt32](repeating: 0, count: valid)
        numbers.withUnsafeBufferPointer { numbers in
            offsets.withUnsafeMutableBufferPointer { offsets in
                for digits in numbers {
                    let length = PhoneNumber.digitCount(digits)
                    guard digits > 0, length <= maximumDigits else { continue }
                    offsets[Int(truncatingIfNeeded: (key(digits, length: length) - base) >> UInt64(shift)) + 1] += 1
                }
                for bucket in 0..<bucketCount {
                    offsets[bucket + 1] += offsets[bucket]
                }
                var next = Array(offsets.dropLast())
                lows.withUnsafeMutableBufferPointer { lows in
                    for digits in numbers {
                        let length = PhoneNumber.digitCount(digits)
                        guard digits > 0, length <= maximumDigits else { continue }
                        let offset = key(digits, length: length) - base
                        let bucket = Int(truncatingIfNeeded: offset >> UInt64(shift))
                        lows[Int(next[bucket])] = UInt32(truncatingIfNeeded: offset)
                        next[bucket] += 1
                    }
                    // Sort each bucket and squeeze out duplicates, moving the buckets down as they shrink.
                    var write = 0
                    var start = 0
                    for bucket in 0..<bucketCount {
                        let end = Int(offsets[bucket + 1])
                        var slice = UnsafeMutableBufferPointer(rebasing: lows[start..<end])
                        if slice.count > 16 {
                            slice.sort()
                        } else {
                            insertionSort(slice)
                        }
                        offsets[bucket] = UInt32(write)
                        for index in start..<end where write == Int(offsets[bucket]) || lows[index] != lows[write - 1] {
                            lows[write] = lows[index]
                            write += 1
                        }
                        start = end
                    }
                    offsets[bucketCount] = UInt32(write)
                    return
                }
            }
        }
        let distinct = Int(offsets[bucketCount])
        if distinct < lows.count { lows.removeLast(lows.count - distinct) }
        return .bucketed(base: base, shift: shift, offsets: offsets, lows: lows)
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
}
