import CampaignDSL

/// Opens a campaign's list with the reader its format needs: an Excel workbook (found by its zip signature,
/// whatever the file is called) or CSV text in the list's encoding.
enum ListFile {
    /// A reader positioned after the header.
    static func open(_ list: ListSpec) throws -> any ListRowReader {
        switch try format(ofPath: list.path) {
        case .workbook: return try XLSXSheetReader(path: list.path, sheet: list.sheet)
        case .text: return try CSVReader(path: list.path, delimiter: list.delimiter, encoding: list.encoding)
        }
    }

    /// The header of a list, after checking what would stop its rows from being read: for a text list, that
    /// every byte is text in its encoding (``ListFileProblem/notText(encoding:line:likely:)``); for a workbook,
    /// that the sheet exists (``ListFileProblem/noSheet(_:sheets:)``).
    static func checkedHeader(_ list: ListSpec) throws -> [String] {
        switch try format(ofPath: list.path) {
        case .workbook:
            return try XLSXSheetReader(path: list.path, sheet: list.sheet, headerOnly: true).header
        case .text:
            let problem: ListFileProblem?
            do {
                problem = try ListEncodingCheck.problem(path: list.path, declared: list.encoding)
            } catch {
                throw CSVError(path: list.path, problem: .cannotRead(error.reason))
            }
            if let problem { throw problem }
            return try CSVReader(path: list.path, delimiter: list.delimiter, encoding: list.encoding).header
        }
    }

    /// How a list file is written.
    enum Format {
        case text
        case workbook
    }

    /// A workbook when the file starts with a zip signature; an old binary `.xls` is refused with what to do.
    static func format(ofPath path: String) throws -> Format {
        let file: ReadOnlyFile
        do {
            file = try ReadOnlyFile(path: path)
        } catch {
            throw CSVError(path: path, problem: .cannotOpen(error.reason))
        }
        var head = [UInt8](repeating: 0, count: 8)
        let count = (try? head.withUnsafeMutableBufferPointer { try file.readChunk(into: $0) }) ?? 0
        if count >= 4 && head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .workbook }
        if count >= 8 && head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            throw CSVError(path: path, problem: .unusableHeader(
                "it is an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx) or as CSV UTF-8"))
        }
        return .text
    }
}
