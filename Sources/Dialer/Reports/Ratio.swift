/// Rates as reports show them.
enum Ratio {
    /// `part / whole` rounded to 4 decimals; 0 when `whole` is 0.
    static func of(_ part: Double, _ whole: Double) -> Double {
        whole > 0 ? (part / whole * 10_000).rounded() / 10_000 : 0
    }
}
