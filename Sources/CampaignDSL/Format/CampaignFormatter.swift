/// Lays out campaign files the one canonical way: two-space indents, one
/// statement per line, values after a run of keywords aligned, trailing
/// comments aligned, at most one blank line, comments kept.
///
/// Formatting is idempotent: formatting formatted text changes nothing.
public enum CampaignFormatter {
    /// The canonical layout of `source`. A source with syntax errors (which
    /// `CampaignChecker` reports) is returned unchanged, so nothing is lost.
    public static func format(_ source: String) -> String {
        let (tree, diagnostics) = Parser.parse(source, file: "")
        guard diagnostics.isEmpty else { return source }
        var printer = SyntaxPrinter()
        printer.print(tree.statements, trailing: tree.trailingComments,
                      blankBeforeTrailing: tree.blankLineBeforeTrailingComments, depth: 0)
        return printer.output
    }
}
