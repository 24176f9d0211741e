/// A statement and the file it was read from.
struct Node {
    let statement: Statement
    let file: String

    var keyword: String { statement.keyword?.text ?? "" }

    /// The keyword's range, where most diagnostics about the statement point.
    var keywordRange: SourceRange {
        let keyword = statement.keyword ?? statement.arguments.first
        return SourceRange(file: file, start: keyword?.start ?? statement.start, end: keyword?.end ?? statement.end)
    }

    /// The children of the statement's block (empty without a block).
    var children: [Node] {
        (statement.block?.statements ?? []).map { Node(statement: $0, file: file) }
    }

    func range(of argument: Argument) -> SourceRange {
        SourceRange(file: file, start: argument.start, end: argument.end)
    }

    /// A reader over the values after the keyword.
    func reader(_ diagnostics: DiagnosticCollector) -> ArgumentReader {
        ArgumentReader(node: self, diagnostics: diagnostics)
    }
}
