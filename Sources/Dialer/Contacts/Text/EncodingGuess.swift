import CampaignDSL

/// Names the encoding a list's bytes most likely are in, from telltale byte patterns of the files office
/// tools write: UTF-16 by its byte-order mark or NUL bytes; UTF-8 when the bytes are valid UTF-8;
/// Vietnamese Windows-1258 by its combining tone bytes after vowels; Czech Windows-1250 or ISO-8859-2 by
/// š ž ř ě ů …; else Windows-1252, the Western default.
enum EncodingGuess {
    /// The likely encoding of `bytes` (the start of a file).
    static func likely(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncodingName {
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        var nulsAtEven = 0, nulsAtOdd = 0
        for (index, byte) in bytes.enumerated() where byte == 0 {
            if index & 1 == 0 { nulsAtEven += 1 } else { nulsAtOdd += 1 }
        }
        if (nulsAtEven + nulsAtOdd) * 8 > bytes.count { return nulsAtOdd >= nulsAtEven ? .utf16LE : .utf16BE }
        if bytes.contains(where: { $0 >= 0x80 }) && UTF8Validation.isValid(wholeCharacters(bytes)) { return .utf8 }

        var vietnamese = 0, windowsCentral = 0, isoCentral = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if toneMarks.contains(byte) && vowels.contains(previous) { vietnamese += 1 }
            if byte == 0xF0 || byte == 0xD0 { vietnamese += 1 }  // đ Đ
            if windows1250Letters.contains(byte) { windowsCentral += 1 }
            if iso88592Letters.contains(byte) { isoCentral += 1 }
            if sharedCentralLetters.contains(byte) && consonants.contains(previous) {
                windowsCentral += 1
                isoCentral += 1
            }
            previous = byte
        }
        if vietnamese > max(windowsCentral, isoCentral) { return .windows1258 }
        if windowsCentral > 0 || isoCentral > 0 { return isoCentral > windowsCentral ? .iso88592 : .windows1250 }
        return .windows1252
    }

    /// `bytes` without a UTF-8 character cut off at its end.
    private static func wholeCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = bytes.count
        var back = 0
        while end > 0 && back < 3 && bytes[end - 1] & 0xC0 == 0x80 {
            end -= 1
            back += 1
        }
        if end > 0 && bytes[end - 1] >= 0xC0 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[0..<end])
    }

    /// Windows-1258's combining grave, hook above, tilde, acute and dot below.
    private static let toneMarks: Set<UInt8> = [0xCC, 0xD2, 0xDE, 0xEC, 0xF2]
    /// Vowels a tone mark follows: ASCII and Windows-1258's â ê ô ơ ư ă (both cases).
    private static let vowels: Set<UInt8> = Set("aeiouyAEIOUY".utf8).union([0xE2, 0xC2, 0xEA, 0xCA, 0xF4, 0xD4, 0xF5, 0xD5, 0xFD, 0xDD, 0xE3, 0xC3])
    /// Š š Ž ž Ť ť Ř ř ů in Windows-1250 (unused or other letters in Windows-1258).
    private static let windows1250Letters: Set<UInt8> = [0x8A, 0x9A, 0x8E, 0x9E, 0x8D, 0x9D, 0xF8, 0xD8, 0xF9]
    /// Š š Ž ž ť in ISO-8859-2.
    private static let iso88592Letters: Set<UInt8> = [0xA9, 0xB9, 0xAE, 0xBE, 0xBB]
    /// ě č ň Č, the same in both Central European encodings, after a consonant (a Vietnamese tone follows a vowel).
    private static let sharedCentralLetters: Set<UInt8> = [0xEC, 0xE8, 0xF2, 0xC8]
    private static let consonants: Set<UInt8> = Set("bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ".utf8)
}
