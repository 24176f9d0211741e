/// Turns parsed campaign files into a `CampaignSpec`, reporting every problem on the way.
///
/// Definitions shared through includes (teams, holidays, DNC files) are read
/// first, then the campaign block in a fixed order, so that each part can be
/// checked against the parts it refers to.
final class SpecBuilder {
    let diagnostics: DiagnosticCollector
    let environment: any CampaignEnvironment
    let sources: SourceFiles
    let trees: [SyntaxTree]
    /// The campaign file (the first tree).
    let mainFile: String

    /// Teams defined in any file, with where their names are written.
    var teams: [String: (team: Team, node: Node)] = [:]
    /// Holiday lists defined in any file.
    var holidays: [String: Set<LocalDate>] = [:]
    /// DNC statements written at the top level of any file.
    var sharedDNC: [Node] = []
    /// The built-in profiles and those defined in any file.
    var profiles = ComplianceProfile.builtIn
    /// The campaign's profile, once read.
    var profile = ComplianceProfile.none
    /// The campaign's lists, once read, with the fields templates may use.
    var listFields: [(path: String, fields: Set<String>)] = []
    /// Each list's header, as written and as read, for lists whose header could be read.
    var listHeaders: [(path: String, header: [String])] = []
    /// For lists whose header could be read: where the file is, and the column each message placeholder
    /// (a field, `name`, a header name) reads, for the empty-column warning.
    var listPlaceholderColumns: [(written: String, list: ListSpec, columns: [String: String])] = []
    var dispositions: [Disposition] = []
    var surveys: [Survey] = []

    static let topLevel = KeywordTable(
        context: "a campaign file", keywords: ["campaign", "include", "team", "holidays", "dnc", "profile"],
        repeatable: ["campaign", "include", "team", "holidays", "dnc", "profile"],
        withBlock: ["campaign", "team", "holidays", "profile"],
        optionalBlock: ["dnc"])

    init(trees: [SyntaxTree], sources: SourceFiles, environment: any CampaignEnvironment,
         diagnostics: DiagnosticCollector) {
        self.trees = trees
        self.sources = sources
        self.environment = environment
        self.diagnostics = diagnostics
        self.mainFile = trees.first?.file ?? ""
    }

    /// The campaign's spec, or nil when any error was found.
    func build() -> CampaignSpec? {
        guard !trees.isEmpty else { return nil }
        var campaigns: [Node] = []
        var written: Set<String> = []
        for tree in trees {
            let nodes = tree.statements.map { Node(statement: $0, file: tree.file) }
            written.formUnion(visit(nodes, Self.topLevel) { node in
                switch node.keyword {
                case "campaign": campaigns.append(node)
                case "team": readTeam(node)
                case "holidays": readHolidays(node)
                case "dnc": sharedDNC.append(node)
                case "profile": readProfileDefinition(node)
                default: break  // includes were followed while loading
                }
            })
        }
        let local = campaigns.filter { $0.file == mainFile }
        for node in campaigns where node.file != mainFile {
            diagnostics.error("campaign-in-include", "an included file cannot define a campaign",
                              at: node.keywordRange, hint: "include files hold shared parts: teams, holidays, DNC lists")
        }
        guard let first = local.first else {
            if campaigns.isEmpty, !written.contains("campaign") {
                diagnostics.error("missing-campaign", "no campaign in '\(mainFile)'", at: .point(mainFile, 0),
                                  hint: "a campaign file holds one `campaign NAME { … }` block")
            }
            return nil
        }
        for extra in local.dropFirst() {
            diagnostics.error("duplicate", "a campaign file holds one campaign", at: extra.keywordRange,
                              notes: ["the first starts at \(describe(first.keywordRange))"],
                              hint: "put each campaign in its own file")
        }
        let spec = readCampaign(first)
        return diagnostics.hasErrors ? nil : spec
    }

    /// `file:line:col` of a range, for notes.
    func describe(_ range: SourceRange) -> String {
        guard let file = sources[range.file] else { return range.file }
        let location = file.location(of: range.start)
        return "\(range.file):\(location.line):\(location.column)"
    }

    /// Reports a failed value at `range`.
    func report(_ error: ValueError, at range: SourceRange) {
        diagnostics.error(error.id, error.message, at: range, hint: error.hint)
    }
}
