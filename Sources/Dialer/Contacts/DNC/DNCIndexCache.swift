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

    /// The format's version is in the magic: a cache written by another version (versions 1 and 2 had other
    /// layouts of the numbers) is not read, so it is rebuilt.
    private static let magic = Array("DIALDNC3".utf8)
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
    /// Tables are read straight into their arrays: loading needs no second copy of the file in memory.
    func read() -> (index: DNCIndex, rejected: [CSVReject])? {
        guard let file = try? ReadOnlyFile(path: filePath), let size = try? DNCSourceStamp(path: filePath).size else { return nil }
        var reader = BinaryFileReader(file: file, size: size)
        guard reader.bytes(DNCIndexCache.magic.count) == DNCIndexCache.magic,
              reader.uint64() == source.size,
              reader.uint64() == UInt64(bitPattern: source.modifiedSeconds),
              reader.uint64() == UInt64(bitPattern: source.modifiedNanoseconds),
              reader.uint64() == source.inode,
              reader.string() == identity
        else { return nil }

        let layout: DNCNumberTable.Layout
        switch reader.uint8() {
        case 0:
            guard let keys = reader.uint64Array() else { return nil }
            layout = .plain(keys)
        case 3:
            guard let base = reader.uint64(), let shift = reader.uint64(), shift <= 32, let count = reader.uint64(),
                  let starts = reader.uint32Array(), let errors = reader.uint8Array(), let slots = reader.uint32Array(),
                  count <= UInt64(slots.count)
            else { return nil }
            layout = .gapped(base: base, shift: Int(shift), count: Int(count), starts: starts, errors: errors, slots: slots)
        default:
            return nil
        }
        guard DNCNumberTable.isConsistent(layout) else { return nil }
        guard let prefixCount = reader.uint64(), prefixCount <= 64 else { return nil }
        var prefixes: [DNCIndex.PrefixSet] = []
        for _ in 0..<prefixCount {
            guard let length = reader.uint64(), length <= UInt64(DNCIndex.maximumDigits), let values = reader.uint64Array() else { return nil }
            prefixes.append(DNCIndex.PrefixSet(length: Int(length), values: values.sorted()))
        }
        guard let rejectCount = reader.uint64(), rejectCount <= size else { return nil }
        var rejected: [CSVReject] = []
        for _ in 0..<rejectCount {
            guard let line = reader.uint64(), let reason = reader.string(), let text = reader.string() else { return nil }
            rejected.append(CSVReject(line: Int(truncatingIfNeeded: line), reason: reason, text: text))
        }
        guard reader.bytes(DNCIndexCache.trailer.count) == DNCIndexCache.trailer, reader.isAtEnd else { return nil }
        return (DNCIndex(numbers: DNCNumberTable(layout: layout), prefixes: prefixes), rejected)
    }

    /// Writes the cache atomically (a temporary file renamed into place), streaming the tables to disk.
    /// The folder is private to its owner (0700) and the files too (0600), whatever the umask:
    /// they hold the do-not-call numbers. Temporary files of writers that died are removed.
    /// Returns false when it could not.
    @discardableResult
    func write(_ index: DNCIndex, rejected: [CSVReject]) -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return false
        }
        guard chmod(directory, 0o700) == 0 else { return false }
        removeAbandonedTemporaryFiles()
        let temporary = filePath + ".\(getpid()).tmp"
        guard let out = BinaryFileWriter(path: temporary) else { return false }
        out.append(DNCIndexCache.magic)
        out.append(source.size)
        out.append(UInt64(bitPattern: source.modifiedSeconds))
        out.append(UInt64(bitPattern: source.modifiedNanoseconds))
        out.append(source.inode)
        out.append(identity)
        switch index.numbers.layout {
        case .plain(let keys):
            out.append([0])
            out.appendArray(keys)
        case .gapped(let base, let shift, let count, let starts, let errors, let slots):
            out.append([3])
            out.append(base)
            out.append(UInt64(shift))
            out.append(UInt64(count))
            out.appendArray(starts)
            out.appendArray(errors)
            out.appendArray(slots)
        }
        out.append(UInt64(index.prefixes.count))
        for set in index.prefixes {
            out.append(UInt64(set.length))
            out.appendArray(set.values)
        }
        out.append(UInt64(rejected.count))
        for reject in rejected {
            out.append(UInt64(truncatingIfNeeded: reject.line))
            out.append(reject.reason)
            out.append(reject.text)
        }
        out.append(DNCIndexCache.trailer)
        guard out.finish(), rename(temporary, filePath) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Removes `*.PID.tmp` files whose writer no longer exists (killed while writing).
    private func removeAbandonedTemporaryFiles() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), !DaemonLease.processExists(pid) else { continue }
            unlink(directory + "/" + name)
        }
    }
}

