/// A fingerprint of a campaign file's text, to tell when it changed.
enum SourceHash {
    /// FNV-1a, 64 bits, as 16 hex digits prefixed with its name.
    static func fnv1a64(_ text: String) -> String {
        let hex = String(FNV1a.hash(text.utf8), radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
