/// Reads tokens into statements and blocks by recursive descent.
///
/// The parser never stops at the first error: it reports, synthesises what is
/// missing (a `}` at the end of the file) and resumes at the next statement or
/// block boundary. Every loop checks `LoopProgress`, so it always terminates.
struct Parser {
    /// Blocks nested deeper than this are skipped with one diagnostic, so hostile
    /// input cannot exhaust the stack.
    static let maximumDepth = 32

    private let bytes: [UInt8]
    private let file: String
    private let tokens: [Token]
    private var index = 0
    private(set) var diagnostics: [Diagnostic]
    /// The source with its line table, made when a note first needs a line number.
    private var lineTable: SourceFile?

    /// Parses a whole source.
    static func parse(_ text: String, file: String) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        var lexer = Lexer(bytes: Array(text.utf8), file: file)
        let tokens = lexer.tokenize()
        var parser = Parser(bytes: lexer.bytes, file: file, tokens: tokens, diagnostics: lexer.diagnostics)
        let tree = parser.parseFile()
        return (tree, parser.diagnostics)
    }

    private init(bytes: [UInt8], file: String, tokens: [Token], diagnostics: [Diagnostic]) {
        self.bytes = bytes
        self.file = file
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    private var current: Token { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    // MARK: File and blocks

    private mutating func parseFile() -> SyntaxTree {
        var statements: [Statement] = []
        var progress = LoopProgress()
        var pending = PendingTrivia()
        while current.kind != .endOfFile, progress.advanced(to: index) {
            if collectTrivia(into: &pending) { continue }
            if current.kind == .rightBrace {
                report(current.start, current.end, id: "unmatched-brace", "`}` without a matching `{`",
                       hint: "remove it, or add the `{` it closes")
                advance()
                continue
            }
            statements.append(parseStatement(depth: 0, trivia: &pending))
        }
        return SyntaxTree(file: file, statements: statements, trailingComments: pending.comments,
                          blankLineBeforeTrailingComments: pending.blankLine && !pending.comments.isEmpty)
    }

    /// Comments and line breaks between statements. Returns whether it consumed a token.
    private mutating func collectTrivia(into pending: inout PendingTrivia) -> Bool {
        switch current.kind {
        case .newline:
            pending.newlines += 1
            if pending.newlines >= 2 {
                if pending.comments.isEmpty { pending.blankLine = true } else { pending.blankLineInside = true }
            }
            advance()
            return true
        case .comment:
            if pending.blankLineInside {
                // A blank line between comments: keep the separation by treating
                // earlier comments as their own group above.
                pending.comments.append(Comment(text: "", start: current.start))
                pending.blankLineInside = false
            }
            pending.comments.append(Comment(text: text(of: current), start: current.start))
            pending.newlines = 0
            advance()
            return true
        default:
            return false
        }
    }

    private mutating func parseBlock(depth: Int) -> Block {
        let open = current.start
        advance()  // `{`
        var block = Block(open: open)
        var progress = LoopProgress()
        var pending = PendingTrivia()
        pending.newlines = 1
        if current.kind == .comment {
            block.openComment = Comment(text: text(of: current), start: current.start)
            advance()
        }
        while progress.advanced(to: index) {
            if collectTrivia(into: &pending) { continue }
            if current.kind == .rightBrace {
                block.close = current.start
                advance()
                break
            }
            if current.kind == .endOfFile {
                report(current.start, current.start, id: "missing-brace", "expected `}` before the end of the file",
                       notes: ["the block opened at \(describe(open)) is not closed"], hint: "add `}`")
                break
            }
            block.statements.append(parseStatement(depth: depth, trivia: &pending))
        }
        block.trailingComments = pending.comments
        block.blankLineBeforeTrailingComments = pending.blankLine && !pending.comments.isEmpty
        return block
    }

    /// Skips a block nested too deeply, braces balanced, without recursion.
    private mutating func skipBlock() -> Block {
        let open = current.start
        var depth = 0
        var progress = LoopProgress()
        while current.kind != .endOfFile, progress.advanced(to: index) {
            if current.kind == .leftBrace { depth += 1 }
            if current.kind == .rightBrace {
                depth -= 1
                if depth == 0 {
                    let close = current.start
                    advance()
                    return Block(open: open, close: close)
                }
            }
            advance()
        }
        return Block(open: open, close: nil)
    }

    // MARK: Statements

    private mutating func parseStatement(depth: Int, trivia: inout PendingTrivia) -> Statement {
        let statement = Statement(start: current.start, end: current.end)
        statement.leadingComments = trivia.comments
        statement.blankLineBefore = trivia.blankLine
        if trivia.blankLineInside {
            // Comments separated from the statement by a blank line stay separated.
            statement.leadingComments.append(Comment(text: "", start: current.start))
        }
        trivia = PendingTrivia()

        var progress = LoopProgress()
        argumentLoop: while progress.advanced(to: index) {
            let token = current
            switch token.kind {
            case .word, .string, .comma, .equals, .invalid:
                statement.arguments.append(argument(token))
                statement.end = token.end
                if token.kind == .invalid { statement.isMalformed = true }
                advance()
                if token.kind == .comma { continueAfterComma(statement) }
            case .leftBrace, .newline, .comment, .rightBrace, .endOfFile:
                break argumentLoop
            }
        }

        if statement.keyword == nil, !statement.isMalformed {
            let range = statement.arguments.first.map { ($0.start, $0.end) } ?? (current.start, current.end)
            report(range.0, range.1, id: "expected-keyword", "expected a keyword at the start of the line")
            statement.isMalformed = true
        }

        if current.kind == .leftBrace {
            if depth + 1 > Self.maximumDepth {
                report(current.start, current.end, id: "nesting-too-deep",
                       "blocks are nested more than \(Self.maximumDepth) deep")
                statement.block = skipBlock()
                statement.isMalformed = true
            } else {
                statement.block = parseBlock(depth: depth + 1)
            }
            statement.end = statement.block?.close.map { $0 + 1 } ?? current.start
            endLineAfterBlock()
        }
        if current.kind == .comment {
            statement.trailingComment = Comment(text: text(of: current), start: current.start)
            advance()
        }
        return statement
    }

    /// After a block's `}`: the line must end (or the enclosing block close).
    private mutating func endLineAfterBlock() {
        switch current.kind {
        case .newline, .comment, .rightBrace, .endOfFile:
            return
        default:
            let start = current.start
            var end = current.end
            var progress = LoopProgress()
            while progress.advanced(to: index) {
                switch current.kind {
                case .newline, .comment, .rightBrace, .endOfFile:
                    report(start, end, id: "expected-line-end", "expected the line to end after `}`",
                           hint: "start a new line")
                    return
                default:
                    end = current.end
                    advance()
                }
            }
        }
    }

    /// A comma at the end of a line continues the statement on the next line.
    private mutating func continueAfterComma(_ statement: Statement) {
        var progress = LoopProgress()
        while progress.advanced(to: index) {
            switch current.kind {
            case .comment:
                statement.arguments[statement.arguments.count - 1].comment =
                    Comment(text: text(of: current), start: current.start)
                advance()
            case .newline:
                statement.arguments[statement.arguments.count - 1].breaksLine = true
                advance()
            default:
                return
            }
        }
    }

    private func argument(_ token: Token) -> Argument {
        let kind: Argument.Kind
        let value: String
        switch token.kind {
        case .string:
            kind = .string
            value = decodeString(token)
        case .comma:
            kind = .comma
            value = ","
        case .equals:
            kind = .equals
            value = "="
        case .word:
            kind = .word
            value = text(of: token)
        default:
            kind = .invalid
            value = ""
        }
        return Argument(kind: kind, text: value, start: token.start, end: token.end)
    }

    /// A string token's value: without the quotes, escapes decoded.
    private func decodeString(_ token: Token) -> String {
        var end = token.end
        if end - token.start >= 2, bytes[end - 1] == UInt8(ascii: "\"") { end -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(end - token.start)
        var index = token.start + 1
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                switch bytes[index + 1] {
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                default: out.append(bytes[index + 1])
                }
                index += 2
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func text(of token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    private mutating func describe(_ offset: Int) -> String {
        let table = lineTable ?? SourceFile(path: file, text: String(decoding: bytes, as: UTF8.self))
        lineTable = table
        let location = table.location(of: offset)
        return "\(file):\(location.line):\(location.column)"
    }

    private mutating func report(
        _ start: Int, _ end: Int, id: String, _ message: String, notes: [String] = [], hint: String? = nil
    ) {
        diagnostics.append(Diagnostic(
            severity: .error, id: id, message: message,
            range: SourceRange(file: file, start: start, end: end), notes: notes, hint: hint))
    }
}

/// Comments and blank lines seen since the last statement.
private struct PendingTrivia {
    var comments: [Comment] = []
    var newlines = 0
    var blankLine = false
    var blankLineInside = false
}
