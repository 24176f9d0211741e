/// A compact, immutable Do-Not-Call index: sorted UInt64 E.164 digits (≤ 8 bytes per number) plus prefix entries.
///
/// Numbers are stored by a key that aligns their digits to the left (so numbers of one country and area sit
/// together whatever their length), split in two: the key's high bits choose a bucket in a small offset table,
/// and only the low 32 bits are kept per number. With about 2–4 numbers per bucket a lookup is one table read
/// and a short scan; the storage is 4 bytes per number plus at most 2 for the table. When numbers are too few
/// or too spread out for that, the keys are kept whole (8 bytes each) and searched by bisection.
struct DNCIndex: Sendable {
    /// How the numbers are stored.
    enum Layout: Sendable, Equatable {
        /// `lows[offsets[b]..<offsets[b + 1]]` are the sorted low 32 bits of the keys `base + (b << shift) + low`.
        case bucketed(base: UInt64, shift: Int, offsets: [UInt32], lows: [UInt32])
        /// Sorted, distinct keys.
        case plain([UInt64])
    }

    /// The numbers.
    let layout: Layout
    /// Prefix entries by length: `prefixes[i].values` holds the E.164 prefixes of `prefixes[i].length` digits.
    let prefixes: [PrefixSet]

    /// The prefixes of one length.
    struct PrefixSet: Sendable, Equatable {
        let length: Int
        let values: Set<UInt64>
    }

    /// The longest number kept: E.164 allows 15 digits.
    static let maximumDigits = 15

    init(numbers: [UInt64], prefixes: [String]) {
        layout = DNCIndex.makeLayout(numbers)
        var byLength: [Int: Set<UInt64>] = [:]
        for prefix in prefixes {
            let digits = prefix.filter(\.isASCII).filter(\.isNumber)
            guard !digits.isEmpty, digits.count <= DNCIndex.maximumDigits, let value = UInt64(digits) else { continue }
            byLength[digits.count, default: []].insert(value)
        }
        self.prefixes = byLength.keys.sorted().map { PrefixSet(length: $0, values: byLength[$0] ?? []) }
    }

    /// Rebuilds an index from its stored parts (the disk cache).
    init(layout: Layout, prefixes: [PrefixSet]) {
        self.layout = layout
        self.prefixes = prefixes
    }

    /// Whether the number, or a prefix of it, is listed.
    func contains(_ number: PhoneNumber) -> Bool {
        contains(digits: number.digits)
    }

    /// Whether these E.164 digits, or a prefix of them, are listed.
    func contains(digits: UInt64) -> Bool {
        let length = PhoneNumber.digitCount(digits)
        guard digits > 0, length <= DNCIndex.maximumDigits else { return false }
        if containsKey(DNCIndex.key(digits, length: length)) { return true }
        for set in prefixes where set.length <= length {
            if set.values.contains(digits / PhoneNumber.powerOfTen(length - set.length)) { return true }
        }
        return false
    }

    /// Distinct numbers plus prefix entries.
    var count: Int {
        numberCount + prefixes.reduce(0) { $0 + $1.values.count }
    }

    /// Distinct numbers.
    var numberCount: Int {
        switch layout {
        case .bucketed(_, _, _, let lows): lows.count
        case .plain(let keys): keys.count
        }
    }

    /// Bytes used by the numbers (not counting the few prefix entries).
    var numberStorageBytes: Int {
        switch layout {
        case .bucketed(_, _, let offsets, let lows): offsets.count * 4 + lows.count * 4
        case .plain(let keys): keys.count * 8
        }
    }

    // MARK: - Keys

    /// The digits aligned left on 15 digits, times 16, plus the digit count: ordered like the digit strings,
    /// and distinct for distinct numbers ("8490" and "849" differ by their count). Below 2^54.
    @inline(__always)
    static func key(_ digits: UInt64, length: Int) -> UInt64 {
        (digits &* PhoneNumber.powerOfTen(maximumDigits - length)) << 4 | UInt64(length)
    }

    private func containsKey(_ key: UInt64) -> Bool {
        switch layout {
        case .bucketed(let base, let shift, let offsets, let lows):
            guard key >= base else { return false }
            let offset = key - base
            let bucket = Int(truncatingIfNeeded: offset >> UInt64(shift))
            guard bucket + 1 < offsets.count else { return false }
            let low = UInt32(truncatingIfNeeded: offset)
            return lows.withUnsafeBufferPointer { lows in
                offsets.withUnsafeBufferPointer { offsets in
                    var lower = Int(offsets[bucket])
                    var upper = Int(offsets[bucket + 1])
                    while upper - lower > 8 {
                        let middle = (lower + upper) / 2
                        if lows[middle] < low { lower = middle + 1 } else { upper = middle }
                    }
                    while lower < upper {
                        if lows[lower] >= low { return lows[lower] == low }
                        lower += 1
                    }
                    return false
                }
            }
        case .plain(let keys):
            return keys.withUnsafeBufferPointer { keys in
                var lower = 0
                var upper = keys.count
                while lower < upper {
                    let middle = (lower + upper) / 2
                    if keys[middle] < key { lower = middle + 1 } else { upper = middle }
                }
                return lower < keys.count && keys[lower] == key
            }
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
        // About 2–4 numbers per bucket: at most 2 bytes of table per number.
        let bucketBits = max(0, min(rangeBits, (64 - valid.leadingZeroBitCount) - 2))
        let shift = rangeBits - bucketBits
        guard valid >= 64, shift <= 32 else {
            return .plain(sortedDistinctKeys(numbers))
        }
        return bucketed(numbers, base: minimum, shift: shift, bucketCount: 1 << bucketBits, valid: valid)
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
