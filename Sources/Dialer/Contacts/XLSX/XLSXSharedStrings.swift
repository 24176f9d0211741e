/// The workbook's shared strings (most text cells point into them by index), read as a stream and kept
/// compact: the UTF-8 of all strings in one array and where each ends, so a table of a million names costs
/// its text and 8 bytes a string, not a million `String` objects. Rich-text runs are joined; phonetic
/// guides (`rPh`) are left out, as Excel shows them.
final class XLSXSharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// No shared strings (a workbook whose text is all inline).
    init() {}

    init(archive: ZipArchive, entry: String) throws(XLSXError) {
        let handler = SharedStringsHandler(into: self)
        try XMLStreamParser.parse(try archive.open(entry), with: handler, path: archive.path)
    }

    var count: Int { ends.count }

    /// The string with this index, nil when there is none.
    func string(at index: Int) -> String? {
        guard index >= 0 && index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self) }
    }

    fileprivate func append(_ text: UnsafePointer<CChar>, count: Int) {
        text.withMemoryRebound(to: UInt8.self, capacity: count) { bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: count)) }
    }

    fileprivate func endString() {
        ends.append(bytes.count)
    }
}

private final class SharedStringsHandler: XMLStreamHandler {
    private let strings: XLSXSharedStrings
    private var inText = false
    private var phoneticDepth = 0

    init(into strings: XLSXSharedStrings) {
        self.strings = strings
    }

    func startElement(_ name: UnsafePointer<CChar>, attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        if XMLName.is(name, "t") {
            inText = phoneticDepth == 0
        } else if XMLName.is(name, "rPh") {
            phoneticDepth += 1
        }
    }

    func endElement(_ name: UnsafePointer<CChar>) {
        if XMLName.is(name, "t") {
            inText = false
        } else if XMLName.is(name, "rPh") {
            phoneticDepth -= 1
        } else if XMLName.is(name, "si") {
            strings.endString()
        }
    }

    func characters(_ text: UnsafePointer<CChar>, count: Int) {
        if inText { strings.append(text, count: count) }
    }
}
