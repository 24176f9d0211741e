import Foundation
import CampaignDSL

/// Compact JSON text for the string arrays the store keeps (list headers, contact fields).
enum JSONText {
    static func encode(_ strings: [String]) -> String {
        var text = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text += "," }
            text += JSONString.literal(string)
        }
        return text + "]"
    }

    static func decodeStrings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
