/// The keywords a block accepts: which may repeat and which take a `{ … }` block.
struct KeywordTable {
    /// Where these keywords are written, for messages ("in 'hours'").
    let context: String
    let keywords: [String]
    var repeatable: Set<String> = []
    var withBlock: Set<String> = []
    /// Keywords that may have a block or not.
    var optionalBlock: Set<String> = []
}

extension SpecBuilder {
    /// Calls `handle` for each well-formed statement whose keyword `table` knows,
    /// once per keyword unless it may repeat. Unknown keywords, duplicates and
    /// missing or unexpected blocks are reported. Returns the keywords written,
    /// counting a misspelt keyword as the one it resembles and a line the parser
    /// could not read as the keyword it starts with, so that a missing part is
    /// not reported on top of the mistake.
    @discardableResult
    func visit(_ nodes: [Node], _ table: KeywordTable, _ handle: (Node) -> Void) -> Set<String> {
        var seen: [String: Node] = [:]
        var written: Set<String> = []
        for node in nodes {
            let keyword = node.keyword
            if node.statement.isMalformed {
                written.insert(keyword)
                continue
            }
            guard table.keywords.contains(keyword) else {
                let nearest = Suggestion.nearest(to: keyword, in: table.keywords)
                if let nearest { written.insert(nearest) }
                diagnostics.error(
                    "unknown-keyword", "unknown keyword '\(keyword)'", at: node.keywordRange,
                    hint: nearest.map { "did you mean `\($0)`?" }
                        ?? "\(table.context) accepts: \(table.keywords.joined(separator: ", "))")
                continue
            }
            written.insert(keyword)
            if !table.repeatable.contains(keyword), let first = seen[keyword] {
                diagnostics.error(
                    "duplicate", "'\(keyword)' is given twice in \(table.context)", at: node.keywordRange,
                    notes: ["first given at \(describe(first.keywordRange))"], hint: "remove one of them")
                continue
            }
            if seen[keyword] == nil { seen[keyword] = node }
            if !table.optionalBlock.contains(keyword) {
                guard checkBlock(of: node, required: table.withBlock.contains(keyword)) else { continue }
            }
            handle(node)
        }
        return written
    }

    /// Reports a missing or unexpected `{ … }`; returns whether the statement can be read.
    func checkBlock(of node: Node, required: Bool) -> Bool {
        let statement = node.statement
        if required, statement.block == nil {
            let end = SourceRange.point(node.file, statement.end)
            diagnostics.error("missing-block", "'\(node.keyword)' needs a block `{ … }`", at: end,
                              hint: "add `{`, its lines, then `}`")
            return false
        }
        if !required, let block = statement.block {
            diagnostics.error("unexpected-block", "'\(node.keyword)' takes no block",
                              at: SourceRange(file: node.file, start: block.open, end: block.open + 1))
            return false
        }
        return true
    }
}
