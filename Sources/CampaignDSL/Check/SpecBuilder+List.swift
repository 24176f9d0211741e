extension SpecBuilder {
    static let listKeywords = KeywordTable(
        context: "'list'",
        keywords: ["phone", "name", "field", "country", "timezone", "agent", "priority", "delimiter", "encoding", "sheet",
                   "where", "allow"],
        repeatable: ["field"])

    /// `list "path" { phone column "A", column "B"  name column "N"  country VN … }`.
    func readList(_ node: Node) -> ListSpec? {
        var reader = node.reader(diagnostics)
        guard let pathArgument = reader.string("the list's CSV or Excel file, in quotes",
                                               hint: "e.g. `list \"lists/contacts.csv\" {`") else { return nil }
        reader.expectEnd()
        let path = PathResolver.resolve(pathArgument.text, relativeTo: node.file)
        let exists = checkFileExists(path, written: pathArgument, in: node, what: "list file")

        var list = ListSpec(path: path, phoneColumns: [])
        var columns: [(String, SourceRange)] = []
        var fieldNames: [String: Node] = [:]
        var sheetRange: SourceRange?
        var textOnly: [Node] = []
        let seen = visit(node.children, Self.listKeywords) { child in
            switch child.keyword {
            case "phone":
                let phones = readColumns(child)
                list.phoneColumns = phones.map(\.0)
                columns += phones
            case "name", "agent", "priority", "timezone":
                guard let column = readColumns(child, single: true).first else { return }
                columns.append(column)
                switch child.keyword {
                case "name": list.nameColumn = column.0
                case "agent": list.agentColumn = column.0
                case "priority": list.priorityColumn = column.0
                default: list.timeZoneColumn = column.0
                }
            case "field":
                guard let field = readField(child) else { return }
                if let first = fieldNames[field.name.text] {
                    diagnostics.error("duplicate", "field '\(field.name.text)' is defined twice",
                                      at: child.range(of: field.name), notes: ["first defined at \(describe(first.keywordRange))"])
                    return
                }
                fieldNames[field.name.text] = child
                list.fields.append(ListField(name: field.name.text, column: field.column.0))
                columns.append(field.column)
            case "country":
                let country = readCountry(child)
                list.countryColumn = country.column?.0
                list.defaultCountry = country.code
                columns += country.column.map { [$0] } ?? []
            case "delimiter":
                list.delimiter = readDelimiter(child)
                textOnly.append(child)
            case "encoding":
                list.encoding = readEncoding(child)
                textOnly.append(child)
            case "allow":
                list.allowedCostlyKinds = readAllowedKinds(child)
            case "sheet":
                guard let sheet = readSheet(child, workbook: Self.isWorkbook(path)) else { return }
                list.sheet = sheet.text
                sheetRange = child.range(of: sheet)
            default:
                guard let filter = readFilter(child) else { return }
                list.filter = filter.filter
                columns.append(filter.column)
            }
        }
        if !seen.contains("phone") {
            diagnostics.error("missing-required", "list '\(pathArgument.text)' has no 'phone' columns",
                              at: node.range(of: pathArgument), hint: "add `phone column \"Mobile\"`")
        }
        if Self.isWorkbook(path) {
            for child in textOnly {
                diagnostics.error("conflict", "an Excel list has no '\(child.keyword)': its cells are already text",
                                  at: child.keywordRange, hint: "remove this line")
            }
        }
        var header: [String]?
        if exists {
            header = checkColumns(columns, of: list, written: pathArgument, in: node, sheetRange: sheetRange)
        }
        if let header {
            listHeaders.append((pathArgument.text, header))
            var placeholderColumns = Dictionary(header.map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
            if let name = list.nameColumn { placeholderColumns["name"] = name }
            for field in list.fields { placeholderColumns[field.name] = field.column }
            listPlaceholderColumns.append((pathArgument.text, list, placeholderColumns))
        }
        var fields: Set<String> = ["phone"]
        if list.nameColumn != nil { fields.insert("name") }
        fields.formUnion(list.fields.map(\.name))
        fields.formUnion(header ?? [])
        listFields.append((pathArgument.text, fields))
        return list.phoneColumns.isEmpty ? nil : list
    }

    /// `column "A", column "B"`: header names with where they were written.
    func readColumns(_ node: Node, single: Bool = false) -> [(String, SourceRange)] {
        var reader = node.reader(diagnostics)
        let columns = reader.list { reader in readColumn(&reader, in: node) }
        if single, columns.count > 1 {
            diagnostics.error("unexpected-value", "'\(node.keyword)' takes one column", at: columns[1].1)
        }
        reader.expectEnd()
        return single ? Array(columns.prefix(1)) : columns
    }

    func readColumn(_ reader: inout ArgumentReader, in node: Node) -> (String, SourceRange)? {
        guard reader.expect("column", hint: "e.g. `\(node.keyword) column \"Mobile\"`"),
              let name = reader.string("a column name in quotes") else { return nil }
        return (name.text, node.range(of: name))
    }

    /// `field plan column "Plan"`.
    private func readField(_ node: Node) -> (name: Argument, column: (String, SourceRange))? {
        var reader = node.reader(diagnostics)
        guard let name = reader.word("a field name", hint: "e.g. `field plan column \"Plan\"`") else { return nil }
        checkName(name, in: node, what: "field")
        guard let column = readColumn(&reader, in: node) else { return nil }
        reader.expectEnd()
        return (name, column)
    }

    /// `country VN`, `country column "Country"` or `country column "Country", VN` (the column, else VN).
    private func readCountry(_ node: Node) -> (column: (String, SourceRange)?, code: String?) {
        var reader = node.reader(diagnostics)
        var column: (String, SourceRange)?
        if reader.peek?.text == "column", reader.peek?.kind == .word {
            column = readColumn(&reader, in: node)
            guard reader.acceptComma() else {
                reader.expectEnd()
                return (column, nil)
            }
        }
        guard let code = reader.word("an ISO country code", hint: "e.g. `country VN`") else { return (column, nil) }
        reader.expectEnd()
        return (column, checkCountry(code, in: node))
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

    /// `allow premium, toll-free`: kinds of costly number the list calls anyway.
    private func readAllowedKinds(_ node: Node) -> [CostlyNumberKind] {
        var reader = node.reader(diagnostics)
        let names = CostlyNumberKind.allCases.map(\.rawValue)
        let kinds = reader.list { reader -> CostlyNumberKind? in
            guard let word = reader.word("a kind of number", hint: "kinds: " + names.joined(separator: ", ")) else {
                return nil
            }
            guard let kind = CostlyNumberKind(rawValue: word.text.lowercased()) else {
                diagnostics.error("unknown-value", "unknown kind of number '\(word.text)'", at: node.range(of: word),
                                  hint: Suggestion.hint(for: word.text, in: names) ?? "kinds: " + names.joined(separator: ", "))
                return nil
            }
            return kind
        }
        reader.expectEnd()
        return kinds
    }

    /// `delimiter ";"` or `delimiter tab`: one ASCII character.
    func readDelimiter(_ node: Node) -> UInt8? {
        var reader = node.reader(diagnostics)
        guard let value = reader.next() else {
            reader.report(expected: "a delimiter", hint: "e.g. `delimiter \";\"` or `delimiter tab`")
            return nil
        }
        reader.expectEnd()
        if value.kind == .word, value.text == "tab" { return UInt8(ascii: "\t") }
        let bytes = Array(value.text.utf8)
        guard value.kind == .string, bytes.count == 1, bytes[0] != UInt8(ascii: "\""), bytes[0] != UInt8(ascii: "\n")
        else {
            diagnostics.error("invalid-delimiter", "a delimiter is one ASCII character in quotes, or `tab`",
                              at: node.range(of: value), hint: "e.g. `delimiter \";\"`")
            return nil
        }
        return bytes[0]
    }

    /// `encoding latin-1`.
    private func readEncoding(_ node: Node) -> TextEncodingName? {
        var reader = node.reader(diagnostics)
        let names = TextEncodingName.allCases.map(\.rawValue)
        guard let word = reader.word("an encoding", hint: "encodings: " + names.joined(separator: ", ")) else { return nil }
        reader.expectEnd()
        guard let encoding = TextEncodingName(rawValue: word.text.lowercased()) else {
            diagnostics.error("unknown-value", "unknown encoding '\(word.text)'", at: node.range(of: word),
                              hint: Suggestion.hint(for: word.text, in: names) ?? "encodings: " + names.joined(separator: ", "))
            return nil
        }
        return encoding
    }

    /// Whether a list path names an Excel workbook (`.xlsx`, `.xlsm`), by its extension.
    static func isWorkbook(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
    }

    /// `sheet "Customers"`: the workbook's sheet to read (the first when not given).
    private func readSheet(_ node: Node, workbook: Bool) -> Argument? {
        var reader = node.reader(diagnostics)
        guard let name = reader.string("a sheet name in quotes", hint: "e.g. `sheet \"Customers\"`") else { return nil }
        reader.expectEnd()
        guard workbook else {
            diagnostics.error("conflict", "'sheet' is for Excel lists (.xlsx); this list is a CSV file",
                              at: node.keywordRange, hint: "remove this line")
            return nil
        }
        return name
    }

    /// `where column "Status" is "active"` or `is not "closed"`.
    private func readFilter(_ node: Node) -> (filter: RowFilter, column: (String, SourceRange))? {
        var reader = node.reader(diagnostics)
        guard let column = readColumn(&reader, in: node),
              reader.expect("is", hint: "e.g. `where column \"Status\" is \"active\"`") else { return nil }
        let negated = reader.accept("not")
        guard let value = reader.string("a value in quotes") else { return nil }
        reader.expectEnd()
        return (RowFilter(column: column.0, value: value.text, negated: negated), column)
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

    /// Reports columns that are not in the list's header, when the environment can read it, and a file
    /// that is not text in its encoding or lacks the sheet named. Returns the header.
    func checkColumns(_ columns: [(String, SourceRange)], of list: ListSpec, written: Argument, in node: Node,
                      sheetRange: SourceRange?) -> [String]? {
        let header: [String]?
        do {
            header = try environment.listHeader(list)
        } catch let problem as ListFileProblem {
            report(problem, list: list, written: written, in: node, sheetRange: sheetRange)
            return nil
        } catch {
            diagnostics.error("unreadable-file", "cannot read the header of '\(written.text)'",
                              at: node.range(of: written), notes: ["\(error)"])
            return nil
        }
        guard let header else { return nil }
        for (column, range) in columns where !header.contains(column) {
            diagnostics.error("unknown-column", "'\(written.text)' has no column '\(column)'", at: range,
                              notes: ["its columns are: " + header.map { "'\($0)'" }.joined(separator: ", ")],
                              hint: Suggestion.hint(for: column, in: header))
        }
        return header
    }

    /// A list the environment could not read as described: at the list's line, what to write instead.
    private func report(_ problem: ListFileProblem, list: ListSpec, written: Argument, in node: Node,
                        sheetRange: SourceRange?) {
        switch problem {
        case .notText(let encoding, let line, let likely):
            let declared = list.encoding != nil
            var notes = ["the first bytes that are not \(encoding.title) are on line \(line) of the file"]
            var hint: String
            if node.keyword == "dnc" {
                // A Do-Not-Call file has no `encoding`: it is read as UTF-8.
                if let likely { notes.append("its bytes look like \(likely.title)") }
                hint = "save the file as UTF-8 (CSV UTF-8)"
            } else if let likely {
                notes.append("its bytes look like \(likely.title)")
                hint = declared ? "write `encoding \(likely.rawValue)` instead" : "add `encoding \(likely.rawValue)` to the list"
                if likely == .utf8 { hint = "remove the `encoding` line (the file is UTF-8)" }
            } else {
                hint = "save the file as UTF-8, or name its encoding with `encoding …` ("
                    + TextEncodingName.allCases.map(\.rawValue).joined(separator: ", ") + ")"
            }
            diagnostics.error("wrong-encoding", "'\(written.text)' is not \(encoding.title) text",
                              at: node.range(of: written), notes: notes, hint: hint)
        case .noSheet(let sheet, let sheets):
            diagnostics.error("unknown-sheet", "'\(written.text)' has no sheet '\(sheet)'",
                              at: sheetRange ?? node.range(of: written),
                              notes: ["its sheets are: " + sheets.map { "'\($0)'" }.joined(separator: ", ")],
                              hint: Suggestion.hint(for: sheet, in: sheets))
        }
    }
}
