/// What a cell's style says about its number: a date, a time, both, or a plain number. Read from the
/// workbook's styles: each cell format (`cellXfs`) names a number format, built in or written out.
struct XLSXStyles {
    /// How a number is shown.
    enum Kind: Equatable {
        case number
        case date
        case time
        case dateTime
    }

    /// By cell style index (the cell's `s`).
    private let kinds: [Kind]

    /// Every style a plain number (a workbook without styles).
    init() {
        kinds = []
    }

    init(archive: ZipArchive, entry: String) throws(XLSXError) {
        let handler = StylesHandler()
        try XMLStreamParser.parse(try archive.open(entry), with: handler, path: archive.path)
        kinds = handler.formatOfStyle.map { id in
            handler.customFormats[id].map(Self.kind(ofFormat:)) ?? Self.builtInKind(id)
        }
    }

    /// The kind of the style with this index; a plain number when unknown.
    func kind(ofStyle index: Int) -> Kind {
        index >= 0 && index < kinds.count ? kinds[index] : .number
    }

    /// The built-in number formats (ECMA-376 18.8.30, and the East Asian date formats 27–36, 50–58).
    static func builtInKind(_ id: Int) -> Kind {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: .date
        case 18...21, 32...33, 45...47: .time
        case 22: .dateTime
        default: .number
        }
    }

    /// The kind of a written format code, from its date and time letters outside quotes, escapes and
    /// brackets (`[h]:mm` counts as a time; `[Red]` and `[$-409]` do not count).
    static func kind(ofFormat code: String) -> Kind {
        var date = false, time = false
        var inQuotes = false, inBracket = false, escaped = false
        var bracket = ""
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            if inBracket {
                if character == "]" {
                    inBracket = false
                    if !bracket.isEmpty && bracket.allSatisfy({ "hms".contains($0) }) { time = true }
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "\\", "_", "*": escaped = true
            case "[":
                inBracket = true
                bracket = ""
            case ";": return date || time ? combined(date, time) : .number  // the first section decides
            case "y", "d": date = true
            case "h", "s": time = true
            case "m": break  // month or minute: goes with what surrounds it
            default: break
            }
        }
        return combined(date, time)
    }

    private static func combined(_ date: Bool, _ time: Bool) -> Kind {
        switch (date, time) {
        case (true, true): .dateTime
        case (true, false): .date
        case (false, true): .time
        case (false, false): .number
        }
    }
}

private final class StylesHandler: XMLStreamHandler {
    var customFormats: [Int: String] = [:]
    var formatOfStyle: [Int] = []
    private var inCellFormats = false

    func startElement(_ name: UnsafePointer<CChar>, attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        if XMLName.is(name, "numFmt"), let id = XMLName.string(attributes, "numFmtId").flatMap({ Int($0) }) {
            customFormats[id] = XMLName.string(attributes, "formatCode") ?? ""
        } else if XMLName.is(name, "cellXfs") {
            inCellFormats = true
        } else if inCellFormats && XMLName.is(name, "xf") {
            formatOfStyle.append(XMLName.string(attributes, "numFmtId").flatMap { Int($0) } ?? 0)
        }
    }

    func endElement(_ name: UnsafePointer<CChar>) {
        if XMLName.is(name, "cellXfs") { inCellFormats = false }
    }

    func characters(_ text: UnsafePointer<CChar>, count: Int) {}
}
