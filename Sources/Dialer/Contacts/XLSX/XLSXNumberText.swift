/// The text of a number cell, exactly as stored: Excel and LibreOffice write numbers in decimal
/// (`84912345678`, `8.4912345678E10`, `1.5E-3`), and the digits are moved, never passed through a
/// `Double`, so a phone number stored as a number keeps every digit. Dates and times come from the
/// serial day count of the workbook's date system.
enum XLSXNumberText {
    /// The plain decimal text of a stored number: `8.4912345678E10` → `84912345678`, `1.50` → `1.5`.
    /// Text that is not a decimal number is returned as written.
    static func plain(_ text: String) -> String {
        var negative = false
        var digits: [UInt8] = []
        var pointPosition: Int?
        var exponent = 0
        var utf8 = Substring(text).utf8[...]
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        } else if utf8.first == UInt8(ascii: "+") {
            utf8 = utf8.dropFirst()
        }
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte)
            } else if byte == UInt8(ascii: "."), pointPosition == nil {
                pointPosition = digits.count
            } else if byte == UInt8(ascii: "E") || byte == UInt8(ascii: "e") {
                guard let value = Int(String(decoding: utf8[utf8.index(after: index)...], as: UTF8.self)),
                      abs(value) <= 400 else { return text }
                exponent = value
                break
            } else {
                return text
            }
            index = utf8.index(after: index)
        }
        guard !digits.isEmpty else { return text }
        // The value is 0.DIGITS × 10^point, with the point moved by the exponent.
        var point = (pointPosition ?? digits.count) + exponent
        while digits.count > 1 && digits.first == UInt8(ascii: "0") && point > 1 {
            digits.removeFirst()
            point -= 1
        }
        var integer: [UInt8]
        var fraction: [UInt8]
        if point <= 0 {
            integer = [UInt8(ascii: "0")]
            fraction = Array(repeating: UInt8(ascii: "0"), count: -point) + digits
        } else if point >= digits.count {
            integer = digits + Array(repeating: UInt8(ascii: "0"), count: point - digits.count)
            fraction = []
        } else {
            integer = Array(digits[..<point])
            fraction = Array(digits[point...])
        }
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        while integer.count > 1 && integer.first == UInt8(ascii: "0") { integer.removeFirst() }
        let isZero = integer == [UInt8(ascii: "0")] && fraction.isEmpty
        var out = negative && !isZero ? "-" : ""
        out += String(decoding: integer, as: UTF8.self)
        if !fraction.isEmpty { out += "." + String(decoding: fraction, as: UTF8.self) }
        return out
    }

    /// A serial date as `YYYY-MM-DD`, `HH:MM` (`HH:MM:SS` when seconds are written) or both, as the cell's
    /// style shows it; nil when the text is not a number of days.
    static func date(_ text: String, kind: XLSXStyles.Kind, uses1904Dates: Bool) -> String? {
        guard let serial = Double(text), serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var whole = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(whole)) * 86_400).rounded())
        if seconds == 86_400 {
            whole += 1
            seconds = 0
        }
        let time = seconds % 60 == 0
            ? "\(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60))"
            : "\(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))"
        if kind == .time { return time }
        // Days since 1970-01-01. The 1900 system counts a 29 February 1900 that never was (serial 60).
        let days = uses1904Dates ? whole - 24_107 : (whole < 61 ? whole - 25_568 : whole - 25_569)
        let (year, month, day) = civil(fromDays: days)
        let date = "\(year)-\(twoDigits(month))-\(twoDigits(day))"
        return kind == .dateTime || (kind == .date && seconds != 0) ? date + " " + time : date
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
