/// The language a campaign's reports, call sheets and summaries are written in (`language vi`).
/// English unless the campaign names another.
public enum CampaignLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case english = "en"
    case vietnamese = "vi"
    case czech = "cs"

    /// The code written after `language`, also the page's `lang` attribute (`vi`).
    public var code: String { rawValue }

    /// The language's own name (`Tiếng Việt`), for hints and menus.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .vietnamese: "Tiếng Việt"
        case .czech: "Čeština"
        }
    }

    /// The language's name in English (`Vietnamese`), for `explain`.
    public var englishName: String {
        switch self {
        case .english: "English"
        case .vietnamese: "Vietnamese"
        case .czech: "Czech"
        }
    }

    /// Words people write for a language that are not its code (`vn`, `czech`), with the code they mean.
    static let aliases: [String: CampaignLanguage] = [
        "vn": .vietnamese, "vietnamese": .vietnamese, "tieng-viet": .vietnamese, "vi-vn": .vietnamese,
        "cz": .czech, "czech": .czech, "cestina": .czech, "cs-cz": .czech,
        "english": .english, "en-us": .english, "en-gb": .english, "eng": .english,
    ]
}
