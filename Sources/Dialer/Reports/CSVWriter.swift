import Foundation

/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, or start or end with a space, quotes doubled.
/// Buffers in memory and writes in large blocks. A struct, so the hot path pays no dynamic
/// exclusivity checks; `close()` it when done.
///
/// Safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`, a tab or
/// a CR (which Excel, LibreOffice and Google Sheets would read as a formula) gets a
/// leading apostrophe, the spreadsheets' own "this is text" mark. So `+84912345678`
/// is written `'+84912345678` and shows as `+84912345678`, text, never a formula
/// (see docs/reports.md).
struct CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var rowHasCells = false
    private static let flushSize = 1 << 20
    /// The UTF-8 byte-order mark Excel looks for to read a CSV file as UTF-8.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Creates (or truncates) the file at `path`; `byteOrderMark` starts it with the UTF-8 BOM.
    init(path: String, byteOrderMark: Bool = false) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw EnvironmentError("cannot create \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(Self.flushSize + 4096)
        if byteOrderMark { buffer.append(contentsOf: Self.byteOrderMark) }
    }

    /// Writes one whole row.
    mutating func writeRow(_ fields: [String]) throws {
        for field in fields { cell(field) }
        try endRow()
    }

    /// Adds a text cell to the current row.
    mutating func cell(_ field: String) {
        var field = field
        field.withUTF8 { cell(bytes: $0) }
    }

    /// Adds a text cell given as UTF-8 bytes.
    mutating func cell(bytes: UnsafeBufferPointer<UInt8>) {
        separate()
        Self.append(bytes, to: &buffer)
    }

    /// Adds a cell known to hold nothing that needs quoting or guarding (digits, ISO dates, plain words).
    mutating func plainCell(_ bytes: some Collection<UInt8>) {
        separate()
        buffer.append(contentsOf: bytes)
    }

    /// Adds a whole number.
    mutating func cell(_ number: Int64) {
        separate()
        Self.appendDecimal(number, to: &buffer)
    }

    /// Adds a number of seconds with one decimal (`12.5`), or an empty cell for nil.
    mutating func cell(seconds: Double?) {
        separate()
        guard let seconds, seconds.isFinite else { return }
        let tenths = Int64((seconds * 10).rounded())
        if tenths < 0 { buffer.append(UInt8(ascii: "-")) }
        Self.appendDecimal(abs(tenths) / 10, to: &buffer)
        buffer.append(UInt8(ascii: "."))
        buffer.append(UInt8(ascii: "0") + UInt8(abs(tenths) % 10))
    }

    /// Adds an empty cell.
    mutating func emptyCell() { separate() }

    /// Ends the current row.
    mutating func endRow() throws {
        buffer.append(13)
        buffer.append(10)
        rowHasCells = false
        if buffer.count >= Self.flushSize { try flush() }
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }

    mutating private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating private func separate() {
        if rowHasCells { buffer.append(UInt8(ascii: ",")) }
        rowHasCells = true
    }

    /// Whether a cell starting with `byte` would be read as a formula by a spreadsheet.
    static func startsFormula(_ byte: UInt8?) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: true
        default: false
        }
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        let guarded = startsFormula(bytes.first)
        var needsQuotes = bytes.first == 32 || bytes.last == 32
        if !needsQuotes {
            for byte in bytes where byte == 44 || byte == 34 || byte == 13 || byte == 10 {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            if guarded { buffer.append(UInt8(ascii: "'")) }
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(34)
        if guarded { buffer.append(UInt8(ascii: "'")) }
        for byte in bytes {
            if byte == 34 { buffer.append(34) }
            buffer.append(byte)
        }
        buffer.append(34)
    }

    private static func appendDecimal(_ number: Int64, to buffer: inout [UInt8]) {
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        var value = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
                count += 1
            } while value > 0
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
    }
}
