import CampaignDSL
import Foundation

/// Reads an RFC 4180 CSV file row by row, streaming over bytes.
///
/// The file is read in chunks into one fixed buffer (1 MiB by default), so memory does not depend on the
/// file's size; a list in another encoding than UTF-8 is converted on the way in (``TextInput``). Quoted
/// fields, doubled quotes, line breaks inside quotes, LF, CRLF and CR-only line ends (mixed too) and a
/// byte-order mark are understood; the delimiter (`,` `;` or tab) is detected from the header line.
/// Blank lines are skipped. A quote inside an unquoted field is kept as a literal character.
///
/// A bad row never stops reading: ``next()`` returns it as ``CSVRow/rejected(_:)`` with its line number
/// and reason, and carries on with the following line. A row longer than the buffer is rejected too.
final class CSVReader {
    /// The default size of the read buffer, which is also the longest row accepted.
    static let defaultBufferSize = 1 << 20

    /// The longest part of a rejected row kept in ``CSVReject/text``.
    static let rejectTextLimit = 300

    /// The file being read.
    let path: String
    /// The column names as written in the header line, trimmed of surrounding spaces.
    private(set) var header: [String] = []
    /// The field delimiter: given, or detected from the header line.
    let delimiter: UInt8

    private let input: TextInput
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var normalizedHeader: [String] = []
    /// The first byte not yet consumed.
    private var start = 0
    /// One past the last byte read into the buffer.
    private var end = 0
    private var atEndOfFile = false
    private var readFailure: SystemCallError?
    /// The physical line number of `buffer[start]`.
    private var line = 1
    /// Field positions of the row just scanned; reused from row to row.
    private var spans: [FieldSpan] = []
    /// Why a row with bytes that are not text is rejected, naming the encoding.
    private let invalidTextReason: String

    /// Opens the file and reads the header. Detects the delimiter (`,` `;` or tab) from the header line unless given.
    /// Reads the file in `encoding` (UTF-8 when nil) unless a byte-order mark says otherwise. Throws CSVError for a
    /// missing/unreadable file or an empty file / unusable header.
    convenience init(path: String, delimiter: UInt8? = nil, encoding: TextEncodingName? = nil) throws(CSVError) {
        try self.init(path: path, delimiter: delimiter, encoding: encoding, bufferSize: CSVReader.defaultBufferSize)
    }

    /// As ``init(path:delimiter:encoding:)`` with a chosen buffer size (tests use tiny buffers to exercise refills).
    init(path: String, delimiter: UInt8?, encoding: TextEncodingName? = nil, bufferSize: Int) throws(CSVError) {
        self.path = path
        do {
            input = try TextInput(path: path, declared: encoding)
        } catch {
            throw CSVError(path: path, problem: .cannotOpen(error.reason))
        }
        invalidTextReason = input.encoding == .utf8 ? "invalid UTF-8" : "bytes that are not \(input.encoding.title) text"
        buffer = .allocate(capacity: max(bufferSize, 16))
        var scanner = HeaderScanner()
        do {
            try scanner.fill(input: input, buffer: buffer, path: path)
        } catch {
            buffer.deallocate()
            throw error
        }
        start = scanner.start
        end = scanner.end
        atEndOfFile = scanner.atEndOfFile
        line = scanner.line
        let chosen = delimiter ?? CSVReader.detectDelimiter(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        self.delimiter = chosen

        // From here every stored property is set: on a throw, deinit releases the buffer.
        let names: [String]
        switch nextRow(expectedFieldCount: nil) {
        case nil:
            throw CSVError(path: path, problem: .empty)
        case .rejected(let reject)?:
            throw CSVError(path: path, problem: .unusableHeader(reject.reason))
        case .record(let record)?:
            names = record.fields.map(CSVReader.trimmed)
        }
        if let failure = readFailure {
            throw CSVError(path: path, problem: .cannotRead(failure.reason))
        }
        if names.allSatisfy(\.isEmpty) {
            throw CSVError(path: path, problem: .unusableHeader("every column name is empty"))
        }
        header = names
        normalizedHeader = names.map { $0.lowercased() }
    }

    deinit {
        buffer.deallocate()
    }

    /// The index of a header name matched ignoring case and surrounding spaces.
    func columnIndex(named name: String) -> Int? {
        normalizedHeader.firstIndex(of: CSVReader.trimmed(name).lowercased())
    }

    /// The next row, or nil at the end. Never throws: a bad row comes back as `.rejected`.
    func next() -> CSVRow? {
        nextRow(expectedFieldCount: header.count)
    }

    // MARK: - Rows

    private func nextRow(expectedFieldCount: Int?) -> CSVRow? {
        while true {
            if start == end {
                if atEndOfFile { return takeReadFailure() }
                refill()
                continue
            }
            let rowLine = line
            switch scan() {
            case .needMore(let inQuotes):
                if !atEndOfFile && refill() { continue }
                let reason = inQuotes
                    ? "unclosed quote"
                    : "row longer than \(buffer.count) bytes"
                return .rejected(rejectFirstLine(reason: reason))
            case .unclosedQuote:
                return .rejected(rejectFirstLine(reason: "unclosed quote"))
            case .textAfterClosingQuote:
                return .rejected(rejectFirstLine(reason: "text after a closing quote (a quote inside a quoted field must be doubled)"))
            case .record(let next, let newlines):
                let rowStart = start
                start = next
                line += newlines
                if isBlankLine { continue }
                if let expected = expectedFieldCount, spans.count != expected {
                    return .rejected(CSVReject(
                        line: rowLine,
                        reason: "wrong field count (expected \(expected), found \(spans.count))",
                        text: rowText(from: rowStart, to: next)))
                }
                guard UTF8Validation.isValid(UnsafeBufferPointer(rebasing: buffer[rowStart..<next])) else {
                    return .rejected(CSVReject(line: rowLine, reason: invalidTextReason, text: rowText(from: rowStart, to: next)))
                }
                let fields = makeFields()
                return .record(CSVRecord(line: rowLine, fields: fields))
            }
        }
    }

    /// Reports a read error once, as a reject, at the end of the rows.
    private func takeReadFailure() -> CSVRow? {
        guard let failure = readFailure else { return nil }
        readFailure = nil
        return .rejected(CSVReject(line: line, reason: "read error, the rest of the file was not read: \(failure.reason)", text: ""))
    }

    private var isBlankLine: Bool {
        spans.count == 1 && !spans[0].quoted && spans[0].start == spans[0].end
    }

    /// The fields of the row just scanned, whose bytes are known to be valid UTF-8; composed to NFC when the
    /// encoding writes marks apart from their letters (Windows-1258's tones).
    private func makeFields() -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(spans.count)
        let composes = input.composesToNFC
        for span in spans {
            let bytes = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
            var field = span.escaped
                ? String(decoding: CSVReader.collapsingDoubledQuotes(bytes), as: UTF8.self)
                : String(decoding: bytes, as: UTF8.self)
            // Combining marks U+0300–U+036F are the UTF-8 bytes CC 80 – CD AF.
            if composes && bytes.contains(where: { $0 == 0xCC || $0 == 0xCD }) {
                field = field.precomposedStringWithCanonicalMapping
            }
            fields.append(field)
        }
        return fields
    }

