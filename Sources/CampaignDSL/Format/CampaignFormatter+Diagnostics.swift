extension CampaignFormatter {
    /// The canonical layout of `source` read from `file`, or the syntax errors that
    /// stop it from being formatted (then `text` is nil and nothing should be written).
    public static func format(_ source: String, file: String) -> (text: String?, diagnostics: [Diagnostic], sources: SourceFiles) {
        let (_, diagnostics) = Parser.parse(source, file: file)
        var sources = SourceFiles()
        sources.add(SourceFile(path: file, text: source))
        guard diagnostics.isEmpty else { return (nil, diagnostics, sources) }
        return (format(source), [], sources)
    }
}
