import Foundation

/// A log-normal distribution given by its mean and coefficient of variation, as the simulated
/// network draws durations (``SeededRandom/logNormal(mean:coefficientOfVariation:)``).
struct LogNormalDistribution {
    let mean: Double
    private let mu: Double
    private let sigma: Double

    init(mean: Double, coefficientOfVariation cv: Double) {
        self.mean = mean
        let sigmaSquared = log(1 + cv * cv)
        mu = log(max(mean, 1e-9)) - sigmaSquared / 2
        sigma = sigmaSquared.squareRoot()
    }

    /// P(X ≤ x); a step at the mean when the variation is zero.
    func cdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        guard sigma > 1e-12 else { return x >= mean ? 1 : 0 }
        return 0.5 * erfc(-(log(x) - mu) / (sigma * 2.squareRoot()))
    }

    /// The values at the middle of `count` equal slices of probability: a discrete stand-in for
    /// the distribution when it is added to another duration.
    func quantiles(_ count: Int) -> [Double] {
        guard sigma > 1e-12 else { return [mean] }
        return (0..<count).map { index in
            let share = (Double(index) + 0.5) / Double(count)
            return exp(mu + sigma * Self.normalQuantile(share))
        }
    }

    /// The standard normal quantile, by bisection on erfc (precise to 1e-10; used only when tables are built).
    static func normalQuantile(_ share: Double) -> Double {
        var low = -10.0
        var high = 10.0
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if 0.5 * erfc(-middle / 2.squareRoot()) < share { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
