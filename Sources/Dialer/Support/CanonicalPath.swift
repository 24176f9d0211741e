import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One spelling per file: absolute, with symbolic links, `.` and `..` resolved. Paths
/// stored in the database are canonical, so they do not depend on the folder a command
/// ran in or on how `--config` was written.
enum CanonicalPath {
    /// The canonical form of `path` (relative to the current folder); a path that does not
    /// exist is made absolute and cleaned of `.` and `..` only.
    static func of(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }
}
