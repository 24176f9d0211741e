import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for sequential reading with `read(2)`; closed when released.
/// Readers keep their own buffers, so memory stays independent of the file's size.
final class ReadOnlyFile {
    private let descriptor: Int32

    /// Opens `path` for reading.
    init(path: String) throws(SystemCallError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw SystemCallError.lastError("open") }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `buffer.count` bytes; 0 means the end of the file. Retries on `EINTR`.
    func readChunk(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SystemCallError) -> Int {
        try readChunk(into: UnsafeMutableRawBufferPointer(buffer))
    }

    /// Reads up to `buffer.count` bytes into untyped memory (the storage of an integer array); 0 at the end.
    func readChunk(into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = read(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw SystemCallError.lastError("read") }
        }
    }
}
