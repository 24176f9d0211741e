import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A built DNC index kept on disk, in a binary file named after the source path and load options, and reused
/// while the source's size, modification time and inode are unchanged. A cache that is missing, stale, or
/// damaged is ignored and rebuilt; failing to write one leaves the load itself correct.
struct DNCIndexCache {
    let directory: String
    let source: DNCSourceStamp
    /// The source path and load options that select the cache file.
    let identity: String

    private static let magic = Array("DIALDNC1".utf8)
    private static let trailer = Array("END.".utf8)

    init(directory: String, source: DNCSourceStamp, column: String?, defaultRegion: String?) {
        self.directory = directory
        self.source = source
        identity = [source.path, column ?? "", defaultRegion?.uppercased() ?? ""].joined(separator: "\u{0}")
    }

    /// The cache file: `dnc-<FNV-1a of the identity>.cache`.
    var filePath: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in identity.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return directory + "/dnc-" + String(repeating: "0", count: 16 - hex.count) + hex + ".cache"
    }

    /// The cached index and rejects, or nil when there is no usable cache for this source.
    func read() -> (index: DNCIndex, rejected: [CSVReject])? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: filePath), options: .mappedIfSafe) else { return nil }
        var reader = BinaryReader(bytes: [UInt8](data))
        guard reader.bytes(DNCIndexCache.magic.count) == DNCIndexCache.magic,
              reader.uint64() == source.size,
              reader.uint64() == UInt64(bitPattern: source.modifiedSeconds),
              reader.uint64() == UInt64(bitPattern: source.modifiedNanoseconds),
              reader.uint64() == source.inode,
              reader.string() == identity
        else { return nil }

        let layout: DNCIndex.Layout
        switch reader.uint8() {
        case 0:
            guard let keys = reader.uint64Array() else { return nil }
            layout = .plain(keys)
        case 1:
            guard let base = reader.uint64(), let shift = reader.uint64(), shift <= 32,
                  let offsets = reader.uint32Array(), let lows = reader.uint32Array(),
                  DNCIndexCache.offsetsAreConsistent(offsets, lowCount: lows.count)
            else { return nil }
            layout = .bucketed(base: base, shift: Int(shift), offsets: offsets, lows: lows)
        default:
            return nil
        }
        guard let prefixCount = reader.uint64(), prefixCount <= 64 else { return nil }
        var prefixes: [DNCIndex.PrefixSet] = []
        for _ in 0..<prefixCount {
            guard let length = reader.uint64(), length <= UInt64(DNCIndex.maximumDigits), let values = reader.uint64Array() else { return nil }
            prefixes.append(DNCIndex.PrefixSet(length: Int(length), values: values.sorted()))
        }
        guard let rejectCount = reader.uint64() else { return nil }
        var rejected: [CSVReject] = []
        for _ in 0..<rejectCount {
            guard let line = reader.uint64(), let reason = reader.string(), let text = reader.string() else { return nil }
            rejected.append(CSVReject(line: Int(truncatingIfNeeded: line), reason: reason, text: text))
        }
        guard reader.bytes(DNCIndexCache.trailer.count) == DNCIndexCache.trailer, reader.isAtEnd else { return nil }
        return (DNCIndex(layout: layout, prefixes: prefixes), rejected)
    }

    /// Writes the cache atomically (a temporary file renamed into place). Returns false when it could not.
    @discardableResult
    func write(_ index: DNCIndex, rejected: [CSVReject]) -> Bool {
        var out = BinaryWriter()
        out.appendRaw(DNCIndexCache.magic)
        out.append(source.size)
        out.append(UInt64(bitPattern: source.modifiedSeconds))
        out.append(UInt64(bitPattern: source.modifiedNanoseconds))
        out.append(source.inode)
        out.append(identity)
        switch index.layout {
        case .plain(let keys):
            out.appendRaw([0])
            out.append(keys)
        case .bucketed(let base, let shift, let offsets, let lows):
            out.appendRaw([1])
            out.append(base)
            out.append(UInt64(shift))
            out.append(offsets)
            out.append(lows)
        }
        out.append(UInt64(index.prefixes.count))
        for set in index.prefixes {
            out.append(UInt64(set.length))
            out.append(set.values)
        }
        out.append(UInt64(rejected.count))
        for reject in rejected {
            out.append(UInt64(truncatingIfNeeded: reject.line))
            out.append(reject.reason)
            out.append(reject.text)
        }
        out.appendRaw(DNCIndexCache.trailer)

        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = filePath + ".\(getpid()).tmp"
            try Data(out.bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, filePath) == 0 else {
                unlink(temporary)
                return false
            }
            return true
        } catch {
            return false
        }
    }

    private static func offsetsAreConsistent(_ offsets: [UInt32], lowCount: Int) -> Bool {
        guard offsets.count >= 2, offsets.first == 0, Int(offsets[offsets.count - 1]) == lowCount else { return false }
        for index in 1..<offsets.count where offsets[index] < offsets[index - 1] { return false }
        return true
    }
}

/// Appends little-endian integers, arrays and strings.
private struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func appendRaw(_ raw: [UInt8]) {
        bytes += raw
    }

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func append(_ values: [UInt64]) {
        append(UInt64(values.count))
        values.map(\.littleEndian).withUnsafeBytes { bytes += $0 }
    }

    mutating func append(_ values: [UInt32]) {
        append(UInt64(values.count))
        values.map(\.littleEndian).withUnsafeBytes { bytes += $0 }
    }

    mutating func append(_ text: String) {
        append(UInt64(text.utf8.count))
        bytes += text.utf8
    }
}

/// Reads what ``BinaryWriter`` wrote; every read returns nil past the end, so damaged files are refused.
private struct BinaryReader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - position >= count else { return nil }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func uint8() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uint64() -> UInt64? {
        guard bytes.count - position >= 8 else { return nil }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[position + index]) }
        position += 8
        return value
    }

    mutating func uint64Array() -> [UInt64]? {
        guard let count = uint64(), count <= UInt64(bytes.count - position) / 8 else { return nil }
        var values = [UInt64](repeating: 0, count: Int(count))
        values.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + Int(count) * 8]))
            }
        }
        position += Int(count) * 8
        return values.map { UInt64(littleEndian: $0) }
    }

    mutating func uint32Array() -> [UInt32]? {
        guard let count = uint64(), count <= UInt64(bytes.count - position) / 4 else { return nil }
        var values = [UInt32](repeating: 0, count: Int(count))
        values.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + Int(count) * 4]))
            }
        }
        position += Int(count) * 4
        return values.map { UInt32(littleEndian: $0) }
    }

    mutating func string() -> String? {
        guard let count = uint64(), count <= UInt64(bytes.count - position) else { return nil }
        guard let raw = bytes(Int(count)) else { return nil }
        return String(validating: raw, as: UTF8.self)
    }
}
