/// A regular expression over digits in the subset libphonenumber's metadata uses: digits, `\d`, character classes
/// (`[2-9]`, `[0-24-8]`), groups (`(?:…)` and capturing `(…)`), alternation, `?` and bounded repetition
/// (`{n}`, `{n,m}`). Parsed into a tree so ``DigitAutomaton`` can compile it.
indirect enum DigitPattern: Equatable, Sendable {
    /// One digit out of a set (bit d set: digit d).
    case digits(UInt16)
    /// One after another.
    case sequence([DigitPattern])
    /// Any one of them.
    case choice([DigitPattern])
    /// Between `minimum` and `maximum` times.
    case repeated(DigitPattern, minimum: Int, maximum: Int)

    /// Every digit.
    static let anyDigit: UInt16 = 0x3FF

    /// Parses `text`; nil for anything outside the subset (anchors, `*`, `+`, letters), which callers leave to
    /// the library itself.
    init?(_ text: String) {
        var parser = Parser(bytes: Array(text.utf8))
        guard let pattern = parser.alternation(), parser.position == parser.bytes.count else { return nil }
        self = pattern
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func alternation() -> DigitPattern? {
            var branches: [DigitPattern] = []
            while true {
                guard let branch = sequence() else { return nil }
                branches.append(branch)
                guard current == UInt8(ascii: "|") else { break }
                position += 1
            }
            return branches.count == 1 ? branches[0] : .choice(branches)
        }

        private mutating func sequence() -> DigitPattern? {
            var items: [DigitPattern] = []
            while let byte = current, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                guard let atom = atom(), let item = quantified(atom) else { return nil }
                items.append(item)
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        private mutating func atom() -> DigitPattern? {
            guard let byte = current else { return nil }
            position += 1
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .digits(1 << UInt16(byte - UInt8(ascii: "0")))
            case UInt8(ascii: "\\"):
                guard current == UInt8(ascii: "d") else { return nil }
                position += 1
                return .digits(DigitPattern.anyDigit)
            case UInt8(ascii: "["):
                return characterClass()
            case UInt8(ascii: "("):
                if current == UInt8(ascii: "?") {
                    guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ":") else { return nil }
                    position += 2
                }
                guard let inner = alternation(), current == UInt8(ascii: ")") else { return nil }
                position += 1
                return inner
            default:
                return nil
            }
        }

        private mutating func characterClass() -> DigitPattern? {
            var set: UInt16 = 0
            while let byte = current, byte != UInt8(ascii: "]") {
                position += 1
                guard let low = Self.digit(byte) else { return nil }
                if current == UInt8(ascii: "-"), position + 1 < bytes.count, let high = Self.digit(bytes[position + 1]) {
                    guard low <= high else { return nil }
                    for digit in low...high { set |= 1 << UInt16(digit) }
                    position += 2
                } else {
                    set |= 1 << UInt16(low)
                }
            }
            guard current == UInt8(ascii: "]"), set != 0 else { return nil }
            position += 1
            return .digits(set)
        }

        private mutating func quantified(_ atom: DigitPattern) -> DigitPattern? {
            switch current {
            case UInt8(ascii: "?"):
                position += 1
                return .repeated(atom, minimum: 0, maximum: 1)
            case UInt8(ascii: "{"):
                position += 1
                guard let minimum = number() else { return nil }
                var maximum = minimum
                if current == UInt8(ascii: ",") {
                    position += 1
                    guard let value = number() else { return nil }
                    maximum = value
                }
                guard current == UInt8(ascii: "}"), minimum <= maximum, maximum <= 20 else { return nil }
                position += 1
                return .repeated(atom, minimum: minimum, maximum: maximum)
            case UInt8(ascii: "*"), UInt8(ascii: "+"):
                return nil
            default:
                return atom
            }
        }

        private mutating func number() -> Int? {
            var value: Int?
            while let byte = current, let digit = Self.digit(byte) {
                value = (value ?? 0) * 10 + digit
                position += 1
            }
            return value
        }

        private static func digit(_ byte: UInt8) -> Int? {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
        }
    }
}
