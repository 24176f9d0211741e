import CampaignDSL

/// A text file read as UTF-8, in chunks, whatever its encoding: UTF-8 passes straight through, other
/// encodings are converted by iconv from a small raw buffer into the caller's buffer. Nothing is copied
/// anywhere else (no temporary file), and memory does not depend on the file's size.
///
/// A byte-order mark decides the encoding (UTF-8, UTF-16 LE or BE) and is skipped; `utf-16` without one is
/// little- or big-endian by where the NUL bytes of its first characters are. Bytes that are not a character
/// of the encoding come out as ``invalidMarker``, which is never valid UTF-8, so the row holding them is
/// rejected with its line number instead of being read wrongly.
final class TextInput {
    /// Stands for bytes that could not be converted: never part of valid UTF-8.
    static let invalidMarker: UInt8 = 0xFF

    /// The encoding the file is read in, once its byte-order mark (if any) has been seen.
    let encoding: TextEncodingName
    /// Whether fields may hold combining marks to compose (NFC): Windows-1258 writes tone marks apart.
    var composesToNFC: Bool { encoding == .windows1258 }

    private let file: ReadOnlyFile
    private let converter: IconvConverter?
    /// Raw bytes read ahead of conversion (and the first bytes, read to look for a byte-order mark).
    private let raw: UnsafeMutableBufferPointer<UInt8>
    private var rawStart = 0
    private var rawEnd = 0
    private var atEndOfFile = false
    /// Converted bytes that did not fit the caller's buffer last time.
    private var spill: [UInt8] = []

    /// Opens `path` to be read in `declared` (UTF-8 when nil), unless a byte-order mark says otherwise.
    init(path: String, declared: TextEncodingName?, rawBufferSize: Int = 1 << 16) throws(SystemCallError) {
        file = try ReadOnlyFile(path: path)
        raw = .allocate(capacity: max(rawBufferSize, 16))
        var filled = 0
        do {
            while filled < 4 {
                let count = try file.readChunk(into: UnsafeMutableBufferPointer(rebasing: raw[filled...]))
                if count == 0 {
                    atEndOfFile = true
                    break
                }
                filled += count
            }
        } catch {
            raw.deallocate()
            throw error
        }
        rawEnd = filled
        let head = Array(raw[0..<min(filled, 4)])
        var chosen = declared ?? .utf8
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            chosen = .utf8
            rawStart = 3
        } else if head.starts(with: [0xFF, 0xFE]) {
            chosen = .utf16LE
            rawStart = 2
        } else if head.starts(with: [0xFE, 0xFF]) {
            chosen = .utf16BE
            rawStart = 2
        } else if chosen == .utf16 {
            chosen = head.count >= 2 && head[0] == 0 && head[1] != 0 ? .utf16BE : .utf16LE
        }
        encoding = chosen
        do {
            converter = chosen == .utf8 ? nil : try IconvConverter(from: chosen)
        } catch {
            raw.deallocate()
            throw error
        }
    }

    deinit {
        raw.deallocate()
    }

    /// Fills `buffer` with UTF-8 as far as the file goes; returns the bytes written, 0 at the end.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SystemCallError) -> Int {
        var written = 0
        while written < buffer.count {
            let count = try readSome(into: UnsafeMutableBufferPointer(rebasing: buffer[written...]))
            if count == 0 { break }
            written += count
        }
        return written
    }

    /// Writes at least one byte unless the file has ended.
    private func readSome(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SystemCallError) -> Int {
        if !spill.isEmpty {
            let count = min(spill.count, buffer.count)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<count]).update(fromContentsOf: spill[0..<count])
            spill.removeFirst(count)
            return count
        }
        guard let converter else {
            if rawStart < rawEnd {
                let count = min(rawEnd - rawStart, buffer.count)
                _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<count]).update(fromContentsOf: raw[rawStart..<rawStart + count])
                rawStart += count
                return count
            }
            return atEndOfFile ? 0 : try file.readChunk(into: buffer)
        }
        // One conversion step may write a few characters at once (Windows-1258 composes a letter and its
        // mark): a nearly full buffer gets them through a small one, and what does not fit waits in `spill`.
        guard buffer.count >= 16 else {
            var local = [UInt8](repeating: 0, count: 64)
            let count = try local.withUnsafeMutableBufferPointer { local throws(SystemCallError) in
                try convert(with: converter, into: local)
            }
            let fits = min(count, buffer.count)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<fits]).update(fromContentsOf: local[0..<fits])
            spill = Array(local[fits..<count])
            return fits
        }
        return try convert(with: converter, into: buffer)
    }

    /// Converts into `buffer` (at least 16 bytes): at least one character unless the file has ended.
    private func convert(with converter: IconvConverter, into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SystemCallError) -> Int {
        var output = UnsafeMutableRawBufferPointer(buffer)
        while output.count == buffer.count {
            if rawStart == rawEnd && !atEndOfFile { try refillRaw() }
            if rawStart == rawEnd && atEndOfFile { break }
            var input = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(raw)[rawStart..<rawEnd])
            let step = converter.convert(&input, into: &output)
            rawStart = rawEnd - input.count
            switch step {
            case .consumedAll, .outputFull:
                break
            case .incompleteInput:
                if atEndOfFile {
                    // A character cut off by the end of the file.
                    emitMarker(&output)
                    rawStart = rawEnd
                } else {
                    try refillRaw()
                }
            case .invalidInput:
                guard output.count > 0 else { break }
                emitMarker(&output)
                rawStart = min(rawEnd, rawStart + converter.unitWidth)
            }
        }
        return buffer.count - output.count
    }

    private func emitMarker(_ output: inout UnsafeMutableRawBufferPointer) {
        guard output.count > 0 else { return }
        output[0] = TextInput.invalidMarker
        output = UnsafeMutableRawBufferPointer(rebasing: output[1...])
    }

    /// Moves the raw bytes not yet converted to the front and reads more after them.
    private func refillRaw() throws(SystemCallError) {
        let remaining = rawEnd - rawStart
        if rawStart > 0, let base = raw.baseAddress {
            base.update(from: base + rawStart, count: remaining)
        }
        rawStart = 0
        rawEnd = remaining
        let count = try file.readChunk(into: UnsafeMutableBufferPointer(rebasing: raw[rawEnd...]))
        if count == 0 { atEndOfFile = true }
        rawEnd += count
    }
}
