/// Splits a campaign source (UTF-8 bytes) into tokens.
///
/// The lexer never stops: a byte that cannot start a token becomes an
/// `invalid` token and a diagnostic, and lexing goes on after it.
struct Lexer {
    let bytes: [UInt8]
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Every token of the source, ending with one `endOfFile`.
    mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4 + 1)
        // A byte order mark at the start is not part of the text.
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
                continue
            case UInt8(ascii: "\n"):
                index += 1
                tokens.append(Token(kind: .newline, start: start, end: index))
            case UInt8(ascii: "#"):
                index = endOfComment(from: index)
                tokens.append(Token(kind: .comment, start: start, end: index))
            case UInt8(ascii: "\""):
                index = endOfString(from: index)
                tokens.append(Token(kind: .string, start: start, end: index))
            case UInt8(ascii: "{"):
                index += 1
                tokens.append(Token(kind: .leftBrace, start: start, end: index))
            case UInt8(ascii: "}"):
                index += 1
                tokens.append(Token(kind: .rightBrace, start: start, end: index))
            case UInt8(ascii: ","):
                index += 1
                tokens.append(Token(kind: .comma, start: start, end: index))
            case UInt8(ascii: "="):
                index += 1
                tokens.append(Token(kind: .equals, start: start, end: index))
            default:
                let wordEnd = endOfWord(from: index)
                if wordEnd > index {
                    index = wordEnd
                    tokens.append(Token(kind: .word, start: start, end: index))
                } else {
                    index = endOfInvalid(from: index)
                    tokens.append(Token(kind: .invalid, start: start, end: index))
                    report(start, index, id: "invalid-character", "invalid character in campaign file",
                           hint: "campaign files are UTF-8 text; remove the character or put it in a string")
                }
            }
        }
        tokens.append(Token(kind: .endOfFile, start: bytes.count, end: bytes.count))
        return tokens
    }

    private func endOfComment(from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        if index > start, bytes[index - 1] == UInt8(ascii: "\r") { index -= 1 }
        return index
    }

    /// The end of a string starting at its opening quote. An unterminated
    /// string ends at the end of its line.
    private mutating func endOfString(from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return index + 1 }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") {
                let escaped = bytes[index + 1]
                if !Self.escapes.contains(escaped) {
                    report(index, index + 2, id: "invalid-escape", "unknown escape in string",
                           hint: "the escapes are \\\" \\\\ \\n \\t")
                }
                index += 2
                continue
            }
            if isReplacementCharacter(at: index) {
                report(index, index + 3, id: "invalid-character", "invalid UTF-8 in string",
                       hint: "save the file as UTF-8")
                index += 3
            } else if let length = utf8Length(at: index) {
                index += length
            } else {
                report(index, index + 1, id: "invalid-character", "invalid UTF-8 in string", hint: "save the file as UTF-8")
                index += 1
            }
        }
        var end = index
        if end > start + 1, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        report(start, end, id: "unterminated-string", "string is not closed before the end of the line",
               hint: "add a closing `\"`")
        return end
    }

    static let escapes: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "t")]

    /// The end of the bare word starting at `start` (equal to `start` if none starts there).
    private func endOfWord(from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard Self.isWordByte(byte) else { break }
                index += 1
            } else if !isReplacementCharacter(at: index), let length = utf8Length(at: index) {
                index += length
            } else {
                break
            }
        }
        return index
    }

    /// U+FFFD, which stands for bytes that were not UTF-8 when the file was decoded.
    private func isReplacementCharacter(at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD
    }

    /// Printable ASCII other than the punctuation the language uses.
    static func isWordByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "="),
             UInt8(ascii: "\""), UInt8(ascii: "#"):
            return false
        default:
            return true
        }
    }

    /// The end of a run of bytes that start no token.
    private func endOfInvalid(from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count, startsNoToken(at: index) { index += 1 }
        return index
    }

    /// Whether the byte at `index` is a control character or malformed UTF-8.
    private func startsNoToken(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            return (byte < 0x20 && !isSpace) || byte == 0x7F
        }
        return utf8Length(at: index) == nil || isReplacementCharacter(at: index)
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or nil.
    private func utf8Length(at index: Int) -> Int? {
        let first = bytes[index]
        let length: Int
        let low: UInt8
        let high: UInt8
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2; low = 0x80; high = 0xBF
        case 0xE0: length = 3; low = 0xA0; high = 0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3; low = 0x80; high = 0xBF
        case 0xED: length = 3; low = 0x80; high = 0x9F
        case 0xF0: length = 4; low = 0x90; high = 0xBF
        case 0xF1...0xF3: length = 4; low = 0x80; high = 0xBF
        case 0xF4: length = 4; low = 0x80; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }

    private mutating func report(_ start: Int, _ end: Int, id: String, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(
            severity: .error, id: id, message: message,
            range: SourceRange(file: file, start: start, end: end), hint: hint))
    }
}
