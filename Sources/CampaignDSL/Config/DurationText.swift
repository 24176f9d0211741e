/// Durations as the campaign language writes them (`30s`, `10m`, `2h`, `1d`, `1h30m`), for command-line options.
public enum DurationText {
    /// The duration in seconds, or nil when `text` is not one.
    public static func seconds(_ text: String) -> Int? {
        try? ValueSyntax.duration(text).get()
    }
}
