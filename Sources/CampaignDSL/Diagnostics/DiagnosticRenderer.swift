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
            let line = file.lineText(position.start.line).replacingTabs()
            let lineNumber = String(position.start.line)
            let gutter = String(repeating: " ", count: lineNumber.count)
            out += "\(gutter) |\n"
            out += "\(lineNumber) | \(line)\n"
            let lineLength = line.unicodeScalars.count
            let startColumn = min(position.start.column, lineLength + 1)
            let endColumn = position.end.line == position.start.line
                ? min(position.end.column, lineLength + 1) : lineLength + 1
            let width = max(1, endColumn - startColumn)
            let marker = "^" + String(repeating: "~", count: width - 1)
            out += "\(gutter) | " + String(repeating: " ", count: startColumn - 1)
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
