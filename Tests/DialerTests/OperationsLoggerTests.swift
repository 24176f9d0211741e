@testable import Dialer
import Foundation
import Testing

/// Lines collected by a logger's sink.
private final class Lines: @unchecked Sendable {
    // Safe to share: every access holds `lock`.
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) {
        lock.lock()
        stored.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

@Suite struct OperationsLoggerTests {
    private func logger(_ level: LogLevel, showsNumbers: Bool = false) -> (Logger, Lines) {
        let lines = Lines()
        let logger = Logger(level: level, showsNumbers: showsNumbers, now: { Date(timeIntervalSince1970: 0) }) { lines.append($0) }
        return (logger, lines)
    }

    @Test func linesAreLogfmtWithQuotingWhereNeeded() {
        let (logger, lines) = logger(.info)
        logger.info("campaign merged", ["campaign": "demo", "note": "say \"hi\"\nbye", "empty": ""])
        #expect(lines.all == [
            #"time=1970-01-01T00:00:00.000Z level=info msg="campaign merged" campaign=demo note="say \"hi\"\nbye" empty="""#
        ])
    }

    @Test func levelsBelowTheThresholdAreDropped() {
        let (logger, lines) = logger(.warning)
        logger.debug("d")
        logger.info("i")
        logger.warning("w")
        logger.error("e")
        #expect(lines.all.map { $0.contains("level=warning") || $0.contains("level=error") } == [true, true])
    }

    @Test func phoneNumbersAreMaskedUnlessAllowed() {
        #expect(logger(.info).0.phone("+84901234567") == "+8490****567")
        #expect(logger(.info, showsNumbers: true).0.phone("+84901234567") == "+84901234567")
    }

    @Test func maskingNeverShowsTheMiddleDigits() {
        var random = SeededRandom(seed: 6)
        for _ in 0..<500 {
            let length = 8 + Int(random.next() % 8)
            let digits = (0..<length).map { _ in String(random.next() % 10) }.joined()
            let masked = PhoneMask.mask("+" + digits)
            #expect(masked.count == digits.count + 1)
            #expect(masked.hasPrefix("+" + digits.prefix(4)))
            #expect(masked.hasSuffix(String(digits.suffix(3))))
            #expect(masked.dropFirst(5).dropLast(3).allSatisfy { $0 == "*" })
        }
    }
}
