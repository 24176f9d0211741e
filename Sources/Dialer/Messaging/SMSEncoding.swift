/// How a text message is encoded on the air.
public enum SMSEncoding: String, Sendable, Hashable, Codable {
    /// The GSM 03.38 7-bit alphabet: 160 characters in one message, 153 per part of a long one.
    case gsm7 = "GSM-7"
    /// UCS-2 (UTF-16 on today's networks): 70 code units in one message, 67 per part.
    /// Any character outside the GSM alphabet (Vietnamese diacritics, emoji) forces it.
    case ucs2 = "UCS-2"

    /// Units that fit in a message sent alone.
    public var singleLimit: Int { self == .gsm7 ? 160 : 70 }

    /// Units that fit in each part of a concatenated message (the rest carries the part header).
    public var partLimit: Int { self == .gsm7 ? 153 : 67 }
}
