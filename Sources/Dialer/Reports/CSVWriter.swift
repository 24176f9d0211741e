import Foundation

/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, or start or end with a space, quotes doubled.
/// Buffers in memory and writes in large blocks. A noncopyable struct over a raw buffer, so
/// the hot path pays no copy-on-write or dynamic exclusivity checks; `close()` it when done.
///
/// For programs first (a CRM re-importing results.csv), safe in a spreadsheet still: a text cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a CR (which Excel, LibreOffice and Google Sheets
/// would read as a formula) gets a leading apostrophe, the spreadsheets' "this is text" mark,
/// unless it is only a number: digits with `+ - ( ) . , /` and spaces (`+84912345678`,
/// `+84 91 234 5678`, `-5`), which calls no function and is written as it is. So
/// `=HYPERLINK("…")` is written `'=HYPERLINK("…")`, and a phone number stays clean
/// (see docs/reports.md, "CSV files are for programs").
struct CSVWriter: ~Copyable {
    private let handle: FileHandle
    /// The bytes not yet written: `count` of `capacity`, grown for a cell that does not fit.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
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
        capacity = Self.flushSize + 64 * 1024
        base = .allocate(capacity: capacity)
        if byteOrderMark { append(contentsOf: Self.byteOrderMark) }
    }

    deinit { base.deallocate() }

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
        let guarded = Self.needsGuard(bytes)
        var needsQuotes = bytes.first == 32 || bytes.last == 32
        if !needsQuotes {
            for byte in bytes where byte == 44 || byte == 34 || byte == 13 || byte == 10 {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            reserve(bytes.count + 1)
            if guarded { put(UInt8(ascii: "'")) }
            if let start = bytes.baseAddress {
                (base + count).update(from: start, count: bytes.count)
                count += bytes.count
            }
            return
        }
        reserve(2 * bytes.count + 3)
        put(34)
        if guarded { put(UInt8(ascii: "'")) }
        for byte in bytes {
            if byte == 34 { put(34) }
            put(byte)
        }
        put(34)
    }

    /// Adds a cell known to hold nothing that needs quoting or guarding (digits, ISO dates, plain words).
    mutating func plainCell(_ bytes: some Collection<UInt8>) {
        separate()
        append(contentsOf: bytes)
    }

    /// Adds a cell of at most `maxBytes` known to need no quoting or guarding, written in place
    /// by `write`, which returns how many bytes it wrote.
    mutating func plainCell(maxBytes: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        separate()
        reserve(maxBytes)
        count += write(base + count)
    }

    /// Adds a whole number.
    mutating func cell(_ number: Int64) {
        separate()
        reserve(20)
        if number < 0 { put(UInt8(ascii: "-")) }
        appendDigits(number.magnitude)
    }

    /// Adds a number of seconds with one decimal (`12.5`), or an empty cell for nil.
    mutating func cell(seconds: Double?) {
        separate()
        guard let seconds, seconds.isFinite, abs(seconds) < 1e17 else { return }
        let tenths = Int64((seconds * 10).rounded())
        reserve(22)
        if tenths < 0 { put(UInt8(ascii: "-")) }
        appendDigits(tenths.magnitude / 10)
        put(UInt8(ascii: "."))
        put(UInt8(ascii: "0") + UInt8(tenths.magnitude % 10))
    }

    /// Adds an empty cell.
    mutating func emptyCell() { separate() }

    /// Ends the current row.
    mutating func endRow() throws {
        reserve(2)
        put(13)
        put(10)
        rowHasCells = false
        if count >= Self.flushSize { try flush() }
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    @inline(__always)
    private mutating func separate() {
        if rowHasCells {
            reserve(1)
            put(UInt8(ascii: ","))
        }
        rowHasCells = true
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: extra) }
    }

    @inline(never)
    private mutating func grow(toHold extra: Int) {
        let grown = max(capacity * 2, count + extra)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = grown
    }

    /// Stores one byte; room was reserved.
    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    private mutating func append(contentsOf bytes: some Collection<UInt8>) {
        reserve(bytes.count)
        for byte in bytes { put(byte) }
    }

    /// Writes the decimal digits of `value` (room for 20 was reserved).
    private mutating func appendDigits(_ value: UInt64) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        var value = value
        var index = count + digits - 1
        repeat {
            base[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
            index -= 1
        } while value > 0
        count += digits
    }

    /// Whether a text cell gets the apostrophe: it starts a formula and is not only a number.
    static func needsGuard(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard startsFormula(bytes.first) else { return false }
        return !isOnlyNumber(bytes)
    }

    /// Whether `text` gets the apostrophe (see ``needsGuard(_:)``).
    static func needsGuard(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needsGuard($0) }
    }

    /// Digits, with `+ - ( ) . , /` and spaces, at least one digit: a number or a phone number,
    /// which a spreadsheet may show as a number but which can call no function.
    static func isOnlyNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."),
                 UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: " "): continue
            default: return false
            }
        }
        return digits
    }

    /// Whether a cell starting with `byte` would be read as a formula by a spreadsheet.
    static func startsFormula(_ byte: UInt8?) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: true
        default: false
        }
    }
}
