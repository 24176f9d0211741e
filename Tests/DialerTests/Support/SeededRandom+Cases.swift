@testable import Dialer

/// What the generated test cases draw from the simulator's seeded generator besides its distributions.
extension SeededRandom {
    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// A string of random Unicode scalars from several planes (including NUL and combining marks).
    mutating func unicodeString(maxLength: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int(next() % UInt64(maxLength + 1)) {
            let ranges: [ClosedRange<UInt32>] = [0x0...0x7F, 0x80...0x7FF, 0x1E00...0x1EFF, 0x4E00...0x9FFF, 0x1F300...0x1FAFF]
            let range = ranges[Int(next() % UInt64(ranges.count))]
            let value = range.lowerBound + UInt32(next() % UInt64(range.count))
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
