import Foundation
import CampaignDSL

/// Compact JSON text for the string arrays the store keeps (list headers, contact fields).
enum JSONText {
    static func encode(_ strings: [String]) -> String {
        var bytes: [UInt8] = []
        append(strings, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the compact JSON array of `strings` as UTF-8 (the text of ``encode(_:)``), without making a String.
    static func append(_ strings: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(string, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    static func decodeStrings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
