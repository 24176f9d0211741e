extension SpecBuilder {
    static let listKeywords = KeywordTable(context: "'list'", keywords: ["phone", "name", "country"])

    /// `list "path" { phone column "A", column "B"  name column "N"  country VN }`.
    func readList(_ node: Node) -> ListSpec? {
        var reader = node.reader(diagnostics)
        guard let pathArgument = reader.string("the list's CSV file, in quotes",
                                               hint: "e.g. `list \"lists/contacts.csv\" {`") else { return nil }
        reader.expectEnd()
        let path = PathResolver.resolve(pathArgument.text, relativeTo: node.file)
        let exists = checkFileExists(path, written: pathArgument, in: node, what: "list file")

        var phones: [(String, SourceRange)] = []
        var name: (String, SourceRange)?
        var country: String?
        let seen = visit(node.children, Self.listKeywords) { child in
            switch child.keyword {
            case "phone": phones = readColumns(child)
            case "name": name = readColumns(child, single: true).first
            default: country = readCountry(child)
            }
        }
        if !seen.contains("phone") {
            diagnostics.error("missing-required", "list '\(pathArgument.text)' has no 'phone' columns",
                              at: node.range(of: pathArgument), hint: "add `phone column \"Mobile\"`")
        }
        if exists {
            checkColumns(phones + (name.map { [$0] } ?? []), of: path, written: pathArgument, in: node)
        }
        guard !phones.isEmpty else { return nil }
        return ListSpec(path: path, phoneColumns: phones.map(\.0), nameColumn: name?.0, defaultCountry: country)
    }

    /// `column "A", column "B"`: header names with where they were written.
    func readColumns(_ node: Node, single: Bool = false) -> [(String, SourceRange)] {
        var reader = node.reader(diagnostics)
        let columns = reader.list { reader -> (String, SourceRange)? in
            guard reader.expect("column", hint: "e.g. `\(node.keyword) column \"Mobile\"`"),
                  let name = reader.string("a column name in quotes") else { return nil }
            return (name.text, node.range(of: name))
        }
        if single, columns.count > 1 {
            diagnostics.error("unexpected-value", "'\(node.keyword)' takes one column", at: columns[1].1)
        }
        reader.expectEnd()
        return single ? Array(columns.prefix(1)) : columns
    }

    /// `country VN`.
    func readCountry(_ node: Node) -> String? {
        var reader = node.reader(diagnostics)
        guard let code = reader.word("an ISO country code", hint: "e.g. `country VN`") else { return nil }
        reader.expectEnd()
        return checkCountry(code, in: node)
    }

    func checkCountry(_ code: Argument, in node: Node) -> String? {
        guard Countries.codes.contains(code.text) else {
            let upper = code.text.uppercased()
            diagnostics.error(
                "unknown-country", "unknown country code '\(code.text)'", at: node.range(of: code),
                hint: Countries.codes.contains(upper) ? "did you mean `\(upper)`?"
                    : "use an ISO 3166-1 alpha-2 code, e.g. VN, US, GB")
            return nil
        }
        return code.text
    }

    /// Reports a file the campaign names that does not exist; returns whether it exists.
    func checkFileExists(_ path: String, written: Argument, in node: Node, what: String) -> Bool {
        guard environment.fileExists(atPath: path) else {
            diagnostics.error("file-not-found", "\(what) '\(written.text)' does not exist", at: node.range(of: written),
                              notes: ["looked for '\(path)' (paths are relative to the file that names them)"])
            return false
        }
        return true
    }

    /// Reports columns that are not in the list's header, when the environment can read it.
    func checkColumns(_ columns: [(String, SourceRange)], of path: String, written: Argument, in node: Node,
                      delimiter: UInt8? = nil) {
        let header: [String]?
        do {
            header = try environment.csvHeader(atPath: path, delimiter: delimiter)
        } catch {
            diagnostics.error("unreadable-file", "cannot read the header of list '\(written.text)'",
                              at: node.range(of: written), notes: ["\(error)"])
            return
        }
        guard let header else { return }
        for (column, range) in columns where !header.contains(column) {
            diagnostics.error("unknown-column", "list '\(written.text)' has no column '\(column)'", at: range,
                              notes: ["its columns are: " + header.map { "'\($0)'" }.joined(separator: ", ")],
                              hint: Suggestion.hint(for: column, in: header))
        }
    }
}
