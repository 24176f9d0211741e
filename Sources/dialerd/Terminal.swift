import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes, and whether it may be coloured.
enum Terminal {
    static func out(_ text: String) {
        print(text)
    }

    static func error(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static var colorOnStandardError: Bool {
        isatty(2) == 1 && getenv("NO_COLOR") == nil
    }
}
