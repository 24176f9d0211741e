#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe that wakes a thread waiting in `poll`: any thread signals, the
/// waiting thread polls ``readDescriptor`` and drains it.
final class WakePipe: @unchecked Sendable {
    // Both descriptors are fixed at creation; `write` and `read` on a pipe are thread-safe.
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    init() throws(SystemCallError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .lastError("pipe") }
        readDescriptor = ends[0]
        writeDescriptor = ends[1]
        for descriptor in ends {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Wakes the waiting thread (a full pipe already will).
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe after a wake-up.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while bytes.withUnsafeMutableBytes({ read(readDescriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
