extension DiagnosticRenderer {
    /// One JSON document: an array of objects with `file`, `line`, `column`,
    /// `end_line`, `end_column`, `severity`, `id`, `message`, `notes` and `hint`
    /// (`null` when there is none). Lines and columns are 1-based.
    public func renderJSON(_ diagnostics: [Diagnostic]) -> String {
        let objects = diagnostics.map { diagnostic -> String in
            let position = span(of: diagnostic.range)
            let notes = diagnostic.notes.map(JSONString.literal).joined(separator: ", ")
            let fields = [
                "\"file\": \(JSONString.literal(diagnostic.range.file))",
                "\"line\": \(position.start.line)",
                "\"column\": \(position.start.column)",
                "\"end_line\": \(position.end.line)",
                "\"end_column\": \(position.end.column)",
                "\"severity\": \(JSONString.literal(diagnostic.severity.rawValue))",
                "\"id\": \(JSONString.literal(diagnostic.id))",
                "\"message\": \(JSONString.literal(diagnostic.message))",
                "\"notes\": [\(notes)]",
                "\"hint\": \(diagnostic.hint.map(JSONString.literal) ?? "null")",
            ]
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
