import CampaignDSL
import Foundation

/// Every Do-Not-Call source a campaign must honour (law 1), asked in one place:
/// the campaign's DNC files, its prefix entries, and the internal opt-out list
/// in the store, which grows while the campaign runs.
final class DoNotCallRegistry {
    /// Lines of the DNC files that are neither numbers nor prefixes: ignored, and reported (warnings).
    let ignoredLines: [RejectedRow]
    private let lists: [DNCIndex]
    private let prefixes: DNCIndex
    private let store: CampaignStore

    /// Loads the campaign's DNC files (through the on-disk index cache when given).
    ///
    /// A line that is neither a number nor a prefix is ignored and reported in ``ignoredLines``: it cannot be a
    /// number Dialer would dial. A number written without its country code when the campaign gives no default
    /// country (its first list's `country`) stops the compile instead: it may well be a real number, which would
    /// otherwise not be blocked.
    init(spec: CampaignSpec, store: CampaignStore, cacheDirectory: String?) throws {
        var lists: [DNCIndex] = []
        var ignored: [RejectedRow] = []
        for list in spec.dnc {
            let loaded: DNCLoadResult
            do {
                loaded = try DNCIndex.load(
                    path: list.path, column: list.column, defaultRegion: spec.lists.first?.defaultCountry,
                    cacheDirectory: cacheDirectory)
            } catch {
                throw CompileError("do-not-call list \(list.path): \(error)")
            }
            let unplaced = loaded.rejected.filter { DNCListParser.lacksCountry($0.reason) }
            if !unplaced.isEmpty {
                let lines = unplaced.prefix(10).map { String($0.line) }.joined(separator: ", ") + (unplaced.count > 10 ? ", …" : "")
                throw CompileError(
                    "do-not-call list \(list.path): \(PlainWords.count(unplaced.count, "number")) without a country code "
                    + "(line\(unplaced.count == 1 ? "" : "s") \(lines)) and no default country to read "
                    + "\(unplaced.count == 1 ? "it" : "them") with: write \(unplaced.count == 1 ? "it" : "them") with +, or give "
                    + "the campaign's first list a `country`; until then \(unplaced.count == 1 ? "that number" : "those numbers") "
                    + "could be dialed")
            }
            ignored += loaded.rejected.map { RejectedRow(list: list.path, line: $0.line, reason: $0.reason, text: $0.text) }
            lists.append(loaded.index)
        }
        self.lists = lists
        self.ignoredLines = ignored
        self.prefixes = DNCIndex(numbers: [], prefixes: spec.dncPrefixes.map { $0.filter(\.isNumber) })
        self.store = store
    }

    /// Whether `number` (E.164) may not be called: asked of the lists and of the
    /// opt-out table as it is now, right before a dial.
    func blocks(_ number: String) throws -> Bool {
        try listsBlock(number) || store.isOptedOut(number)
    }

    /// Whether a DNC file or prefix lists `number` (E.164).
    func listsBlock(_ number: String) -> Bool {
        listsBlock(digits: Self.digits(of: number))
    }

    /// Whether a DNC file or prefix lists the number with these E.164 digits.
    func listsBlock(digits: UInt64) -> Bool {
        guard digits > 0 else { return false }
        return prefixes.contains(digits: digits) || lists.contains { $0.contains(digits: digits) }
    }

    /// Whether a DNC file or prefix lists each number (E.164 digits; 0 for none): the answers of
    /// ``listsBlock(digits:)``, looked up together so that their memory reads overlap.
    func listsBlockEach(digits: [UInt64]) -> [Bool] {
        var blocked = [Bool](repeating: false, count: digits.count)
        var found = [Bool](repeating: false, count: digits.count)
        digits.withUnsafeBufferPointer { digits in
            found.withUnsafeMutableBufferPointer { found in
                for index in [prefixes] + lists {
                    index.containsEach(digits: digits, into: found)
                    for item in found.indices where found[item] { blocked[item] = true }
                }
            }
        }
        return blocked
    }

    /// A snapshot for scrubbing many numbers at once (compiling a list): the
    /// opt-out table is read once instead of once per number.
    func snapshot() throws -> DoNotCallSnapshot {
        DoNotCallSnapshot(registry: self, optOuts: Set(try store.allOptOuts().map(Self.digits(of:))))
    }

    /// The digits of an E.164 number as an integer (0 when it has none).
    static func digits(of number: String) -> UInt64 {
        var digits: UInt64 = 0
        for byte in number.utf8 where byte >= 48 && byte <= 57 {
            digits = digits &* 10 &+ UInt64(byte - 48)
        }
        return digits
    }
}

/// The Do-Not-Call sources as they were when it was taken; for compiling lists.
struct DoNotCallSnapshot {
    let registry: DoNotCallRegistry
    /// The opt-out list's numbers as E.164 digits.
    let optOuts: Set<UInt64>

    /// Whether each number (E.164 digits; 0 for none) may not be called: on the opt-out list, or listed
    /// by a DNC file or prefix. For a batch of a list's numbers.
    func blocksEach(digits: [UInt64]) -> [Bool] {
        var blocked = registry.listsBlockEach(digits: digits)
        if !optOuts.isEmpty {
            for index in digits.indices where !blocked[index] && optOuts.contains(digits[index]) { blocked[index] = true }
        }
        return blocked
    }
}
