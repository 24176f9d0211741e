extension SpecBuilder {
    static let dncFileKeywords = KeywordTable(context: "'dnc'", keywords: ["column", "delimiter"])

    /// `dnc [national] "path" [{ column "Phone"  delimiter ";" }]` or `dnc prefix +1900, +84190`.
    func readDNC(_ node: Node, into lists: inout [DNCList], prefixes: inout [String]) {
        var reader = node.reader(diagnostics)
        if reader.accept("prefix") {
            _ = checkBlock(of: node, required: false)
            prefixes += reader.list { reader -> String? in
                guard let word = reader.word("a number prefix", hint: "e.g. `+1900`") else { return nil }
                let digits = word.text.dropFirst()
                guard word.text.hasPrefix("+"), !digits.isEmpty, digits.count <= 15,
                      digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    diagnostics.error("invalid-phone-number", "'\(word.text)' is not an international number prefix",
                                      at: node.range(of: word), hint: "write `+`, the country code and the first digits")
                    return nil
                }
                return word.text
            }
            reader.expectEnd()
            return
        }
        let national = reader.accept("national")
        guard let pathArgument = reader.string(
            "a do-not-call file in quotes", hint: "e.g. `dnc \"dnc/opt-outs.txt\"` or `dnc prefix +1900`")
        else { return }
        reader.expectEnd()
        let path = PathResolver.resolve(pathArgument.text, relativeTo: node.file)
        let exists = checkFileExists(path, written: pathArgument, in: node, what: "do-not-call file")
        var list = DNCList(path: path, isNationalRegister: national)
        var columnRange: SourceRange?
        if node.statement.block != nil {
            visit(node.children, Self.dncFileKeywords) { child in
                if child.keyword == "column" {
                    var reader = child.reader(diagnostics)
                    guard let name = reader.string("a column name in quotes") else { return }
                    reader.expectEnd()
                    list.column = name.text
                    columnRange = child.range(of: name)
                } else {
                    list.delimiter = readDelimiter(child)
                }
            }
        }
        if exists, let column = list.column, let columnRange {
            // Read as a CSV list of one column: the same reader compiles it.
            _ = checkColumns([(column, columnRange)], of: ListSpec(path: path, phoneColumns: [column], delimiter: list.delimiter),
                             written: pathArgument, in: node, sheetRange: nil)
        }
        lists.append(list)
    }
}
