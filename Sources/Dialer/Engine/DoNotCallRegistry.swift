import CampaignDSL
import Foundation

/// Every Do-Not-Call source a campaign must honour (law 1), asked in one place:
/// the campaign's DNC files, its prefix entries, and the internal opt-out list
/// in the store, which grows while the campaign runs.
final class DoNotCallRegistry {
    private let lists: [DNCIndex]
    private let prefixes: DNCIndex
    private let store: CampaignStore

    /// Loads the campaign's DNC files (through the on-disk index cache when given).
    init(spec: CampaignSpec, store: CampaignStore, cacheDirectory: String?) throws {
        var lists: [DNCIndex] = []
        for list in spec.dnc {
            do {
                let loaded = try DNCIndex.load(
                    path: list.path, column: list.column, defaultRegion: spec.lists.first?.defaultCountry,
                    cacheDirectory: cacheDirectory)
                lists.append(loaded.index)
            } catch {
                throw CompileError("do-not-call list \(list.path): \(error)")
            }
        }
        self.lists = lists
        self.prefixes = DNCIndex(numbers: [], prefixes: spec.dncPrefixes.map { $0.filter(\.isNumber) })
        self.store = store
    }

    /// Whether `number` (E.164) may not be called.
    func blocks(_ number: String) throws -> Bool {
        if let digits = UInt64(number.filter(\.isNumber)) {
            if prefixes.contains(digits: digits) { return true }
            if lists.contains(where: { $0.contains(digits: digits) }) { return true }
        }
        return try store.isOptedOut(number)
    }
}
