@testable import Dialer
import Foundation
import Testing

@Suite struct DNCIndexTests {
    /// Random E.164 digit strings: mostly Vietnamese (11 and 12 digits), some from elsewhere (8–15 digits).
    private static func randomNumber(_ random: inout SeededRandom, spread: Bool) -> String {
        func digits(_ count: Int) -> String {
            (0..<count).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
        }
        if !spread || Int.random(in: 0..<4, using: &random) > 0 {
            return "84" + (Int.random(in: 0..<5, using: &random) == 0 ? "2" + digits(9) : String(Int.random(in: 3...9, using: &random)) + digits(8))
        }
        return String(Int.random(in: 1...9, using: &random)) + digits(Int.random(in: 7...14, using: &random))
    }

    /// A plain model: a set of numbers and a list of prefixes, compared as strings.
    private struct Model {
        let numbers: Set<String>
        let prefixes: [String]

        func contains(_ number: String) -> Bool {
            numbers.contains(number) || prefixes.contains { number.hasPrefix($0) }
        }
    }

    @Test(arguments: [(50, false), (3_000, false), (40_000, false), (40_000, true), (500, true)])
    func membershipEqualsAPlainSetOnRandomData(count: Int, spread: Bool) {
        var random = SeededRandom(seed: UInt64(count) &* 31 &+ (spread ? 7 : 0))
        var listed: [String] = (0..<count).map { _ in Self.randomNumber(&random, spread: spread) }
        listed += listed.prefix(count / 10)   // duplicates
        let prefixes = (0..<5).map { _ in String(Self.randomNumber(&random, spread: spread).prefix(Int.random(in: 3...7, using: &random))) }
        let model = Model(numbers: Set(listed), prefixes: prefixes)
        let index = DNCIndex(numbers: listed.compactMap { UInt64($0) }, prefixes: prefixes.map { "+" + $0 })

        #expect(index.numberCount == model.numbers.count)
        var queries = Array(model.numbers)
        for number in model.numbers.prefix(2_000) {
            guard let value = UInt64(number) else { continue }
            queries += [String(value + 1), String(value - 1), String(value * 10), String(value / 10), number + "0"]
        }
        queries += (0..<20_000).map { _ in Self.randomNumber(&random, spread: spread) }
        queries += prefixes.map { $0 + "12345" }
        var mismatches = 0
        for query in queries {
            guard query.count <= DNCIndex.maximumDigits, let value = UInt64(query) else { continue }
            if index.contains(digits: value) != model.contains(query) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    /// How the numbers of a large list lie in its range.
    enum ListShape: CaseIterable {
        /// Evenly over the whole range.
        case spread
        /// Evenly, plus runs of consecutive numbers.
        case crowded
        /// Nearly all in one narrow block, a few far away: the bucket table splits its few occupied
        /// stretches finer than the sorting buckets.
        case clustered
    }

    /// Large lists use the gapped layout: exact whether numbers are spread evenly (each within the searched
    /// window of its predicted slot), crowded in a few narrow ranges (which pushes some numbers far beyond
    /// it), or clustered.
    @Test(arguments: ListShape.allCases)
    func membershipEqualsAPlainSetOnLargeLists(shape: ListShape) {
        var random = SeededRandom(seed: shape == .crowded ? 1_000 : shape == .spread ? 1_001 : 1_002)
        var listed: [UInt64] = shape == .clustered
            ? (0..<200_000).map { _ in UInt64.random(in: 84_910_000_000..<84_911_000_000, using: &random) }
                + [84_300_000_000, 84_555_555_555, 84_999_999_999]
            : (0..<110_000).map { _ in UInt64.random(in: 84_300_000_000...84_999_999_999, using: &random) }
        let crowded = shape == .crowded
        if crowded {
            // Runs of consecutive fixed lines (a company's block of numbers, 12 digits).
            for start: UInt64 in [842_838_220_000, 842_439_360_000, 842_363_510_000] {
                listed += (0..<3_000).map { start + $0 }
            }
        }
        let index = DNCIndex(numbers: listed, prefixes: [])
        guard case .gapped(_, _, _, _, let errors, let slots) = index.numbers.layout else {
            Issue.record("this list should use the gapped layout")
            return
        }
        let largest = errors.max() ?? 0
        switch shape {
        case .spread: #expect(largest < 16)
        case .crowded: #expect(largest == DNCNumberTable.unboundedError)
        // Nearly every number in a few blocks: many lie beyond the window from their prediction.
        case .clustered: #expect(largest >= 16)
        }
        #expect(Double(slots.count) <= Double(index.numberCount) * 1.25 + Double(errors.count))
        let set = Set(listed)
        #expect(index.numberCount == set.count)
        var mismatches = 0
        for number in listed {
            for query in [number, number + 1, number - 1, number + 7] where index.contains(digits: query) != set.contains(query) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    /// Lists of generated shapes (even spreads, runs of consecutive numbers, dense clusters anywhere in a block,
    /// so some numbers sit before their prediction and some far after it, a few far-away outliers): the gapped
    /// layout keeps every block's slots sorted, repeats only listed numbers in free slots, stays within a
    /// slot and a quarter a number, and answers exactly like a plain set for listed numbers and their neighbours.
    @Test func gappedLayoutIsSortedCompactAndExactOnGeneratedShapes() {
        var random = SeededRandom(seed: 77)
        for _ in 0..<40 {
            var listed: [UInt64] = []
            let lower = UInt64.random(in: 84_200_000_000...84_500_000_000, using: &random)
            let width = UInt64.random(in: 1_000_000...500_000_000, using: &random)
            listed += (0..<Int.random(in: 0...20_000, using: &random)).map { _ in lower + UInt64.random(in: 0..<width, using: &random) }
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let start = lower + UInt64.random(in: 0..<width, using: &random)
                listed += (0..<UInt64.random(in: 100...5_000, using: &random)).map { start + $0 }
            }
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let center = lower + UInt64.random(in: 0..<width, using: &random)
                let spread = UInt64.random(in: 1_000...200_000, using: &random)
                listed += (0..<Int.random(in: 500...8_000, using: &random)).map { _ in center + UInt64.random(in: 0..<spread, using: &random) }
            }
            listed += (0..<Int.random(in: 0...3, using: &random)).map { _ in UInt64.random(in: 84_000_000_000...84_999_999_999, using: &random) }
            guard listed.count >= 400 else { continue }
            let index = DNCIndex(numbers: listed, prefixes: [])
            let set = Set(listed)
            #expect(index.numberCount == set.count)
            if case .gapped(_, _, let count, let starts, _, let slots) = index.numbers.layout {
                #expect(count == set.count)
                #expect(Double(slots.count) <= Double(count) * 1.25 + Double(starts.count))
                // Sorted, and every distinct value a listed number: the free slots hold no other value.
                var unsorted = 0
                var distinct = 0
                for block in 0..<(starts.count - 1) where starts[block] < starts[block + 1] {
                    distinct += 1
                    for slot in Int(starts[block] + 1)..<Int(starts[block + 1]) {
                        if slots[slot] < slots[slot - 1] { unsorted += 1 }
                        if slots[slot] != slots[slot - 1] { distinct += 1 }
                    }
                }
                #expect(unsorted == 0)
                #expect(distinct == count)
            }
            var mismatches = 0
            for number in listed {
                for query in [number, number + 1, number - 1, number + 13, number - 13] where index.contains(digits: query) != set.contains(query) {
                    mismatches += 1
                }
            }
            #expect(mismatches == 0)
        }
    }

    /// The grouped lookup the compile scrubs with answers exactly as one lookup at a time: on small (plain) and
    /// large (gapped, spread or crowded) lists, for listed numbers, their neighbours, prefixed numbers, no
    /// number (0) and numbers too long to be listed, in batches whose sizes are not multiples of the group.
    @Test(arguments: [(300, false), (120_000, false), (120_000, true)])
    func batchedLookupsEqualSingleLookups(count: Int, crowded: Bool) {
        var random = SeededRandom(seed: UInt64(count) &+ (crowded ? 5 : 0))
        // A national list (numbers of one country) is large and dense enough for the gapped layout.
        let national = count >= 100_000
        var listed: [UInt64] = (0..<count).compactMap { _ in UInt64(Self.randomNumber(&random, spread: !national)) }
        if crowded {
            // Outside the prefix entries, so that only the numbers answer for them.
            listed += (0..<5_000).map { 842_439_360_000 + $0 }
        }
        let index = DNCIndex(numbers: listed, prefixes: ["+84190", "+1900", "+8428382"])
        if case .gapped = index.numbers.layout { #expect(national) } else { #expect(!national) }
        var queries: [UInt64] = [0, 1, 9_999_999_999_999_999, UInt64.max]
        // The first numbers, and the crowded run (listed last), whose numbers lie beyond their windows.
        for number in listed.prefix(30_000) + listed.suffix(crowded ? 5_000 : 0) {
            queries += [number, number + 1, number - 1, number * 10, number / 10]
        }
        queries += (0..<30_000).compactMap { _ in UInt64(Self.randomNumber(&random, spread: true)) }
        queries += [841_901_234_567, 19_005_550_123, 842_838_299_999]
        queries.shuffle(using: &random)
        let single = queries.map { index.contains(digits: $0) }
        var mismatches = 0
        var start = 0
        for size in [1, 15, 16, 17, 333, 4_096, queries.count] where start < queries.count {
            let batch = Array(queries[start..<min(start + size, queries.count)])
            var found = [Bool](repeating: false, count: batch.count)
            batch.withUnsafeBufferPointer { batch in
                found.withUnsafeMutableBufferPointer { index.containsEach(digits: batch, into: $0) }
            }
            for (offset, answer) in found.enumerated() where answer != single[start + offset] { mismatches += 1 }
            start += batch.count
        }
        #expect(start == queries.count)
        #expect(mismatches == 0)
        #expect(single.contains(true) && single.contains(false))
    }

    @Test func storesAtMostEightBytesPerNumber() {
        var random = SeededRandom(seed: 8)
        let numbers = (0..<100_000).compactMap { _ in UInt64(Self.randomNumber(&random, spread: false)) }
        let index = DNCIndex(numbers: numbers, prefixes: [])
        guard case .gapped = index.numbers.layout else {
            Issue.record("a large national list should use the gapped layout")
            return
        }
        #expect(Double(index.numberStorageBytes) / Double(index.numberCount) <= 8)
    }

    @Test func matchesAPhoneNumberAndItsPrefixEntries() throws {
        let index = DNCIndex(numbers: [84_912_345_678], prefixes: ["84190", "+1 900"])
        func listed(_ text: String) throws -> Bool {
            try index.contains(PhoneNumberParser.parse(text, defaultRegion: "VN").get())
        }
        #expect(try listed("0912 345 678"))
        #expect(try !listed("0912 345 679"))
        #expect(try listed("1900 123 456"))
        #expect(try listed("+1 900 555 0123"))
        #expect(try !listed("+1 800 555 0123"))
        #expect(index.count == 3)
        #expect(!index.contains(digits: 8419))   // shorter than the prefix 84190

        let nested = DNCIndex(numbers: [], prefixes: ["841900", "84190", "8419001"])
        #expect(nested.contains(digits: 841_901_234_567))
        #expect(nested.contains(digits: 841_900_234_567))
        #expect(nested.contains(digits: 841_900_134_567))
        #expect(!nested.contains(digits: 841_910_234_567))
        #expect(!DNCIndex(numbers: [], prefixes: []).contains(digits: 84_912_345_678))
    }
}

@Suite struct DNCLoadTests {
    @Test func loadsNumbersPrefixesAndCommentsAndReportsBadLines() throws {
        let folder = try ContactsTestFolder()
        let path = try folder.write("dnc.txt", """
            # national register, 2026-03-01
            +84 912 345 678
            0987654321   # opted out by phone
            +84190*

            not a number
            0612345678\r
            +8418001*
            +999*
            0084 86 123 4567
            """)
        let result = try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: nil)
        #expect(result.index.contains(digits: 84_912_345_678))
        #expect(result.index.contains(digits: 84_987_654_321))
        #expect(result.index.contains(digits: 84_861_234_567))
        #expect(result.index.contains(digits: 841_900_123_456))
        #expect(result.index.contains(digits: 8_418_001_234))
        #expect(!result.index.contains(digits: 84_912_345_679))
        #expect(result.rejected.map(\.line) == [6, 7, 9])
        #expect(result.rejected[0].reason == "The phone number contains letters; write it with digits only.")
        #expect(result.rejected[1].text == "0612345678")
        #expect(!result.fromCache)
    }

    @Test func loadsACSVColumn() throws {
        let folder = try ContactsTestFolder()
        let path = try folder.write("dnc.csv", "Name;Phone;Since\nAn;0912 345 678;2025\nBình;;2025\nChi;abc;2024\nDung;0913\n")
        let result = try DNCIndex.load(path: path, column: "phone", defaultRegion: "VN", cacheDirectory: nil)
        #expect(result.index.count == 1)
        #expect(result.index.contains(digits: 84_912_345_678))
        #expect(result.rejected.map(\.line) == [4, 5])
        do {
            _ = try DNCIndex.load(path: path, column: "Mobile", defaultRegion: "VN", cacheDirectory: nil)
            Issue.record("a missing column must throw")
        } catch let error as DNCError {
            #expect(error.description.contains("“Mobile”"))
            #expect(error.description.contains("Name, Phone, Since"))
        }
    }

    @Test func badArgumentsThrowClearErrors() throws {
        let folder = try ContactsTestFolder()
        #expect(throws: DNCError.self) {
            try DNCIndex.load(path: folder.path + "/missing.txt", column: nil, defaultRegion: nil, cacheDirectory: nil)
        }
        let path = try folder.write("dnc.txt", "+84912345678\n")
        #expect(throws: DNCError(path: path, problem: .unknownDefaultRegion("XX"))) {
            try DNCIndex.load(path: path, column: nil, defaultRegion: "XX", cacheDirectory: nil)
        }
    }

