/// A cell reference (`C5`, `AB12`) as 1-based row and 0-based column; ranges (`A1:C3`) for merged cells.
struct XLSXCellReference: Hashable {
    let row: Int
    let column: Int

    /// Reads `C5`; a reference without a row (`C`) has row 0. Nil when it is not a reference.
    init?(_ text: UnsafePointer<CChar>) {
        var column = 0
        var row = 0
        var pointer = text
        var letters = 0
        while true {
            let byte = UInt8(bitPattern: pointer.pointee)
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "$"):
                break
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default:
                guard byte == 0, letters > 0, letters <= 3 else { return nil }
                self.row = row
                self.column = column - 1
                return
            }
            pointer += 1
        }
    }

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `A1:C3` as its first and last cells.
    static func range(_ text: String) -> (XLSXCellReference, XLSXCellReference)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2,
              let first = String(parts[0]).withCString({ XLSXCellReference($0) }),
              let last = String(parts[1]).withCString({ XLSXCellReference($0) }) else { return nil }
        return (first, last)
    }
}
