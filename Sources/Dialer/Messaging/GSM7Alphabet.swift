/// The GSM 03.38 default alphabet and its extension table.
enum GSM7Alphabet {
    /// Characters of the basic table: one septet each.
    static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)

    /// Characters of the extension table: an escape septet and one more, so two each.
    static let extended: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)

    /// Septets for one character, or nil when the alphabet lacks it.
    static func septets(_ scalar: Unicode.Scalar) -> Int? {
        if basic.contains(scalar) { return 1 }
        if extended.contains(scalar) { return 2 }
        return nil
    }
}
