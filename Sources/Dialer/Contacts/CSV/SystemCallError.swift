import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed C library call: which function failed, on what, and the system's reason.
struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The C function that failed, e.g. `open`.
    let function: String
    /// The `errno` value after the call.
    let code: Int32

    /// Captures the current `errno` for `function`.
    static func lastError(_ function: String) -> SystemCallError {
        SystemCallError(function: function, code: errno)
    }

    /// The system's explanation, e.g. "No such file or directory".
    var reason: String {
        String(cString: strerror(code))
    }

    var description: String {
        "\(function): \(reason)"
    }
}
