import Testing
@testable import Dialer

@Suite("SMS encoding and segment count")
struct GSMEncodingTests {
    @Test("GSM-7 texts: 160 septets in one message, 153 per part after that",
          arguments: [(0, 1), (1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4)])
    func gsmLimits(count: Int, segments: Int) {
        let length = SMSLength(measuring: String(repeating: "a", count: count))
        #expect(length == SMSLength(encoding: .gsm7, units: count, segments: segments))
    }

    @Test("UCS-2 texts: 70 units in one message, 67 per part after that",
          arguments: [(1, 1), (70, 1), (71, 2), (134, 2), (135, 3)])
    func ucs2Limits(count: Int, segments: Int) {
        let length = SMSLength(measuring: String(repeating: "ệ", count: count))
        #expect(length == SMSLength(encoding: .ucs2, units: count, segments: segments))
    }

    @Test("extension-table characters count two septets", arguments: Array("^{}\\[~]|€"))
    func extensionCharacters(character: Character) {
        let length = SMSLength(measuring: "ab" + String(character))
        #expect(length.encoding == .gsm7)
        #expect(length.units == 4)
    }

    @Test("80 euro signs fit one message; 81 do not")
    func euroSigns() {
        #expect(SMSLength(measuring: String(repeating: "€", count: 80)).segments == 1)
        #expect(SMSLength(measuring: String(repeating: "€", count: 81)) == SMSLength(encoding: .gsm7, units: 162, segments: 2))
    }

    @Test("a part never ends between an escape septet and its character")
    func escapeNotSplit() {
        // 152 + 2 + 152 = 306 septets would fill two parts of 153 exactly, but "€" cannot
        // straddle the boundary: it opens part 2, which then overflows into a third.
        let text = String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 152)
        #expect(SMSLength(measuring: text) == SMSLength(encoding: .gsm7, units: 306, segments: 3))
    }

    @Test("a part never ends inside a surrogate pair")
    func surrogateNotSplit() {
        let text = String(repeating: "ệ", count: 66) + "😀" + String(repeating: "ệ", count: 66)
        #expect(SMSLength(measuring: text) == SMSLength(encoding: .ucs2, units: 134, segments: 3))
    }

    @Test("Vietnamese diacritics need UCS-2; accents of the GSM table do not",
          arguments: [
            ("Chào An, chúng tôi đã gọi cho bạn.", SMSEncoding.ucs2),
            ("Cảm ơn", .ucs2),
            ("Rendez-vous à 10h, café offert: 5€", .gsm7),
            ("Coût", .ucs2),
            ("Größe: 5 Äpfel", .gsm7),
            ("Ça va? ¿Qué tal?", .gsm7),
            ("Hello {name}!", .gsm7),
          ])
    func encodings(text: String, encoding: SMSEncoding) {
        #expect(SMSLength(measuring: text).encoding == encoding)
    }

    @Test("the summary names the encoding, the units and the parts")
    func summary() {
        #expect(SMSLength(measuring: "Hi €").summary == "GSM-7, 5 septets, 1 part")
        #expect(SMSLength(measuring: String(repeating: "ệ", count: 75)).summary == "UCS-2, 75 units, 2 parts")
    }

    @Test("a decomposed accent is measured as its composed GSM character")
    func composition() {
        #expect(SMSLength(measuring: "caf\u{0065}\u{0301}") == SMSLength(encoding: .gsm7, units: 4, segments: 1))
    }

    @Test("for random texts the count of parts is the least that holds every character whole")
    func randomTexts() {
        var random = SeededRandom(seed: 0x5EED_0008)
        let gsm: [Character] = Array("aZ0 @£éÇ\nΔ€[]^")
        let gsmCount = gsm.count
        let pool = gsm + Array("ệđươ") + ["😀", "👍"]
        for _ in 0..<500 {
            let count = Int.random(in: 0...400, using: &random)
            let gsmOnly = Bool.random(using: &random)
            let choices = gsmOnly ? Array(pool.prefix(gsmCount)) : pool
            let text = String((0..<count).map { _ in choices.randomElement(using: &random) ?? "a" })
            let length = SMSLength(measuring: text)
            let limit = length.encoding.partLimit
            #expect((length.segments == 1) == (length.units <= length.encoding.singleLimit))
            if length.segments > 1 {
                // Every part but the last is full but for at most one unit (a character of two).
                #expect(length.segments >= (length.units + limit - 1) / limit)
                #expect(length.segments <= (length.units + limit - 2) / (limit - 1))
            }
            #expect(length.encoding == (text.contains { choices.firstIndex(of: $0).map { $0 >= gsmCount } ?? false } ? .ucs2 : .gsm7))
        }
    }
}
