#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects the entries of a Do-Not-Call list, one line (or CSV cell) at a time: numbers in any written form,
/// `+84190*` prefix entries, `#` comments. Lines that are neither become rejects with their line numbers.
struct DNCListParser {
    private(set) var numbers: [UInt64] = []
    private(set) var prefixes: [String] = []
    private(set) var rejected: [CSVReject] = []
    private let defaultPlan: RegionPlan?

    /// The read buffer size, which is also the longest line accepted.
    static let bufferSize = 1 << 20

    /// `expectedEntries` reserves room for that many numbers up front.
    init(defaultPlan: RegionPlan?, expectedEntries: Int) {
        self.defaultPlan = defaultPlan
        numbers.reserveCapacity(expectedEntries)
    }

    /// Reads a plain list: one entry per line. Lines end in LF or CRLF, or in CR alone (Excel for Mac) when the
    /// first chunk holds a CR and no LF.
    mutating func readLines(of file: ReadOnlyFile) throws(SystemCallError) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: DNCListParser.bufferSize)
        defer { buffer.deallocate() }
        var start = 0
        var end = 0
        var line = 1
        var atEndOfFile = false
        var skippingLongLine = false
        var lineEnd: UInt8?
        while true {
            if lineEnd == nil && (end > 0 || atEndOfFile) {
                let read = UnsafeBufferPointer(rebasing: buffer[0..<end])
                lineEnd = !read.contains(UInt8(ascii: "\n")) && read.contains(UInt8(ascii: "\r")) ? UInt8(ascii: "\r") : UInt8(ascii: "\n")
            }
            if let lineEnd, let newline = DNCListParser.firstLineEnd(lineEnd, in: buffer, from: start, to: end) {
                if skippingLongLine {
                    skippingLongLine = false
                } else {
                    addEntry(UnsafeBufferPointer(rebasing: buffer[start..<newline]), line: line)
                }
                line += 1
                start = newline + 1
                continue
            }
            if atEndOfFile {
                if start < end && !skippingLongLine { addEntry(UnsafeBufferPointer(rebasing: buffer[start..<end]), line: line) }
                return
            }
            if start == 0 && end == buffer.count {
                // A line longer than the buffer: report it once and drop bytes until its end.
                if !skippingLongLine {
                    rejected.append(CSVReject(line: line, reason: "line longer than \(buffer.count) bytes", text: ""))
                    skippingLongLine = true
                }
                end = 0
            }
            if start > 0, let base = buffer.baseAddress {
                base.update(from: base + start, count: end - start)
                end -= start
                start = 0
            }
            let count = try file.readChunk(into: UnsafeMutableBufferPointer(rebasing: buffer[end...]))
            if count == 0 { atEndOfFile = true }
            end += count
        }
    }

    /// Reads one column of a CSV file; empty cells are skipped, bad rows are kept as rejects.
    mutating func readColumn(_ column: Int, of reader: CSVReader) {
        while let row = reader.next() {
            switch row {
            case .rejected(let reject):
                rejected.append(reject)
            case .record(let record):
                var cell = record.fields[column]
                cell.withUTF8 { addEntry($0, line: record.line) }
            }
        }
    }

    /// Adds one entry: a number, a `…*` prefix, or nothing for blank and comment lines.
    mutating func addEntry(_ raw: UnsafeBufferPointer<UInt8>, line: Int) {
        var end = raw.count
        if let hash = raw.firstIndex(of: UInt8(ascii: "#")) { end = hash }
        var start = 0
        while start < end && DNCListParser.isSpace(raw[start]) { start += 1 }
        while end > start && DNCListParser.isSpace(raw[end - 1]) { end -= 1 }
        guard start < end else { return }
        let entry = UnsafeBufferPointer(rebasing: raw[start..<end])
        if entry[entry.count - 1] == UInt8(ascii: "*") {
            switch prefixDigits(UnsafeBufferPointer(rebasing: entry.dropLast())) {
            case .digits(let digits): prefixes.append(digits)
            case .invalid(let reason): reject(entry, line: line, reason: reason)
            }
            return
        }
        switch PhoneNumberParser.parseDigits(entry, defaultPlan: defaultPlan) {
        case .success(let parsed): numbers.append(parsed.digits)
        case .failure(let error): reject(entry, line: line, reason: error.description)
        }
    }

    private mutating func reject(_ entry: UnsafeBufferPointer<UInt8>, line: Int, reason: String) {
        let text = String(decoding: UnsafeBufferPointer(rebasing: entry.prefix(CSVReader.rejectTextLimit)), as: UTF8.self)
        rejected.append(CSVReject(line: line, reason: reason, text: text))
    }

    /// The E.164 digits of a prefix entry: `+84 190`, `0084190`, or `0190` with a default country.
    private func prefixDigits(_ text: UnsafeBufferPointer<UInt8>) -> PrefixReading {
        var digits = ""
        var plus = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "+") where digits.isEmpty && !plus: plus = true
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): break
            default: return .invalid("a prefix entry holds only digits, an optional leading + and a final *")
            }
        }
        if !plus, let plan = defaultPlan {
            let international = plan.writtenPrefixLength(DigitString(digits), plan.internationalPrefix)
            if international > 0 {
                digits.removeFirst(international)
                plus = true
            }
        }
        if !plus {
            guard let plan = defaultPlan else {
                return .invalid(Self.noCountryPrefixReason)
            }
            digits.removeFirst(plan.writtenPrefixLength(DigitString(digits), plan.nationalPrefix))
            digits = String(plan.callingCode) + digits
        }
        let hasCallingCode = (1...3).contains { length in
            digits.count >= length && NumberingPlans.shared.isCallingCode(Int(digits.prefix(length)) ?? -1)
        }
        guard hasCallingCode, digits.first != "0" else {
            return .invalid("the prefix does not start with a known country calling code")
        }
        guard digits.count <= DNCIndex.maximumDigits else { return .invalid("the prefix is longer than 15 digits") }
        return .digits(digits)
    }

    /// A prefix entry read: its E.164 digits, or why it is not one.
    private enum PrefixReading {
        case digits(String)
        case invalid(String)
    }

    /// Whether a reject's reason is a number or prefix written without a country code while no default
    /// country was given (such an entry may be a real number: the load must not go on without it).
    static func lacksCountry(_ reason: String) -> Bool {
        reason == PhoneNumberError(reason: .noCountryCode).description || reason == noCountryPrefixReason
    }

    private static let noCountryPrefixReason = "the prefix has no country code (+…) and no default country is given"

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func firstLineEnd(_ byte: UInt8, in buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = buffer.baseAddress,
              let found = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
