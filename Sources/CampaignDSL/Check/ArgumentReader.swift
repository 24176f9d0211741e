/// Reads a statement's values left to right, reporting what is missing or unexpected.
struct ArgumentReader {
    let node: Node
    let diagnostics: DiagnosticCollector
    private var position = 1

    init(node: Node, diagnostics: DiagnosticCollector) {
        self.node = node
        self.diagnostics = diagnostics
    }

    private var arguments: [Argument] { node.statement.arguments }

    var isAtEnd: Bool { position >= arguments.count }

    /// The next value, not consumed.
    var peek: Argument? { isAtEnd ? nil : arguments[position] }

    /// The empty range just after the last value read, where a missing value belongs.
    var missingRange: SourceRange {
        let previous = arguments[max(0, min(position, arguments.count) - 1)]
        return SourceRange.point(node.file, previous.end)
    }

    mutating func next() -> Argument? {
        guard let argument = peek else { return nil }
        position += 1
        return argument
    }

    /// The next value if it is a word; otherwise reports "expected `what`".
    /// Hints are built only when reported.
    mutating func word(_ what: String, hint: @autoclosure () -> String? = nil) -> Argument? {
        take(.word, what, hint: hint)
    }

    /// The next value if it is a string; otherwise reports "expected `what`".
    mutating func string(_ what: String, hint: @autoclosure () -> String? = nil) -> Argument? {
        take(.string, what, hint: hint)
    }

    /// Consumes the word `text` if it comes next.
    mutating func accept(_ text: String) -> Bool {
        guard let argument = peek, argument.kind == .word, argument.text == text else { return false }
        position += 1
        return true
    }

    /// Consumes a comma if it comes next.
    mutating func acceptComma() -> Bool {
        guard peek?.kind == .comma else { return false }
        position += 1
        return true
    }

    /// Consumes `=` if it comes next.
    mutating func acceptEquals() -> Bool {
        guard peek?.kind == .equals else { return false }
        position += 1
        return true
    }

    /// Requires the word `text` next.
    mutating func expect(_ text: String, hint: @autoclosure () -> String? = nil) -> Bool {
        if accept(text) { return true }
        report(expected: "`\(text)`", hint: hint())
        return false
    }

    /// Reads one or more items separated by commas, keeping those `item` returns
    /// (nil for an item it reported). Reading goes on while a comma follows.
    mutating func list<T>(_ item: (inout ArgumentReader) -> T?) -> [T] {
        var items: [T] = []
        var progress = LoopProgress()
        while progress.advanced(to: position) {
            if let value = item(&self) { items.append(value) }
            guard acceptComma() else { break }
        }
        return items
    }

    /// Reports any values left over.
    mutating func expectEnd() {
        guard let argument = peek else { return }
        let last = arguments[arguments.count - 1]
        diagnostics.error(
            "unexpected-value", "unexpected \(describe(argument)) after '\(node.keyword)'",
            at: SourceRange(file: node.file, start: argument.start, end: last.end),
            hint: "remove it, or start a new line")
        position = arguments.count
    }

    /// Reports that `what` was expected where the reader stands, and skips the rest.
    mutating func report(expected what: String, hint: String? = nil) {
        if let argument = peek {
            diagnostics.error("expected-value", "expected \(what), found \(describe(argument))",
                              at: node.range(of: argument), hint: hint)
        } else {
            diagnostics.error("expected-value", "expected \(what) after \(describe(arguments[arguments.count - 1]))",
                              at: missingRange, hint: hint)
        }
        position = arguments.count
    }

    private mutating func take(_ kind: Argument.Kind, _ what: String, hint: () -> String?) -> Argument? {
        guard let argument = peek, argument.kind == kind else {
            report(expected: what, hint: hint())
            return nil
        }
        position += 1
        return argument
    }

    private func describe(_ argument: Argument) -> String {
        switch argument.kind {
        case .word: "'\(argument.text)'"
        case .string: "a string"
        case .comma: "`,`"
        case .equals: "`=`"
        case .invalid: "an invalid character"
        }
    }
}
