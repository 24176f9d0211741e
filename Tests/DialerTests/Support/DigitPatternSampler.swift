@testable import Dialer

/// Random numbers a ``DigitPattern`` matches: numbers libphonenumber's metadata calls valid, for tests.
enum DigitPatternSampler {
    static func sample(_ pattern: DigitPattern, using random: inout SeededRandom) -> String {
        switch pattern {
        case .digits(let set):
            let digits = (0..<10).filter { set & (1 << UInt16($0)) != 0 }
            return String(digits.randomElement(using: &random) ?? 0)
        case .sequence(let items):
            return items.map { sample($0, using: &random) }.joined()
        case .choice(let branches):
            return branches.randomElement(using: &random).map { sample($0, using: &random) } ?? ""
        case .repeated(let item, let minimum, let maximum):
            return (0..<Int.random(in: minimum...maximum, using: &random)).map { _ in sample(item, using: &random) }.joined()
        }
    }
}
