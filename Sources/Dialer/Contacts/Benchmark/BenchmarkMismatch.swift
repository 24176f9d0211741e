/// Two ways of computing the same thing in a benchmark disagreed: its figures cannot be trusted.
public struct BenchmarkMismatch: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }
}
