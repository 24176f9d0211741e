extension DiagnosticRenderer {
    /// One JSON document: an array of objects with `file`, `line`, `column`,
    /// `end_line`, `end_column`, `severity`, `id`, `message`, `notes` and `hint`
    /// (`null` when there is none). Lines and columns are 1-based.
    public func renderJSON(_ diagnostics: [Diagnostic]) -> String {
        let objects = diagnostics.map { diagnostic -> String in
            let position = span(of: diagnostic.range)
            let notes = diagnostic.notes.map(Self.quoted).joined(separator: ", ")
            let fields = [
                "\"file\": \(Self.quoted(diagnostic.range.file))",
                "\"line\": \(position.start.line)",
                "\"column\": \(position.start.column)",
                "\"end_line\": \(position.end.line)",
                "\"end_column\": \(position.end.column)",
                "\"severity\": \(Self.quoted(diagnostic.severity.rawValue))",
                "\"id\": \(Self.quoted(diagnostic.id))",
                "\"message\": \(Self.quoted(diagnostic.message))",
                "\"notes\": [\(notes)]",
                "\"hint\": \(diagnostic.hint.map(Self.quoted) ?? "null")",
            ]
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
