/// Proves that a parsing loop moves forward: each turn must consume a token.
///
/// Modelled on swift-syntax's `LoopProgressCondition`. A loop asks
/// `advanced(to:)` at the top of every turn; if the position has not moved
/// since the last turn the loop stops instead of spinning forever (and a
/// debug build flags the parser bug).
struct LoopProgress {
    private var last: Int?

    mutating func advanced(to position: Int) -> Bool {
        defer { last = position }
        guard let last else { return true }
        assert(position > last, "parser loop made no progress at token \(position)")
        return position > last
    }
}
