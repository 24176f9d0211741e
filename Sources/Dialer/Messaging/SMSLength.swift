import Foundation

/// How long a text is as an SMS: its encoding, its size in that encoding's units, and how many
/// parts it is sent as. Shown by `explain` and in reports, since networks bill per part.
public struct SMSLength: Sendable, Hashable, Codable {
    public var encoding: SMSEncoding
    /// Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2).
    public var units: Int
    /// Parts on the air: 1 up to the single limit, then one per part limit.
    public var segments: Int

    public init(encoding: SMSEncoding, units: Int, segments: Int) {
        self.encoding = encoding
        self.units = units
        self.segments = segments
    }

    /// Measures `text` as it will be sent: composed (NFC) first, so a decomposed "é" counts as the GSM "é".
    ///
    /// A long message is cut so that no part ends between an escape septet and its character, nor
    /// between the two halves of a surrogate pair; so a part may carry one unit less than the limit.
    public init(measuring text: String) {
        let composed = text.precomposedStringWithCanonicalMapping
        let septets = composed.unicodeScalars.map(GSM7Alphabet.septets)
        let encoding: SMSEncoding
        let sizes: [Int]
        if septets.allSatisfy({ $0 != nil }) {
            encoding = .gsm7
            sizes = septets.compactMap { $0 }
        } else {
            encoding = .ucs2
            sizes = composed.unicodeScalars.map { $0.value > 0xFFFF ? 2 : 1 }
        }
        let units = sizes.reduce(0, +)
        self.init(encoding: encoding, units: units,
                  segments: units <= encoding.singleLimit ? 1 : Self.parts(sizes, limit: encoding.partLimit))
    }

    /// For people: `GSM-7, 42 septets, 1 part` or `UCS-2, 75 units, 2 parts`.
    public var summary: String {
        "\(encoding.rawValue), \(units) \(encoding == .gsm7 ? "septets" : "units"), \(segments) part" + (segments == 1 ? "" : "s")
    }

    /// Packs characters of the given sizes into parts of `limit` units, never splitting one.
    private static func parts(_ sizes: [Int], limit: Int) -> Int {
        var parts = 1
        var used = 0
        for size in sizes {
            if used + size > limit {
                parts += 1
                used = 0
            }
            used += size
        }
        return parts
    }
}
