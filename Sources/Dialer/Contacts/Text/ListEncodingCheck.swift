import CampaignDSL

/// Reads a whole text list in its encoding, as the compiler will, to find the first bytes that are not
/// text in it (or NUL bytes, which no list holds: a UTF-16 file read as UTF-8), before any row is compiled.
enum ListEncodingCheck {
    /// The problem with reading `path` in `declared` (UTF-8 when nil), or nil when every byte is text.
    static func problem(path: String, declared: TextEncodingName?) throws(SystemCallError) -> ListFileProblem? {
        let input = try TextInput(path: path, declared: declared)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
        defer { buffer.deallocate() }
        var line = 1
        var carried = 0
        var previousWasCR = false
        while true {
            let count = try input.read(into: UnsafeMutableBufferPointer(rebasing: buffer[carried...]))
            let end = carried + count
            let atEnd = count == 0
            var index = 0
            while index < end {
                let byte = buffer[index]
                if byte < 0x80 {
                    if byte == 0 { return try report(path: path, encoding: input.encoding, line: line) }
                    if byte == 0x0A {
                        if !previousWasCR { line += 1 }
                    } else if byte == 0x0D {
                        line += 1
                    }
                    previousWasCR = byte == 0x0D
                    index += 1
                    continue
                }
                previousWasCR = false
                let width = sequenceWidth(byte)
                if width == 0 { return try report(path: path, encoding: input.encoding, line: line) }
                if index + width > end {
                    if atEnd { return try report(path: path, encoding: input.encoding, line: line) }
                    break
                }
                guard UTF8Validation.isValid(UnsafeBufferPointer(rebasing: buffer[index..<index + width])) else {
                    return try report(path: path, encoding: input.encoding, line: line)
                }
                index += width
            }
            if atEnd { return nil }
            carried = end - index
            if carried > 0, let base = buffer.baseAddress { base.update(from: base + index, count: carried) }
        }
    }

    /// The byte width of the UTF-8 character a lead byte starts; 0 for a byte no character starts with.
    private static func sequenceWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    private static func report(path: String, encoding: TextEncodingName, line: Int) throws(SystemCallError) -> ListFileProblem {
        let file = try ReadOnlyFile(path: path)
        let sample = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 4 << 20)
        defer { sample.deallocate() }
        var filled = 0
        while filled < sample.count {
            let count = try file.readChunk(into: UnsafeMutableBufferPointer(rebasing: sample[filled...]))
            if count == 0 { break }
            filled += count
        }
        var likely = EncodingGuess.likely(UnsafeBufferPointer(rebasing: sample[0..<filled]))
        // `encoding utf-16` finds the byte order itself.
        if likely == .utf16LE || likely == .utf16BE { likely = .utf16 }
        let sameFamily = likely == encoding || (likely == .utf16 && [.utf16LE, .utf16BE].contains(encoding))
        return .notText(encoding: encoding, line: line, likely: sameFamily ? nil : likely)
    }
}
