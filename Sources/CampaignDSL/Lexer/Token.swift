/// The kinds of token in a campaign file.
enum TokenKind: Sendable, Hashable {
    /// A bare word: keywords, names, numbers, times, durations, zones.
    case word
    /// A double-quoted string (the token covers the quotes).
    case string
    case leftBrace
    case rightBrace
    case comma
    case equals
    /// A `#` comment, up to the end of the line (without the line break).
    case comment
    case newline
    /// Bytes that cannot start any token (invalid UTF-8, control characters).
    case invalid
    case endOfFile
}

/// One token: a kind and its bytes `start ..< end` in the source.
struct Token: Sendable, Hashable {
    let kind: TokenKind
    let start: Int
    let end: Int
}
