/// Durations counted in fixed-width bins, for learning a distribution online.
/// Old observations fade (``fade(by:)``) so the distribution follows a campaign's day.
/// Durations still going (a call in progress) can be counted as censored: known only
/// to last at least as long as they have so far (``refresh(censoredAt:)``).
struct DurationHistogram {
    /// Seconds per bin.
    let width: Double
    private var counts: [Double]
    /// `cumulative[i]` is the weight of the bins before bin `i`; rebuilt by ``refresh()``.
    private var cumulative: [Double]
    /// The weight of every observation so far (faded).
    private(set) var total: Double = 0

    /// Bins of `width` seconds up to `limit`; longer durations go in the last bin.
    init(width: Double, limit: Double) {
        self.width = width
        let bins = Int((limit / width).rounded(.up)) + 1
        counts = Array(repeating: 0, count: bins)
        cumulative = Array(repeating: 0, count: bins + 1)
    }

    mutating func add(_ seconds: Double, weight: Double = 1) {
        counts[bin(of: seconds)] += weight
        total += weight
    }

    private func bin(of seconds: Double) -> Int {
        min(counts.count - 1, max(0, Int(seconds / width)))
    }

    /// Multiplies every count by `factor` (< 1: older observations weigh less).
    mutating func fade(by factor: Double) {
        for index in counts.indices { counts[index] *= factor }
        total *= factor
    }

    /// Makes ``weight(atMost:)`` reflect the observations added since the last refresh.
    mutating func refresh() {
        var sum = 0.0
        for index in counts.indices {
            cumulative[index] = sum
            sum += counts[index]
        }
        cumulative[counts.count] = sum
    }

    /// Makes ``share(atMost:)`` the Kaplan–Meier product-limit estimate from the observations and
    /// `censored`, durations still going after these many seconds: in each bin the ended ones are
    /// taken over all still going at its start (a censored one counts as going through its bin).
    /// Without censored durations this is the observations' own distribution. The share still
    /// going after the last ended duration is put in the last bin (it may be long: a careful guess).
    /// ``weight(atMost:)`` keeps the scale of ``total``.
    mutating func refresh(censoredAt censored: [Double]) {
        guard !censored.isEmpty else { return refresh() }
        var censoredCounts = Array(repeating: 0.0, count: counts.count)
        for seconds in censored { censoredCounts[bin(of: seconds)] += 1 }
        let ended = counts.reduce(0, +)
        var atRisk = ended + Double(censored.count)
        var surviving = 1.0
        for index in counts.indices {
            cumulative[index] = ended * (1 - surviving)
            if atRisk > 1e-9 { surviving *= max(0, 1 - counts[index] / atRisk) }
            atRisk -= counts[index] + censoredCounts[index]
        }
        cumulative[counts.count] = ended
    }

    /// The weight of observations of at most `seconds` (linear within a bin), as of the last refresh.
    func weight(atMost seconds: Double) -> Double {
        guard seconds > 0 else { return 0 }
        let position = seconds / width
        guard position < Double(counts.count) else { return cumulative[counts.count] }
        let bin = Int(position)
        return cumulative[bin] + (cumulative[bin + 1] - cumulative[bin]) * (position - Double(bin))
    }

    /// The share of observations of at most `seconds`, as of the last refresh; 0 before any.
    func share(atMost seconds: Double) -> Double {
        let all = cumulative[counts.count]
        return all > 0 ? weight(atMost: seconds) / all : 0
    }

    /// The smallest duration with at least `share` of the observations at or below it, as of the last refresh.
    func quantile(_ share: Double) -> Double {
        let all = cumulative[counts.count]
        guard all > 0 else { return 0 }
        let wanted = share * all
        for bin in counts.indices where cumulative[bin + 1] >= wanted {
            let inBinWeight = cumulative[bin + 1] - cumulative[bin]
            let inBin = inBinWeight > 0 ? (wanted - cumulative[bin]) / inBinWeight : 0
            return (Double(bin) + inBin) * width
        }
        return Double(counts.count) * width
    }
}
