import CExpat

/// What a streaming XML parse reports, as Expat does: names and text as C strings valid only during the call.
protocol XMLStreamHandler: AnyObject {
    /// An element opens; `attributes` holds name, value, name, value… and ends with nil.
    func startElement(_ name: UnsafePointer<CChar>, attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>)
    func endElement(_ name: UnsafePointer<CChar>)
    /// Text (entities decoded), possibly in several pieces.
    func characters(_ text: UnsafePointer<CChar>, count: Int)
}

/// Expat's push parser: bytes go in as they are read, the handler hears each element as it closes. No DTD or
/// external entity is ever loaded.
final class XMLStreamParser {
    private let parser: XML_Parser
    private let handler: any XMLStreamHandler
    /// What the parse of `name` failed on is reported against.
    private let name: String

    init(handler: any XMLStreamHandler, name: String) {
        self.handler = handler
        self.name = name
        parser = XML_ParserCreate(nil)
        XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
        XML_SetElementHandler(parser, { data, name, attributes in
            guard let data, let name, let attributes else { return }
            Unmanaged<XMLStreamParser>.fromOpaque(data).takeUnretainedValue().handler
                .startElement(name, attributes: attributes)
        }, { data, name in
            guard let data, let name else { return }
            Unmanaged<XMLStreamParser>.fromOpaque(data).takeUnretainedValue().handler.endElement(name)
        })
        XML_SetCharacterDataHandler(parser) { data, text, count in
            guard let data, let text else { return }
            Unmanaged<XMLStreamParser>.fromOpaque(data).takeUnretainedValue().handler.characters(text, count: Int(count))
        }
    }

    deinit {
        XML_ParserFree(parser)
    }

    /// Parses the next bytes of the document (`isFinal` with the last ones). Throws a reason naming the line.
    func parse(_ bytes: UnsafeRawBufferPointer, isFinal: Bool) throws(XMLParseError) {
        let status = XML_Parse(parser, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                               isFinal ? 1 : 0)
        if status == XML_STATUS_ERROR {
            let message = XML_ErrorString(XML_GetErrorCode(parser)).map { String(cString: $0) } ?? "broken XML"
            throw XMLParseError(reason: "\(name) line \(XML_GetCurrentLineNumber(parser)): \(message)")
        }
    }

    /// Reads a whole zip entry through the parser.
    static func parse(_ stream: ZipEntryStream, with handler: any XMLStreamHandler, path: String) throws(XLSXError) {
        let parser = XMLStreamParser(handler: handler, name: stream.name)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = try stream.read(into: buffer)
            do {
                try parser.parse(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), isFinal: count == 0)
            } catch {
                throw XLSXError(path: path, reason: error.reason)
            }
            if count == 0 { return }
        }
    }
}

/// Why the XML of a workbook part could not be parsed.
struct XMLParseError: Error {
    let reason: String
}

/// Element and attribute names compared without making strings: the local name (after any `prefix:`).
enum XMLName {
    /// Whether the local part of `name` is `literal`.
    static func `is`(_ name: UnsafePointer<CChar>, _ literal: StaticString) -> Bool {
        equals(local(name), literal)
    }

    /// The local part of a name: what follows its `prefix:`, if any.
    static func local(_ name: UnsafePointer<CChar>) -> UnsafePointer<CChar> {
        var pointer = name
        var scan = name
        while scan.pointee != 0 {
            if scan.pointee == CChar(UInt8(ascii: ":")) { pointer = scan + 1 }
            scan += 1
        }
        return pointer
    }

    /// Whether a (local) name is exactly `literal`.
    static func equals(_ name: UnsafePointer<CChar>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        var index = 0
        while index < literal.utf8CodeUnitCount {
            if UInt8(bitPattern: name[index]) != bytes[index] { return false }
            index += 1
        }
        return name[index] == 0
    }

    /// The value of the attribute whose local name is `literal`, as a C string.
    static func attribute(_ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>, _ literal: StaticString) -> UnsafePointer<CChar>? {
        var index = 0
        while let name = attributes[index] {
            if XMLName.is(name, literal) { return attributes[index + 1] }
            index += 2
        }
        return nil
    }

    /// The value of an attribute as a Swift string.
    static func string(_ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>, _ literal: StaticString) -> String? {
        attribute(attributes, literal).map { String(cString: $0) }
    }
}