/// Writes little-endian integers, arrays and strings to a new file, through a small buffer; large arrays go
/// straight from their storage to the file.
private final class BinaryFileWriter {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var failed = false

    init?(path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        descriptor = fd
        pending.reserveCapacity(1 << 16)
    }

    deinit {
        close(descriptor)
    }

    func append(_ raw: [UInt8]) {
        pending += raw
        if pending.count >= 1 << 16 { flush() }
    }

    func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { pending += $0 }
    }

    func append(_ text: String) {
        append(UInt64(text.utf8.count))
        append(Array(text.utf8))
    }

    /// The count, then the elements little-endian.
    func appendArray<Element: FixedWidthInteger>(_ values: [Element]) {
        append(UInt64(values.count))
        flush()
        #if _endian(little)
        values.withUnsafeBytes { writeAll($0) }
        #else
        values.map(\.littleEndian).withUnsafeBytes { writeAll($0) }
        #endif
    }

    /// Writes what is buffered; false when any write failed.
    func finish() -> Bool {
        flush()
        return !failed
    }

    private func flush() {
        pending.withUnsafeBytes { writeAll($0) }
        pending.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard var next = bytes.baseAddress, !failed else { return }
        var left = bytes.count
        while left > 0 {
            let written = write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                failed = true
                return
            }
            next += written
            left -= written
        }
    }
}

/// Reads what ``BinaryFileWriter`` wrote; every read returns nil past the end of the file (or on a read
/// error), so damaged files are refused, and no count can ask for more memory than the file could fill.
private struct BinaryFileReader {
    let file: ReadOnlyFile
    /// Bytes of the file not yet consumed.
    private var remaining: UInt64
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var position = 0
    private var end = 0

    init(file: ReadOnlyFile, size: UInt64) {
        self.file = file
        remaining = size
    }

    var isAtEnd: Bool {
        remaining == 0
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, UInt64(count) <= remaining else { return nil }
        var out = [UInt8](repeating: 0, count: count)
        let filled = out.withUnsafeMutableBytes { fill($0) }
        return filled ? out : nil
    }

    mutating func uint8() -> UInt8? {
        bytes(1)?.first
    }

    mutating func uint64() -> UInt64? {
        guard let raw = bytes(8) else { return nil }
        return raw.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func string() -> String? {
        guard let count = uint64(), count <= remaining, let raw = bytes(Int(count)) else { return nil }
        return String(validating: raw, as: UTF8.self)
    }

    mutating func uint8Array() -> [UInt8]? {
        guard let count = uint64(), count <= remaining else { return nil }
        return bytes(Int(count))
    }

    mutating func uint64Array() -> [UInt64]? {
        guard let count = uint64(), count <= remaining / 8 else { return nil }
        var values = [UInt64](repeating: 0, count: Int(count))
        guard values.withUnsafeMutableBytes({ fill($0) }) else { return nil }
        return values.map { UInt64(littleEndian: $0) }
    }

    mutating func uint32Array() -> [UInt32]? {
        guard let count = uint64(), count <= remaining / 4 else { return nil }
        var filled = true
        let values = DNCNumberTable.makeTable(count: Int(count)) { target in
            filled = fill(UnsafeMutableRawBufferPointer(target))
            #if _endian(big)
            for index in target.indices { target[index] = UInt32(littleEndian: target[index]) }
            #endif
        }
        return filled ? values : nil
    }

    /// Fills `target` from the buffer, then straight from the file; false at the end of the file or on an error.
    private mutating func fill(_ target: UnsafeMutableRawBufferPointer) -> Bool {
        guard UInt64(target.count) <= remaining else { return false }
        var done = 0
        while done < target.count {
            if position < end {
                let take = min(end - position, target.count - done)
                buffer.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(rebasing: target[done..<done + take])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + take]))
                }
                position += take
                done += take
            } else if target.count - done >= buffer.count {
                // Large arrays are read into place without passing through the buffer.
                let rest = UnsafeMutableRawBufferPointer(rebasing: target[done...])
                guard let read = try? file.readChunk(into: rest), read > 0 else { return false }
                done += read
            } else {
                guard let read = try? buffer.withUnsafeMutableBufferPointer({ try file.readChunk(into: $0) }), read > 0 else {
                    return false
                }
                position = 0
                end = read
            }
        }
        remaining -= UInt64(target.count)
        return true
    }
}