    private static func collapsingDoubledQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            out.append(bytes[index])
            index += bytes[index] == quote ? 2 : 1
        }
        return out
    }

    /// Rejects the physical line where the current row starts and resumes at the next line.
    private func rejectFirstLine(reason: String) -> CSVReject {
        let rowLine = line
        var lineEnd = start
        while lineEnd < end && buffer[lineEnd] != newline && buffer[lineEnd] != carriageReturn { lineEnd += 1 }
        let text = rowText(from: start, to: lineEnd)
        skipPhysicalLine()
        return CSVReject(line: rowLine, reason: reason, text: text)
    }

    /// Skips to after the next line end (LF, CRLF or CR).
    private func skipPhysicalLine() {
        while true {
            var index = start
            while index < end && buffer[index] != newline && buffer[index] != carriageReturn { index += 1 }
            if index < end {
                if buffer[index] == carriageReturn && index + 1 == end && !atEndOfFile {
                    // Whether an LF follows is in the next chunk.
                    start = index
                    if refill() { continue }
                    index = start
                }
                let crlf = buffer[index] == carriageReturn && index + 1 < end && buffer[index + 1] == newline
                start = index + (crlf ? 2 : 1)
                line += 1
                return
            }
            start = end
            if atEndOfFile { return }
            refill()
        }
    }

    private func rowText(from first: Int, to last: Int) -> String {
        var stop = min(last, first + CSVReader.rejectTextLimit)
        while stop > first && (buffer[stop - 1] == newline || buffer[stop - 1] == carriageReturn) { stop -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[first..<stop]), as: UTF8.self)
    }

    // MARK: - Buffer

    /// Moves the unconsumed bytes to the front and reads more. False when the buffer is full (the row is too long).
    @discardableResult
    private func refill() -> Bool {
        if start > 0 {
            let remaining = end - start
            if remaining > 0, let base = buffer.baseAddress {
                (base).update(from: base + start, count: remaining)
            }
            start = 0
            end = remaining
        }
        if end == buffer.count { return false }
        do {
            let count = try input.read(into: UnsafeMutableBufferPointer(rebasing: buffer[end...]))
            if count == 0 { atEndOfFile = true }
            end += count
        } catch {
            // The partial row cannot be trusted; the read error is reported as the last reject.
            readFailure = error
            atEndOfFile = true
            end = start
        }
        return true
    }

    // MARK: - Scanning

    private struct FieldSpan {
        var start: Int
        var end: Int
        /// Written in quotes.
        var quoted: Bool
        /// Holds doubled quotes to collapse.
        var escaped: Bool
    }

    private enum ScanResult {
        /// A complete row in `spans`; `next` is the first byte after it.
        case record(next: Int, newlines: Int)
        /// The row goes past the bytes read so far.
        case needMore(inQuotes: Bool)
        case unclosedQuote
        case textAfterClosingQuote
    }

    /// Finds the fields of the row at `start`. Every loop advances `index`, so scanning always ends.
    private func scan() -> ScanResult {
        spans.removeAll(keepingCapacity: true)
        let bytes = UnsafeBufferPointer(buffer)
        let stop = end
        let eof = atEndOfFile
        let delimiter = self.delimiter
        var index = start
        var newlines = 0
        while true {
            if index < stop && bytes[index] == quote {
                index += 1
                let fieldStart = index
                var escaped = false
                while true {
                    while index < stop && bytes[index] != quote {
                        // LF, CR alone and CRLF each end one physical line.
                        if bytes[index] == newline || (bytes[index] == carriageReturn && (index + 1 == stop || bytes[index + 1] != newline)) {
                            newlines += 1
                        }
                        index += 1
                    }
                    if index == stop { return eof ? .unclosedQuote : .needMore(inQuotes: true) }
                    if index + 1 == stop && !eof { return .needMore(inQuotes: true) }
                    if index + 1 < stop && bytes[index + 1] == quote {
                        escaped = true
                        index += 2
                        continue
                    }
                    break
                }
                spans.append(FieldSpan(start: fieldStart, end: index, quoted: true, escaped: escaped))
                index += 1
                if index == stop { return .record(next: stop, newlines: newlines) }
                let byte = bytes[index]
                if byte == delimiter {
                    index += 1
                    continue
                }
                if byte == newline { return .record(next: index + 1, newlines: newlines + 1) }
                if byte == carriageReturn {
                    if index + 1 == stop { return eof ? .record(next: stop, newlines: newlines + 1) : .needMore(inQuotes: false) }
                    return .record(next: bytes[index + 1] == newline ? index + 2 : index + 1, newlines: newlines + 1)
                }
                return .textAfterClosingQuote
            }
            let fieldStart = index
            while index < stop {
                let byte = bytes[index]
                if byte == delimiter || byte == newline || byte == carriageReturn { break }
                index += 1
            }
            if index == stop && !eof { return .needMore(inQuotes: false) }
            if index < stop && bytes[index] == delimiter {
                spans.append(FieldSpan(start: fieldStart, end: index, quoted: false, escaped: false))
                index += 1
                continue
            }
            spans.append(FieldSpan(start: fieldStart, end: index, quoted: false, escaped: false))
            if index == stop { return .record(next: stop, newlines: newlines) }
            if bytes[index] == carriageReturn {
                // CR alone (Excel for Mac's "CSV (Macintosh)") or CRLF: whether an LF follows may be in the next chunk.
                if index + 1 == stop && !eof { return .needMore(inQuotes: false) }
                let crlf = index + 1 < stop && bytes[index + 1] == newline
                return .record(next: index + (crlf ? 2 : 1), newlines: newlines + 1)
            }
            return .record(next: index + 1, newlines: newlines + 1)
        }
    }

    /// The candidate delimiter (`,` `;` tab) seen most often outside quotes on the first line; `,` when none is.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        for byte in bytes {
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                switch byte {
                case newline, carriageReturn: return pick(commas: commas, semicolons: semicolons, tabs: tabs)
                case comma: commas += 1
                case semicolon: semicolons += 1
                case tab: tabs += 1
                default: break
                }
            }
        }
        return pick(commas: commas, semicolons: semicolons, tabs: tabs)
    }

    private static func pick(commas: Int, semicolons: Int, tabs: Int) -> UInt8 {
        if tabs > commas && tabs > semicolons { return tab }
        if semicolons > commas { return semicolon }
        return comma
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    private static let comma = UInt8(ascii: ",")
    private static let semicolon = UInt8(ascii: ";")
    private static let tab = UInt8(ascii: "\t")
}

private let quote = UInt8(ascii: "\"")
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

/// Fills the buffer for the header and skips the blank lines before it (the input has skipped a byte-order mark).
private struct HeaderScanner {
    var start = 0
    var end = 0
    var atEndOfFile = false
    var line = 1

    mutating func fill(input: TextInput, buffer: UnsafeMutableBufferPointer<UInt8>, path: String) throws(CSVError) {
        // Read until the buffer is full or holds the whole file (the input fills all it can): the header line
        // and the following blank lines are in it.
        do {
            end = try input.read(into: buffer)
            if end < buffer.count { atEndOfFile = true }
        } catch {
            throw CSVError(path: path, problem: .cannotRead(error.reason))
        }
        while start < end && (buffer[start] == newline || buffer[start] == carriageReturn) {
            let crlf = buffer[start] == carriageReturn && start + 1 < end && buffer[start + 1] == newline
            line += 1
            start += crlf ? 2 : 1
        }
    }
}
