#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The merged ranges of a sheet. A sheet lists them after its rows, so they are found first by a quick
/// pass over the sheet's bytes (inflated, not parsed; `mergeCell` cannot occur in cell text, where `<` is
/// escaped). While rows are read, the value of a range's top-left cell fills the range's other cells.
final class XLSXMergedCells {
    private let ranges: [(first: XLSXCellReference, last: XLSXCellReference)]
    /// The values of the top-left cells read so far, by range index.
    private var values: [Int: String] = [:]
    /// Ranges by row of their top-left cell.
    private let startingAt: [Int: [Int]]
    /// Ranges covering the rows being read now.
    private var active: [Int] = []

    var isEmpty: Bool { ranges.isEmpty }

    /// No merged ranges (a sheet read for its header only: the scan would inflate the whole sheet).
    init() {
        ranges = []
        startingAt = [:]
    }

    init(archive: ZipArchive, entry: String) throws(XLSXError) {
        let stream = try archive.open(entry)
        let chunk = 1 << 20
        let overlap = 512
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk + overlap, alignment: 1)
        defer { buffer.deallocate() }
        var found: [String] = []
        var kept = 0
        while true {
            let count = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[kept..<kept + chunk]))
            let end = kept + count
            var searched = 0
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<end])
            while let start = Self.find(bytes, from: searched) {
                guard let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else {
                    if count > 0 { break }  // the tag ends in the next chunk
                    searched = end
                    continue
                }
                let tag = String(decoding: bytes[start..<close], as: UTF8.self)
                if let ref = tag.split(separator: "ref=\"", maxSplits: 1).dropFirst().first?.split(separator: "\"").first {
                    found.append(String(ref))
                }
                searched = close
            }
            if count == 0 { break }
            // Keep the tail, so that a tag cut by the chunk's end is found whole next time.
            let tail = max(searched, end - overlap)
            kept = end - tail
            if kept > 0, let base = buffer.baseAddress { base.copyMemory(from: base + tail, byteCount: kept) }
        }
        ranges = found.compactMap(XLSXCellReference.range)
        var starting: [Int: [Int]] = [:]
        for (index, range) in ranges.enumerated() { starting[range.first.row, default: []].append(index) }
        startingAt = starting
    }

    /// The position of the next `mergeCell ` at or after `from`.
    private static func find(_ bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = from
        while index + needle.count <= bytes.count,
              let hit = memchr(base + index, Int32(UInt8(ascii: "m")), bytes.count - needle.count + 1 - index) {
            let start = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, needle, needle.count) == 0 { return start }
            index = start + 1
        }
        return nil
    }

    private static let needle = Array("mergeCell ".utf8)

    /// Fills the merged cells of a row (`fields` by column) from their ranges' top-left values, after
    /// keeping the top-left values this row holds. Rows come in increasing order.
    func fill(row: Int, fields: inout [String]) {
        if let starting = startingAt[row] {
            for index in starting {
                let column = ranges[index].first.column
                values[index] = column < fields.count ? fields[column] : ""
                active.append(index)
            }
        }
        guard !active.isEmpty else { return }
        active.removeAll { ranges[$0].last.row < row }
        for index in active {
            let range = ranges[index]
            guard let value = values[index], !value.isEmpty else { continue }
            for column in range.first.column...range.last.column where column < fields.count && fields[column].isEmpty {
                fields[column] = value
            }
        }
    }
}
