import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The identity of a DNC source file at one moment: path, size, modification time and inode.
struct DNCSourceStamp: Equatable {
    let path: String
    let size: UInt64
    let modifiedSeconds: Int64
    let modifiedNanoseconds: Int64
    let inode: UInt64

    /// Reads the stamp of `path` with `stat(2)`.
    init(path: String) throws(SystemCallError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SystemCallError.lastError("stat") }
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
        size = UInt64(info.st_size)
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
