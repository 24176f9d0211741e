/// Reads a campaign file and, through its `include` statements, the files it includes.
final class SourceLoader {
    private let environment: any CampaignEnvironment
    private let diagnostics: DiagnosticCollector
    private(set) var sources = SourceFiles()
    /// The parsed files, the campaign file first, each once.
    private(set) var trees: [SyntaxTree] = []
    private var loaded: Set<String> = []

    /// Include chains longer than this are cut off with a diagnostic.
    static let maximumDepth = 32

    init(environment: any CampaignEnvironment, diagnostics: DiagnosticCollector) {
        self.environment = environment
        self.diagnostics = diagnostics
    }

    /// Loads the campaign file and everything it includes.
    func loadCampaign(at path: String) {
        guard let text = read(path, onFailure: { reason in
            self.diagnostics.error("unreadable-file", "cannot read campaign file '\(path)'",
                                   at: .point(path, 0), notes: [reason])
        }) else { return }
        load(text, path: path, stack: [path])
    }

    private func load(_ text: String, path: String, stack: [String]) {
        loaded.insert(path)
        sources.add(SourceFile(path: path, text: text))
        let (tree, parseDiagnostics) = Parser.parse(text, file: path)
        diagnostics.append(contentsOf: parseDiagnostics)
        trees.append(tree)
        for statement in tree.statements where statement.keyword?.text == "include" && !statement.isMalformed {
            include(Node(statement: statement, file: path), stack: stack)
        }
    }

    private func include(_ node: Node, stack: [String]) {
        var reader = node.reader(diagnostics)
        guard let argument = reader.string("the path of the file to include, in quotes") else { return }
        reader.expectEnd()
        let path = PathResolver.normalize(PathResolver.resolve(argument.text, relativeTo: node.file))
        if let cycleStart = stack.firstIndex(of: path) {
            let chain = (stack[cycleStart...] + [path]).joined(separator: " includes ")
            diagnostics.error("include-cycle", "'\(argument.text)' includes this file again",
                              at: node.range(of: argument), notes: [chain],
                              hint: "move what both files need into a third file that both include")
            return
        }
        if loaded.contains(path) { return }
        guard stack.count < Self.maximumDepth else {
            diagnostics.error("include-too-deep", "includes are nested more than \(Self.maximumDepth) files deep",
                              at: node.range(of: argument))
            return
        }
        guard let text = read(path, onFailure: { reason in
            self.diagnostics.error("file-not-found", "cannot read included file '\(argument.text)'",
                                   at: node.range(of: argument), notes: [reason])
        }) else { return }
        load(text, path: path, stack: stack + [path])
    }

    private func read(_ path: String, onFailure: (String) -> Void) -> String? {
        do {
            return try environment.readSource(atPath: path)
        } catch let error as SourceReadError {
            onFailure(error.reason)
            return nil
        } catch {
            onFailure(environment.fileExists(atPath: path) ? "the file exists but cannot be read" : "no file at '\(path)'")
            return nil
        }
    }
}
