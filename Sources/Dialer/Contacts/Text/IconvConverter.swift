import CampaignDSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One iconv conversion from a list's encoding to UTF-8 (glibc's iconv; closed when released).
final class IconvConverter {
    /// What ``convert(_:into:)`` did with the input it was given.
    enum Step {
        /// All the input was converted.
        case consumedAll
        /// The output buffer is full.
        case outputFull
        /// The input ends in the middle of a character: more input is needed.
        case incompleteInput
        /// The bytes at the current input position are not a character of the encoding.
        case invalidInput
    }

    private let descriptor: iconv_t
    /// The width of one code unit of the source (2 for UTF-16): how far an invalid sequence is skipped.
    let unitWidth: Int

    /// Opens a conversion from `encoding` to UTF-8.
    init(from encoding: TextEncodingName) throws(SystemCallError) {
        let handle = iconv_open("UTF-8", Self.iconvName(encoding))
        if handle == iconv_t(bitPattern: -1) { throw SystemCallError.lastError("iconv_open") }
        descriptor = handle!
        unitWidth = [.utf16, .utf16LE, .utf16BE].contains(encoding) ? 2 : 1
    }

    deinit {
        iconv_close(descriptor)
    }

    /// Converts from `input` into `output`, advancing both past what was done.
    func convert(_ input: inout UnsafeMutableRawBufferPointer, into output: inout UnsafeMutableRawBufferPointer) -> Step {
        var inPointer = input.baseAddress?.assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        var outPointer = output.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outLeft = output.count
        let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        let failure = errno
        input = UnsafeMutableRawBufferPointer(start: inPointer.map(UnsafeMutableRawPointer.init), count: inLeft)
        output = UnsafeMutableRawBufferPointer(start: outPointer.map(UnsafeMutableRawPointer.init), count: outLeft)
        guard result == -1 else { return .consumedAll }
        switch failure {
        case E2BIG: return .outputFull
        case EINVAL: return .incompleteInput
        default: return .invalidInput
        }
    }

    /// glibc's name for an encoding.
    static func iconvName(_ encoding: TextEncodingName) -> String {
        switch encoding {
        case .utf8: "UTF-8"
        case .utf16, .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .windows1258: "CP1258"
        case .windows1250: "CP1250"
        case .iso88592: "ISO-8859-2"
        case .windows1252: "CP1252"
        case .latin1: "ISO-8859-1"
        }
    }
}
