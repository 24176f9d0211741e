/// The parts of a workbook a list needs: its sheets in order with the entries holding them, the date system,
/// and where the styles and the shared strings are. Found the way Office finds them: the package's
/// relationships name the workbook, the workbook's relationships name its parts.
struct XLSXWorkbook {
    /// The sheets in the workbook's order: name, zip entry, and whether the sheet is hidden.
    let sheets: [(name: String, entry: String, hidden: Bool)]
    /// Dates count days from 1904-01-01 (old Mac Excel) instead of 1900-01-00.
    let uses1904Dates: Bool
    let stylesEntry: String?
    let sharedStringsEntry: String?

    init(archive: ZipArchive) throws(XLSXError) {
        let packageRelations = try Self.relationships(of: "", in: archive)
        let workbook = packageRelations.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard archive.contains(workbook) else {
            throw XLSXError(path: archive.path, reason: "it holds no workbook (\(workbook)); is it an Excel file?")
        }
        let folder = workbook.split(separator: "/").dropLast().joined(separator: "/")
        let relations = try Self.relationships(of: workbook, in: archive)
        func entry(_ target: String) -> String {
            target.hasPrefix("/") ? String(target.dropFirst()) : Self.normalized((folder.isEmpty ? "" : folder + "/") + target)
        }
        let handler = WorkbookHandler()
        try XMLStreamParser.parse(try archive.open(workbook), with: handler, path: archive.path)
        let byID = Dictionary(relations.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })
        sheets = handler.sheets.compactMap { sheet in byID[sheet.relation].map { (sheet.name, entry($0), sheet.hidden) } }
        uses1904Dates = handler.uses1904Dates
        stylesEntry = relations.first { $0.type.hasSuffix("/styles") }.map { entry($0.target) }
        sharedStringsEntry = relations.first { $0.type.hasSuffix("/sharedStrings") }.map { entry($0.target) }
    }

    /// `a/b/../c` → `a/c`.
    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The relationships of a part (`""` for the package): `_rels/NAME.rels` beside it.
    private static func relationships(of part: String, in archive: ZipArchive) throws(XLSXError) -> [(id: String, type: String, target: String)] {
        var components = part.split(separator: "/").map(String.init)
        let file = components.popLast() ?? ""
        let entry = (components + ["_rels", file + ".rels"]).joined(separator: "/")
        guard archive.contains(entry) else { return [] }
        let handler = RelationshipsHandler()
        try XMLStreamParser.parse(try archive.open(entry), with: handler, path: archive.path)
        return handler.relations
    }
}

private final class RelationshipsHandler: XMLStreamHandler {
    var relations: [(id: String, type: String, target: String)] = []

    func startElement(_ name: UnsafePointer<CChar>, attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        guard XMLName.is(name, "Relationship"), let id = XMLName.string(attributes, "Id"),
              let target = XMLName.string(attributes, "Target") else { return }
        relations.append((id, XMLName.string(attributes, "Type") ?? "", target))
    }

    func endElement(_ name: UnsafePointer<CChar>) {}
    func characters(_ text: UnsafePointer<CChar>, count: Int) {}
}

private final class WorkbookHandler: XMLStreamHandler {
    var sheets: [(name: String, relation: String, hidden: Bool)] = []
    var uses1904Dates = false

    func startElement(_ name: UnsafePointer<CChar>, attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        if XMLName.is(name, "sheet"), let sheet = XMLName.string(attributes, "name"),
           let relation = XMLName.string(attributes, "id") {
            let state = XMLName.string(attributes, "state")
            sheets.append((sheet, relation, state == "hidden" || state == "veryHidden"))
        } else if XMLName.is(name, "workbookPr"), let value = XMLName.string(attributes, "date1904") {
            uses1904Dates = value == "1" || value == "true"
        }
    }

    func endElement(_ name: UnsafePointer<CChar>) {}
    func characters(_ text: UnsafePointer<CChar>, count: Int) {}
}
