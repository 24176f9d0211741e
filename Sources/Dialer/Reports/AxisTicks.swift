import Foundation

/// The gridlines of a chart's value axis: a round step (1, 2, 2.5 or 5 times a power of ten),
/// at most `maximumIntervals` of them from 0 to the first tick at or above the largest value, and
/// how many decimals the labels need to show every tick exactly (`0.25` needs two: never "0.3").
struct AxisTicks: Equatable {
    let step: Double
    /// From 0 up, the last at or above the largest value.
    let values: [Double]
    /// Decimals needed to write every value exactly.
    let decimals: Int

    /// The top of the axis.
    var top: Double { values.last ?? 1 }

    /// Ticks for values up to `maximum`; `integral` for counts (no step under 1, no 2.5).
    init(maximum: Double, integral: Bool = false, maximumIntervals: Int = 5) {
        let maximum = maximum.isFinite && maximum > 0 ? maximum : 1
        var exponent = Int((log10(maximum / Double(maximumIntervals))).rounded(.down)) - 1
        var chosen: (step: Double, decimals: Int)?
        while chosen == nil {
            for multiple in [10, 20, 25, 50] {
                // The step is multiple × 10^(exponent - 1): kept as integers to count decimals exactly.
                let power = exponent - 1
                let step = Double(multiple) * pow(10, Double(power))
                if integral && (step < 1 || step != step.rounded()) { continue }
                guard (maximum / step - 1e-9).rounded(.up) <= Double(maximumIntervals) else { continue }
                var decimals = max(0, -power)
                var digits = multiple
                while decimals > 0 && digits % 10 == 0 {
                    digits /= 10
                    decimals -= 1
                }
                chosen = (step, decimals)
                break
            }
            exponent += 1
        }
        let (step, decimals) = chosen ?? (1, 0)
        let intervals = max(1, Int((maximum / step - 1e-9).rounded(.up)))
        self.step = step
        self.decimals = decimals
        // Each value from its integer count of steps, rounded to its decimals, so 3 × 0.1 is 0.3.
        let scale = pow(10, Double(decimals))
        values = (0...intervals).map { (Double($0) * step * scale).rounded() / scale }
    }
}
