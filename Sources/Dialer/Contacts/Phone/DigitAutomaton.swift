/// A deterministic automaton over digits compiled from ``DigitPattern``s, each with a tag: reading a number
/// digit by digit tells, in one pass, which of the patterns match it whole (or which match a prefix of it).
/// This is how the numbering plans of libphonenumber's metadata are checked at millions of numbers a second
/// instead of running each regular expression through ICU.
final class DigitAutomaton: Sendable {
    /// `transitions[state * 10 + digit]`: the next state, -1 when no pattern can match any more.
    private let transitions: [Int32]
    /// The tags whose pattern matches exactly the digits read so far, per state.
    private let accepting: [UInt32]
    /// Per state: how many digits in a row lead on whatever they are (a pattern's `\d{7}`), and the state after
    /// them; the run of a national number jumps over them.
    private let anyDigitRun: [Int32]
    private let afterAnyDigitRun: [Int32]

    /// Compiles the patterns; tags are bit positions (0–31).
    init(_ patterns: [(pattern: DigitPattern, tag: Int)]) {
        var nfa = ThompsonGraph()
        let start = nfa.newState()
        for (pattern, tag) in patterns {
            let branch = nfa.newState()
            nfa.epsilons[start].append(branch)
            let end = nfa.build(pattern, from: branch)
            nfa.accepts[end] |= 1 << UInt32(tag)
        }
        (transitions, accepting) = nfa.determinize(from: start)
        (anyDigitRun, afterAnyDigitRun) = Self.anyDigitRuns(transitions, stateCount: accepting.count)
    }

    /// For each state, the run of states every digit leads on from, and where the run ends (the automaton of a
    /// finite language has no cycles, so each run ends).
    private static func anyDigitRuns(_ transitions: [Int32], stateCount: Int) -> ([Int32], [Int32]) {
        var run = [Int32](repeating: -1, count: stateCount)
        var after = [Int32](repeating: 0, count: stateCount)
        func resolve(_ state: Int) {
            guard run[state] < 0 else { return }
            let next = transitions[state * 10]
            let uniform = next >= 0 && (1..<10).allSatisfy { transitions[state * 10 + $0] == next }
            guard uniform else {
                run[state] = 0
                after[state] = Int32(state)
                return
            }
            resolve(Int(next))
            run[state] = run[Int(next)] + 1
            after[state] = run[Int(next)] > 0 ? after[Int(next)] : next
        }
        for state in 0..<stateCount { resolve(state) }
        return (run, after)
    }

    /// The digits a match can start with, as a bit set (every digit when the empty string matches): a number
    /// starting with none of them needs no run.
    var firstDigits: UInt16 {
        if accepting[0] != 0 { return DigitPattern.anyDigit }
        return (0..<10).reduce(0) { set, digit in transitions[digit] >= 0 ? set | 1 << UInt16(digit) : set }
    }

    /// The tags of the patterns matching all of `digits`.
    func matches(_ digits: DigitString) -> UInt32 {
        transitions.withUnsafeBufferPointer { transitions in
            var state: Int32 = 0
            var index = 0
            let count = digits.count
            while index < count {
                let run = Int(anyDigitRun[Int(state)])
                if run > 0 && index &+ run <= count {
                    state = afterAnyDigitRun[Int(state)]
                    index &+= run
                    continue
                }
                // Every state has 10 entries and digits are 0–9: the index is always in range.
                state = transitions[Int(state) &* 10 &+ Int(digits[index])]
                if state < 0 { return 0 }
                index &+= 1
            }
            return accepting[Int(state)]
        }
    }

    /// The lengths of the prefixes of `digits` (the empty one included) that a pattern matches whole.
    func prefixMatches(_ digits: DigitString) -> PrefixLengths {
        var lengths = PrefixLengths()
        var state: Int32 = 0
        if accepting[0] != 0 { lengths.insert(0) }
        for index in 0..<digits.count {
            state = transitions[Int(state) &* 10 &+ Int(digits[index])]
            if state < 0 { break }
            if accepting[Int(state)] != 0 { lengths.insert(index + 1) }
        }
        return lengths
    }
}

