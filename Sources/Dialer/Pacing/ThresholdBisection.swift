import Foundation

/// Tunes a threshold by bisection so that a measured rate that grows with it (an abandon rate)
/// lands on a target: each step halves the bracket (on a logarithmic scale, since the rate
/// follows the threshold's order of magnitude), and stops once a measurement is within
/// `tolerance` of the target. The ceiling pacer's threshold is tuned this way to the cap's setpoint.
package struct ThresholdBisection {
    /// One measurement: the threshold tried and the rate it gave.
    package struct Step: Sendable {
        package let threshold: Double
        package let rate: Double
    }

    package let target: Double
    package let tolerance: Double
    package let range: ClosedRange<Double>
    package let maximumSteps: Int

    package init(target: Double, tolerance: Double, range: ClosedRange<Double>, maximumSteps: Int) {
        self.target = target
        self.tolerance = tolerance
        self.range = range
        self.maximumSteps = maximumSteps
    }

    /// The steps taken, in order, and the one nearest the target (a rate below it preferred to one
    /// as far above, so the rate aimed at is not exceeded).
    package func run(_ measure: (Double) throws -> Double) rethrows -> (steps: [Step], best: Step) {
        var low = log(range.lowerBound)
        var high = log(range.upperBound)
        var steps: [Step] = []
        repeat {
            let threshold = exp((low + high) / 2)
            let rate = try measure(threshold)
            steps.append(Step(threshold: threshold, rate: rate))
            if abs(rate - target) <= tolerance { break }
            if rate < target { low = log(threshold) } else { high = log(threshold) }
        } while steps.count < max(1, maximumSteps)
        let best = steps.min { distance($0) < distance($1) } ?? steps[0]
        return (steps, best)
    }

    /// How far a step's rate is from the target; a rate above it counts a little further.
    private func distance(_ step: Step) -> Double {
        step.rate > target ? (step.rate - target) * 1.001 : target - step.rate
    }
}
