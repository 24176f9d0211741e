/// Prints diagnostics for people (`file:line:col: error: message [id]` and an
/// excerpt) or for tools (JSON).
public struct DiagnosticRenderer {
    let sources: SourceFiles
    let color: Bool

    /// - Parameter color: ANSI colours; the caller decides (a terminal, no `NO_COLOR`).
    public init(sources: SourceFiles, color: Bool) {
        self.sources = sources
        self.color = color
    }

    /// `file:line:col: error: message [id]`, then the source line, a caret and
    /// tildes under the range, the notes and the hint. One blank line between diagnostics.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render(one:)).joined(separator: "\n")
    }

    private func render(one diagnostic: Diagnostic) -> String {
        let position = span(of: diagnostic.range)
        var out = paint("\(diagnostic.range.file):\(position.start.line):\(position.start.column): ", .bold)
        out += paint("\(diagnostic.severity.rawValue):", style(of: diagnostic.severity))
        out += paint(" \(diagnostic.message)", .bold) + " [\(diagnostic.id)]\n"
        if let file = sources[diagnostic.range.file] {
            // A tab shows as one space, so the caret lines up with the character it marks.
            let whole = Array(file.lineText(position.start.line).replacingTabs().unicodeScalars)
            let lineNumber = String(position.start.line)
            let gutter = String(repeating: " ", count: lineNumber.count)
            let startColumn = min(position.start.column, whole.count + 1)
            let endColumn = position.end.line == position.start.line
                ? min(position.end.column, whole.count + 1) : whole.count + 1
            let excerpt = Self.excerpt(of: whole, around: startColumn - 1, width: max(1, endColumn - startColumn))
            let marker = "^" + String(repeating: "~", count: excerpt.markWidth - 1)
            out += "\(gutter) |\n"
            out += "\(lineNumber) | \(excerpt.text)\n"
            out += "\(gutter) | " + String(repeating: " ", count: excerpt.caretOffset)
                + paint(marker, style(of: diagnostic.severity)) + "\n"
        }
        for note in diagnostic.notes {
            out += "  " + paint("note:", .cyan) + " \(note)\n"
        }
        if let hint = diagnostic.hint {
            out += "  " + paint("hint:", .green) + " \(hint)\n"
        }
        return out
    }

    /// The most characters of a source line quoted; a longer line is cut around the caret, with `…` for
    /// what is left out on either side.
    static let excerptWidth = 120

    /// `line` cut to at most ``excerptWidth`` characters around the marked `width` characters from
    /// `start` (0-based), with where the caret now falls and how wide the mark is.
    static func excerpt(of line: [Unicode.Scalar], around start: Int, width: Int)
        -> (text: String, caretOffset: Int, markWidth: Int) {
        guard line.count > excerptWidth else { return (String(String.UnicodeScalarView(line)), start, width) }
        let before = excerptWidth / 3
        let from = max(0, min(start - before, line.count - excerptWidth))
        let to = min(line.count, from + excerptWidth)
        let head = from > 0 ? "…" : ""
        let tail = to < line.count ? "…" : ""
        let text = head + String(String.UnicodeScalarView(line[from..<to])) + tail
        let caret = start - from + head.unicodeScalars.count
        return (text, caret, max(1, min(width, to - start + tail.unicodeScalars.count)))
    }

    func span(of range: SourceRange) -> (start: SourceLocation, end: SourceLocation) {
        guard let file = sources[range.file] else {
            return (SourceLocation(line: 1, column: 1), SourceLocation(line: 1, column: 1))
        }
        return (file.location(of: range.start), file.location(of: range.end))
    }

    private enum Style: String {
        case bold = "1", red = "1;31", yellow = "1;33", cyan = "1;36", green = "1;32"
    }

    private func style(of severity: Diagnostic.Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .note: .cyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// The text with each tab replaced by one space.
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}
