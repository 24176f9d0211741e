/// A `#` comment, kept so the formatter can put it back. An empty text marks
/// a blank line between comments.
struct Comment {
    /// The comment's text, from `#` to the end of the line.
    let text: String
    let start: Int
}

/// One value of a statement: a word, a string, or the punctuation between values.
struct Argument {
    enum Kind: Sendable, Hashable {
        case word, string, comma, equals, invalid
    }

    let kind: Kind
    /// A word's text or a string's value (escapes decoded); the punctuation itself otherwise.
    let text: String
    let start: Int
    let end: Int
    /// The source continues on a new line after this argument (only after a comma).
    var breaksLine = false
    /// A comment at the end of the line this argument ends, when the statement goes on after it.
    var comment: Comment?
}

/// `keyword argument… [{ statement… }]`: the one shape of every line of a campaign file.
///
/// A class, so the checker passes statements around without copying their
/// arguments; only the parser changes one, while building it.
final class Statement {
    /// The keyword and its values, in source order; the keyword is the first (a word).
    var arguments: [Argument]
    var block: Block?
    /// Comments on the lines just above the statement.
    var leadingComments: [Comment] = []
    /// A comment at the end of the statement's last line.
    var trailingComment: Comment?
    /// The source has an empty line above the statement (and its comments).
    var blankLineBefore = false
    /// The statement holds an invalid token or cannot be read: checks skip it, as the parser reported it.
    var isMalformed = false
    let start: Int
    var end: Int

    init(start: Int, end: Int) {
        self.arguments = []
        self.start = start
        self.end = end
    }

    /// The keyword, when the statement starts with a word.
    var keyword: Argument? {
        guard let first = arguments.first, first.kind == .word else { return nil }
        return first
    }

    /// The values after the keyword.
    var values: ArraySlice<Argument> { arguments.dropFirst() }
}

/// `{ statement… }`.
struct Block {
    var statements: [Statement] = []
    /// A comment on the line of `{`, after it.
    var openComment: Comment?
    /// Comments after the last statement, before `}`.
    var trailingComments: [Comment] = []
    /// A blank line separates the last statement from the trailing comments.
    var blankLineBeforeTrailingComments = false
    let open: Int
    /// The offset of `}`, or nil when the file ended first.
    var close: Int?
}

/// A parsed campaign or include file.
struct SyntaxTree {
    let file: String
    var statements: [Statement]
    /// Comments after the last statement.
    var trailingComments: [Comment]
    var blankLineBeforeTrailingComments: Bool
}
