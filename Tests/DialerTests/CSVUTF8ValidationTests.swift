@testable import Dialer
import Testing

@Suite struct CSVUTF8ValidationTests {
    private func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
    }

    /// On random bytes biased towards UTF-8 lead and continuation bytes, the check agrees with the standard library.
    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var random = SeededRandom(seed: 8)
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                    0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var disagreements = 0
        var valid = 0
        for _ in 0..<200_000 {
            let bytes = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                Bool.random(using: &random) ? UInt8.random(in: 0...255, using: &random) : (interesting.randomElement(using: &random) ?? 0)
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            if isValid(bytes) != expected { disagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(valid > 10_000)
    }

    @Test func acceptsVietnameseAndEmojiAndRefusesOverlongsAndSurrogates() {
        #expect(isValid(Array("Nguyễn Thị Bình 😀".utf8)))
        #expect(!isValid([0xC0, 0xAF]))             // overlong "/"
        #expect(!isValid([0xED, 0xA0, 0x80]))       // surrogate U+D800
        #expect(!isValid([0xF4, 0x90, 0x80, 0x80])) // above U+10FFFF
        #expect(!isValid([0xE1, 0x80]))             // cut short
    }
}
