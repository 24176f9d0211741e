extension String {
    /// The text without leading and trailing spaces and tabs; much faster than
    /// Foundation's `trimmingCharacters(in:)` on the compile path.
    var trimmingSpacesAndTabs: String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start < end {
            let before = bytes.index(before: end)
            guard bytes[before] == 0x20 || bytes[before] == 0x09 else { break }
            end = before
        }
        return String(self[start..<end])
    }

    /// True when the text is empty or holds only spaces and tabs.
    var isBlank: Bool {
        utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