    @Test func theDiskCacheIsReusedWhileTheSourceIsUnchanged() throws {
        let folder = try ContactsTestFolder()
        let cache = folder.path + "/cache"
        var random = SeededRandom(seed: 99)
        var lines = (0..<150_000).map { _ in "09\(Int.random(in: 10_000_000...89_999_999, using: &random))" }
        lines += ["+84190*", "bad line"]
        let path = try folder.write("dnc.txt", lines.joined(separator: "\n"))

        let first = try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: cache)
        let second = try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: cache)
        #expect(!first.fromCache)
        #expect(second.fromCache)
        #expect(second.index.numbers.layout == first.index.numbers.layout)
        #expect(second.index.prefixes == first.index.prefixes)
        #expect(second.rejected == first.rejected)
        #expect(second.rejected.map(\.line) == [150_002])
        guard case .gapped = second.index.numbers.layout else {
            Issue.record("a large list should use the gapped layout")
            return
        }

        // Other options are another cache entry.
        #expect(try !DNCIndex.load(path: path, column: nil, defaultRegion: "US", cacheDirectory: cache).fromCache)
        #expect(try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: cache).fromCache)

        // A changed source is read again.
        _ = try folder.write("dnc.txt", (lines + ["0912345678"]).joined(separator: "\n"))
        let changed = try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: cache)
        #expect(!changed.fromCache)
        #expect(changed.index.contains(digits: 84_912_345_678))

        // A damaged cache is ignored and rebuilt.
        let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".cache") }
        for file in files {
            let url = URL(fileURLWithPath: cache + "/" + file)
            var bytes = try [UInt8](Data(contentsOf: url))
            bytes.removeLast(bytes.count / 2)
            try Data(bytes).write(to: url)
        }
        let rebuilt = try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: cache)
        #expect(!rebuilt.fromCache)
        #expect(rebuilt.index.numbers.layout == changed.index.numbers.layout)
        #expect(try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: cache).fromCache)
    }

    /// A cache written by the previous format (another layout of the numbers, magic `DIALDNC2`) for an
    /// unchanged source is not misread: it is ignored and rebuilt in the current format.
    @Test func aCacheOfThePreviousFormatIsRebuilt() throws {
        let folder = try ContactsTestFolder()
        let cache = folder.path + "/cache"
        var random = SeededRandom(seed: 7)
        let lines = (0..<20_000).map { _ in "09\(Int.random(in: 10_000_000...89_999_999, using: &random))" }
        let path = try folder.write("dnc.txt", lines.joined(separator: "\n"))
        let built = try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".cache") }
        #expect(files.count == 1)
        for file in files {
            let url = URL(fileURLWithPath: cache + "/" + file)
            var bytes = try [UInt8](Data(contentsOf: url))
            #expect(bytes.prefix(8) == ArraySlice("DIALDNC3".utf8))
            bytes.replaceSubrange(0..<8, with: Array("DIALDNC2".utf8))
            try Data(bytes).write(to: url)
        }
        let rebuilt = try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: cache)
        #expect(!rebuilt.fromCache)
        #expect(rebuilt.index.numbers.layout == built.index.numbers.layout)
        #expect(try DNCIndex.load(path: path, column: nil, defaultRegion: "VN", cacheDirectory: cache).fromCache)
    }
}
