import Foundation

/// A small, fast, seedable generator (SplitMix64). Equal seeds give equal sequences
/// on every platform, which is what makes simulations reproducible.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    /// A generator for one item of a seeded run, e.g. the n-th call to one number:
    /// the same (seed, parts) always gives the same stream, whatever happened before.
    public init(seed: UInt64, mixing parts: UInt64...) {
        var mixed = seed
        for part in parts {
            var generator = SeededRandom(seed: mixed ^ (part &* 0x9E37_79B9_7F4A_7C15))
            mixed = generator.next()
        }
        self.state = mixed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal value (Box–Muller).
    public mutating func normal() -> Double {
        let u1 = max(unit(), .leastNonzeroMagnitude)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    /// A log-normal value with the given mean and coefficient of variation.
    public mutating func logNormal(mean: Double, coefficientOfVariation cv: Double) -> Double {
        guard mean > 0 else { return 0 }
        guard cv > 0 else { return mean }
        let sigmaSquared = log(1 + cv * cv)
        let mu = log(mean) - sigmaSquared / 2
        return exp(mu + sigmaSquared.squareRoot() * normal())
    }

    /// An exponential value with the given mean.
    public mutating func exponential(mean: Double) -> Double {
        -mean * log(max(1 - unit(), .leastNonzeroMagnitude))
    }
}
