@testable import Dialer
import Foundation
import Testing

@Suite struct AMIDecoderTests {
    private static func messages(_ outputs: [AMIDecoder.Output]) -> [AMIMessage] {
        outputs.compactMap { if case .message(let message) = $0 { message } else { nil } }
    }

    private static func malformed(_ outputs: [AMIDecoder.Output]) -> Int {
        outputs.count { if case .malformed = $0 { true } else { false } }
    }

    @Test func theRealTranscriptDecodesIntoItsBannerAndEveryMessage() throws {
        let bytes = try #require(AMITranscript.asteriskBytes(), "fixture missing at \(AMITranscript.path)")
        var decoder = AMIDecoder()
        let outputs = decoder.feed(bytes)
        #expect(outputs.first == .banner("Asterisk Call Manager/13.0.0"))
        let messages = Self.messages(outputs)
        #expect(messages.count == 203, "every Event or Response block but the four OriginateResponse events' own Response lines")
        #expect(Self.malformed(outputs) == 0)
        #expect(messages.count { $0.event == "OriginateResponse" } == 4)
        #expect(messages.first?.response == "Success" && messages.first?.actionID == "1")
        // An empty value stays a field ("AccountCode: "), and an OriginateResponse is an event.
        let newChannel = try #require(messages.first { $0.event == "Newchannel" })
        #expect(newChannel["AccountCode"] == "")
        #expect(messages.first { $0.event == "OriginateResponse" }?.response == nil)
        #expect(messages.last?.response == "Goodbye")
    }

    /// Property: however the stream is cut into reads, the same messages come out.
    @Test(arguments: 0..<40)
    func anyFragmentationGivesTheSameMessages(seed: Int) throws {
        let bytes = try #require(AMITranscript.asteriskBytes())
        var whole = AMIDecoder()
        let expected = whole.feed(bytes)
        var random = SeededRandom(seed: 77 + UInt64(seed))
        var decoder = AMIDecoder()
        var outputs: [AMIDecoder.Output] = []
        var offset = 0
        while offset < bytes.count {
            let length = seed % 4 == 0 ? 1 + Int(random.next() % 3) : 1 + Int(random.next() % 700)
            let end = min(bytes.count, offset + length)
            outputs += decoder.feed(bytes[offset..<end])
            offset = end
        }
        #expect(outputs == expected)
    }

    @Test func keysMatchWithoutCaseAndValuesKeepTheirColonsAndSpaces() {
        var decoder = AMIDecoder()
        let outputs = decoder.feed(Array("Asterisk Call Manager/20.1\r\nevent: VarSet\r\nValue: a: b  \r\n\r\n".utf8))
        let message = Self.messages(outputs).first
        #expect(message?.event == "VarSet")
        #expect(message?["VALUE"] == "a: b  ")
    }

    @Test func bareLineFeedsAreAccepted() {
        var decoder = AMIDecoder()
        let outputs = decoder.feed(Array("Response: Success\nActionID: 7\n\n".utf8))
        #expect(Self.messages(outputs).first?.actionID == "7")
    }

    @Test func aMalformedMessageIsSkippedAndTheNextOneRead() {
        var decoder = AMIDecoder()
        let outputs = decoder.feed(Array(
            "Asterisk Call Manager/13.0.0\r\nEvent: Hangup\r\nthis line has no colon\r\nCause: 16\r\n\r\nEvent: Ping\r\n\r\n".utf8))
        #expect(Self.malformed(outputs) == 1)
        #expect(Self.messages(outputs).map(\.event) == ["Ping"])
    }

    @Test func overLongLinesAndOversizedMessagesAreSkippedWithinTheirBounds() {
        let limits = AMIDecoder.Limits(lineBytes: 64, fields: 4, messageBytes: 200)
        var decoder = AMIDecoder(limits: limits)
        let long = "Event: X\r\nData: " + String(repeating: "9", count: 10_000) + "\r\n\r\n"
        let many = "Event: Y\r\n" + (0..<10).map { "K\($0): v\r\n" }.joined() + "\r\n"
        let big = "Event: Z\r\n" + (0..<3).map { "K\($0): " + String(repeating: "x", count: 60) + "\r\n" }.joined() + "\r\n"
        let outputs = decoder.feed(Array((long + many + big + "Event: Fine\r\n\r\n").utf8))
        #expect(Self.malformed(outputs) == 3)
        #expect(Self.messages(outputs).map(\.event) == ["Fine"])
    }

    /// Property: random bytes never trap, and a well-formed message after a blank line is read.
    @Test(arguments: 0..<30)
    func garbageNeverTrapsAndTheStreamRecovers(seed: Int) {
        var random = SeededRandom(seed: 900 + UInt64(seed))
        let alphabet: [UInt8] = Array("ab:\r\n \u{0}".utf8) + [0xFF, 0xC3, 0x28]
        let garbage = (0..<(1 + Int(random.next() % 3000))).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        var decoder = AMIDecoder(limits: AMIDecoder.Limits(lineBytes: 128, fields: 16, messageBytes: 1024))
        _ = decoder.feed(garbage)
        let outputs = decoder.feed(Array("\r\n\r\nEvent: After\r\nUniqueid: 1.2\r\n\r\n".utf8))
        #expect(Self.messages(outputs).last?["Uniqueid"] == "1.2")
    }

    @Test func actionsAreWrittenWithCRLFAndABlankLine() {
        let message = AMIAction.ping(actionID: "ami#3")
        #expect(String(decoding: message.encoded, as: UTF8.self) == "Action: Ping\r\nActionID: ami#3\r\n\r\n")
    }
}
