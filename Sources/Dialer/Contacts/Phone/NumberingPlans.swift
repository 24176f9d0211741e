import Synchronization

/// The numbering plans of every region libphonenumber knows, compiled into ``RegionPlan``s on first use (a
/// region's automaton takes milliseconds to build; a campaign uses a handful of regions).
final class NumberingPlans: Sendable {
    /// The plans of the linked libphonenumber.
    static let shared = NumberingPlans()

    private let metadata: [LibPhoneNumber.RegionMetadata]
    private let indexByRegion: [String: Int]
    /// Whether each code 0–999 is a calling code in use (read without a lock: the parser asks for every digit).
    private let callingCodesInUse: [Bool]
    private let compiled = Mutex<[Int: RegionPlan]>([:])
    private let byCallingCode = Mutex<[Int: [RegionPlan]]>([:])

    private init() {
        metadata = LibPhoneNumber.regions()
        var indexByRegion: [String: Int] = [:]
        for (index, region) in metadata.enumerated() where region.id != Self.nonGeographicRegion {
            indexByRegion[region.id] = index
        }
        self.indexByRegion = indexByRegion
        var inUse = [Bool](repeating: false, count: 1_000)
        for region in metadata where (1..<1_000).contains(region.callingCode) { inUse[region.callingCode] = true }
        callingCodesInUse = inUse
    }

    /// The region id libphonenumber gives non-geographic calling codes (+800, +882…).
    static let nonGeographicRegion = "001"

    /// The plan of an ISO 3166-1 alpha-2 region (any case), nil when the library has none.
    func plan(forRegion region: String) -> RegionPlan? {
        (indexByRegion[region] ?? indexByRegion[region.uppercased()]).map(plan(at:))
    }

    /// The plans sharing a calling code in the order the library tries them (main region first); empty when the
    /// code is not in use.
    func plans(callingCode: Int) -> [RegionPlan] {
        if let known = byCallingCode.withLock({ $0[callingCode] }) { return known }
        let plans = LibPhoneNumber.regionIndexes(callingCode: callingCode).map(plan(at:))
        byCallingCode.withLock { $0[callingCode] = plans }
        return plans
    }

    /// The main region's plan of a calling code.
    func mainPlan(callingCode: Int) -> RegionPlan? {
        plans(callingCode: callingCode).first
    }

    /// Whether a calling code is in use.
    func isCallingCode(_ code: Int) -> Bool {
        code > 0 && code < callingCodesInUse.count && callingCodesInUse[code]
    }

    private func plan(at index: Int) -> RegionPlan {
        if let known = compiled.withLock({ $0[index] }) { return known }
        let region = metadata[index]
        let siblings = LibPhoneNumber.regionIndexes(callingCode: region.callingCode)
        let plan = RegionPlan(region, isMainRegion: siblings.first == index, sharesCallingCode: siblings.count > 1)
        compiled.withLock { $0[index] = plan }
        return plan
    }
}
