/// A compact, immutable Do-Not-Call index: sorted UInt64 E.164 digits (≤ 8 bytes per number) plus prefix entries.
///
/// The numbers live in a ``DNCNumberTable`` (about 5 bytes each on national lists); prefix entries are kept
/// as key ranges, so a lookup never divides.
struct DNCIndex: Sendable {
    /// The prefixes of one length, sorted.
    struct PrefixSet: Sendable, Equatable {
        let length: Int
        let values: [UInt64]
    }

    /// The numbers.
    let numbers: DNCNumberTable
    /// Prefix entries by increasing length.
    let prefixes: [PrefixSet]
    // The prefixes as disjoint key ranges `prefixStarts[i]..<prefixEnds[i]` for numbers of at least
    // `prefixLengths[i]` digits (prefixes inside a shorter one are dropped).
    private let prefixStarts: [UInt64]
    private let prefixEnds: [UInt64]
    private let prefixLengths: [Int]
    /// Keys outside `prefixLow..<prefixHigh` need no prefix search (an empty range when there are no prefixes).
    private let prefixLow: UInt64
    private let prefixHigh: UInt64

    /// The longest number kept: E.164 allows 15 digits.
    static let maximumDigits = DNCNumberTable.maximumDigits

    init(numbers: [UInt64], prefixes: [String]) {
        var byLength: [Int: Set<UInt64>] = [:]
        for prefix in prefixes {
            let digits = prefix.filter(\.isASCII).filter(\.isNumber)
            guard !digits.isEmpty, digits.count <= DNCIndex.maximumDigits, let value = UInt64(digits) else { continue }
            byLength[digits.count, default: []].insert(value)
        }
        self.init(
            numbers: DNCNumberTable.build(numbers),
            prefixes: byLength.keys.sorted().map { PrefixSet(length: $0, values: (byLength[$0] ?? []).sorted()) })
    }

    /// Rebuilds an index from its parts (the disk cache).
    init(numbers: DNCNumberTable, prefixes: [PrefixSet]) {
        self.numbers = numbers
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
        prefixLow = kept.first?.start ?? 0
        prefixHigh = kept.last?.end ?? 0
    }

    /// Whether the number, or a prefix of it, is listed.
    func contains(_ number: PhoneNumber) -> Bool {
        contains(digits: number.digits)
    }

    /// Whether these E.164 digits, or a prefix of them, are listed. Inlined, so that a caller's loop of single
    /// lookups reads the tables' addresses once rather than at every number.
    @inline(__always)
    func contains(digits: UInt64) -> Bool {
        let length = PhoneNumber.digitCount(digits)
        guard digits > 0, length <= DNCIndex.maximumDigits else { return false }
        let key = DNCNumberTable.key(digits, length: length)
        return numbers.contains(key: key) || (key >= prefixLow && key < prefixHigh && prefixCovers(key, length: length))
    }

    /// Whether each of these E.164 digits, or a prefix of them, is listed: `found[i] = contains(digits: digits[i])`,
    /// looked up in groups whose reads from memory overlap (the path for scrubbing a whole list).
    func containsEach(digits: UnsafeBufferPointer<UInt64>, into found: UnsafeMutableBufferPointer<Bool>) {
        precondition(found.count >= digits.count, "one answer per number")
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: digits.count) { keys in
            for index in digits.indices {
                let length = PhoneNumber.digitCount(digits[index])
                // Key 0 is never stored (every key holds its digit count), so it answers false.
                keys[index] = digits[index] > 0 && length <= DNCIndex.maximumDigits ? DNCNumberTable.key(digits[index], length: length) : 0
            }
            numbers.containsEach(UnsafeBufferPointer(keys), into: found)
            guard prefixLow < prefixHigh else { return }
            for index in digits.indices where !found[index] && keys[index] >= prefixLow && keys[index] < prefixHigh {
                found[index] = prefixCovers(keys[index], length: Int(keys[index] & 15))
            }
        }
    }

    /// Distinct numbers plus prefix entries.
    var count: Int {
        numberCount + prefixes.reduce(0) { $0 + $1.values.count }
    }

    /// Distinct numbers.
    var numberCount: Int {
        numbers.count
    }

    /// Bytes used by the numbers (not counting the few prefix entries).
    var numberStorageBytes: Int {
        numbers.storageBytes
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
}