/// A set of prefix lengths (0–31) without allocating.
struct PrefixLengths: Equatable {
    private var bits: UInt32 = 0

    mutating func insert(_ length: Int) { bits |= 1 << UInt32(length) }

    var isEmpty: Bool { bits == 0 }

    /// The lengths other than 0 (an empty match consumes nothing).
    var nonEmpty: PrefixLengths { PrefixLengths(bits: bits & ~1) }

    /// The length when there is exactly one.
    var single: Int? { bits != 0 && bits & (bits - 1) == 0 ? bits.trailingZeroBitCount : nil }

    private init(bits: UInt32) { self.bits = bits }

    init() {}
}

/// The nondeterministic automaton of a pattern (Thompson's construction), and its determinization.
private struct ThompsonGraph {
    var moves: [[(digits: UInt16, target: Int32)]] = []
    var epsilons: [[Int]] = []
    var accepts: [UInt32] = []

    mutating func newState() -> Int {
        moves.append([])
        epsilons.append([])
        accepts.append(0)
        return moves.count - 1
    }

    /// Adds `pattern` starting at `state`; returns the state where it ends.
    mutating func build(_ pattern: DigitPattern, from state: Int) -> Int {
        switch pattern {
        case .digits(let set):
            let end = newState()
            moves[state].append((set, Int32(end)))
            return end
        case .sequence(let items):
            return items.reduce(state) { current, item in build(item, from: current) }
        case .choice(let branches):
            let end = newState()
            for branch in branches {
                let entry = newState()
                epsilons[state].append(entry)
                epsilons[build(branch, from: entry)].append(end)
            }
            return end
        case .repeated(let item, let minimum, let maximum):
            var current = state
            for _ in 0..<minimum { current = build(item, from: current) }
            guard maximum > minimum else { return current }
            let end = newState()
            for _ in minimum..<maximum {
                epsilons[current].append(end)
                current = build(item, from: current)
            }
            epsilons[current].append(end)
            return end
        }
    }

    /// Subset construction: each state of the result is a set of states of this graph.
    func determinize(from start: Int) -> (transitions: [Int32], accepting: [UInt32]) {
        var stateOfSet: [[Int32]: Int32] = [:]
        var sets: [[Int32]] = []
        var transitions: [Int32] = []
        var accepting: [UInt32] = []
        var seen = [Int](repeating: -1, count: moves.count)
        var generation = 0

        func closure(_ seeds: [Int32]) -> [Int32] {
            generation += 1
            var result: [Int32] = []
            var stack = seeds
            while let state = stack.popLast() {
                guard seen[Int(state)] != generation else { continue }
                seen[Int(state)] = generation
                result.append(state)
                for next in epsilons[Int(state)] where seen[next] != generation { stack.append(Int32(next)) }
            }
            return result.sorted()
        }
        func intern(_ set: [Int32]) -> Int32 {
            if let known = stateOfSet[set] { return known }
            let id = Int32(sets.count)
            stateOfSet[set] = id
            sets.append(set)
            accepting.append(set.reduce(0) { $0 | accepts[Int($1)] })
            transitions.append(contentsOf: repeatElement(-1, count: 10))
            return id
        }

        _ = intern(closure([Int32(start)]))
        var next = 0
        while next < sets.count {
            var targets = [[Int32]](repeating: [], count: 10)
            for state in sets[next] {
                for move in moves[Int(state)] {
                    for digit in 0..<10 where move.digits & (1 << UInt16(digit)) != 0 {
                        targets[digit].append(move.target)
                    }
                }
            }
            for digit in 0..<10 where !targets[digit].isEmpty {
                transitions[next * 10 + digit] = intern(closure(targets[digit]))
            }
            next += 1
        }
        return (transitions, accepting)
    }
}
