/// Writes a syntax tree back as text in the canonical layout.
struct SyntaxPrinter {
    private(set) var output = ""
    /// Whether the last line written was empty (or nothing was written yet), so blank lines never double.
    private var atBlank = true

    static let indentUnit = "  "
    /// Continuation lines of a statement broken after a comma are indented this much more.
    static let continuationIndent = "    "
    /// The least space between code and a trailing comment.
    static let commentGap = 2

    mutating func print(_ statements: [Statement], trailing: [Comment], blankBeforeTrailing: Bool, depth: Int) {
        let indent = String(repeating: Self.indentUnit, count: depth)
        let layout = Self.alignment(of: statements)
        for (index, statement) in statements.enumerated() {
            if statement.blankLineBefore, index > 0 { blankLine() }
            for comment in statement.leadingComments {
                if comment.text.isEmpty { blankLine() } else { line(indent + Self.clean(comment)) }
            }
            print(statement, indent: indent, depth: depth, layout: layout[index])
        }
        if !trailing.isEmpty {
            if blankBeforeTrailing, !statements.isEmpty { blankLine() }
            for comment in trailing {
                if comment.text.isEmpty { blankLine() } else { line(indent + Self.clean(comment)) }
            }
        }
    }

    /// How one statement lines up with its neighbours: the keyword's padded
    /// width, the first value's padded width, and the column its trailing comment starts at.
    struct Alignment {
        var keywordWidth = 0
        var valueWidth = 0
        var commentColumn = 0
    }

    private mutating func print(_ statement: Statement, indent: String, depth: Int, layout: Alignment) {
        var text = indent + Self.head(of: statement, layout: layout, indent: indent)
        guard let block = statement.block else {
            line(Self.attach(statement.trailingComment, to: text, column: layout.commentColumn))
            return
        }
        text += " {"
        let isEmpty = block.statements.isEmpty && block.trailingComments.isEmpty && block.openComment == nil
        if isEmpty {
            line(Self.attach(statement.trailingComment, to: text + "}", column: 0))
            return
        }
        line(Self.attach(block.openComment, to: text, column: 0))
        print(block.statements, trailing: block.trailingComments,
              blankBeforeTrailing: block.blankLineBeforeTrailingComments, depth: depth + 1)
        line(Self.attach(statement.trailingComment, to: indent + "}", column: 0))
    }

    /// The keyword and values of a statement, continuation lines included.
    private static func head(of statement: Statement, layout: Alignment, indent: String) -> String {
        var text = ""
        for (index, argument) in statement.arguments.enumerated() {
            switch argument.kind {
            case .comma: text += ","
            case .equals: text += " ="
            default:
                if index == 1 {
                    let width = statement.arguments[0].text.count
                    text += String(repeating: " ", count: max(1, layout.keywordWidth - width + 1))
                } else if index == 2, layout.valueWidth > 0 {
                    let width = render(statement.arguments[1]).count
                    text += String(repeating: " ", count: max(1, layout.valueWidth - width + 1))
                } else if index > 0, !text.hasSuffix("\n" + indent + continuationIndent) {
                    text += " "
                }
                text += render(argument)
            }
            if index == statement.arguments.count - 1 {
                // Nothing follows on the next line: keep the comment, drop the break.
                text = attach(argument.comment, to: text, column: 0)
            } else if argument.breaksLine {
                text = attach(argument.comment, to: text, column: 0) + "\n" + indent + continuationIndent
            }
        }
        return text
    }

    /// A word as written; a string quoted with its escapes.
    static func render(_ argument: Argument) -> String {
        guard argument.kind == .string else { return argument.text }
        var out = "\""
        for scalar in argument.text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Alignment for each statement of a block. A run is a series of statements
    /// without blocks or line breaks, not separated by a blank or comment line.
    /// In a run the values start in one column, and so do the trailing comments;
    /// in consecutive lines of a run with the same keyword and a string after a
    /// name (`ask renew "…"`, `agent an "…"`), the strings start in one column too.
    static func alignment(of statements: [Statement]) -> [Alignment] {
        var result = [Alignment](repeating: Alignment(), count: statements.count)
        var runStart = 0
        func close(_ end: Int) {
            guard end > runStart else { return }
            let run = runStart..<end
            let width = run.filter { statements[$0].arguments.count > 1 }
                .map { statements[$0].arguments[0].text.count }.max() ?? 0
            for index in run { result[index].keywordWidth = width }
            alignValues(in: run)
            let commented = run.filter { statements[$0].trailingComment != nil }
            let column = commented.map { head(of: statements[$0], layout: result[$0], indent: "").count }.max() ?? 0
            for index in run { result[index].commentColumn = column + commentGap }
        }
        func alignValues(in run: Range<Int>) {
            func hasSecondValue(_ statement: Statement) -> Bool {
                statement.arguments.count > 2 && statement.arguments[2].kind == .string
            }
            var start = run.lowerBound
            while start < run.upperBound {
                var end = start + 1
                if hasSecondValue(statements[start]) {
                    while end < run.upperBound, hasSecondValue(statements[end]),
                          statements[end].arguments[0].text == statements[start].arguments[0].text {
                        end += 1
                    }
                }
                if end - start > 1 {
                    let width = (start..<end).map { render(statements[$0].arguments[1]).count }.max() ?? 0
                    for index in start..<end { result[index].valueWidth = width }
                }
                start = end
            }
        }
        for (index, statement) in statements.enumerated() {
            let alignable = statement.block == nil && !statement.arguments.contains { $0.breaksLine }
            if !alignable || statement.blankLineBefore || !statement.leadingComments.isEmpty {
                close(index)
                runStart = alignable ? index : index + 1
            }
        }
        close(statements.count)
        return result
    }

    /// `text`, then the comment starting at `column` characters into the line's
    /// content (at least `commentGap` spaces after it).
    private static func attach(_ comment: Comment?, to text: String, column: Int) -> String {
        guard let comment else { return text }
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        let indentWidth = lastLine.prefix { $0 == " " }.count
        let used = lastLine.count - indentWidth
        let gap = max(commentGap, column - used)
        return text + String(repeating: " ", count: gap) + clean(comment)
    }

    private static func clean(_ comment: Comment) -> String {
        var text = Substring(comment.text)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }

    private mutating func line(_ text: String) {
        output += text + "\n"
        atBlank = false
    }

    private mutating func blankLine() {
        guard !atBlank else { return }
        output += "\n"
        atBlank = true
    }
}
