public import CampaignDSL
public import Foundation

/// Every fixed text people read (report.html, the printable call sheets, the `simulate` and `run`
/// summaries) in the campaign's language, with its dates, times and numbers written the way that
/// language writes them, in the campaign's time zone.
///
/// ```swift
/// let words = Localizer(spec: spec)                       // `language vi`, `timezone Asia/Ho_Chi_Minh`
/// words.text(.sectionAgents)                              // "Nhân viên"
/// words.text(.answeredCount, ["count": words.number(1234)])  // "1.234 người trả lời"
/// words.dateTime(Date())                                  // "06/12/2026 14:05"
/// words.percent(0.0312)                                   // "3,1 %"
/// words.html(.sheetFor, ["agent": "<strong>An</strong>"]) // the template escaped, the argument as given
/// ```
///
/// Texts are looked up by a `TextKey`; each key's English, Vietnamese and Czech are written side
/// by side in `TextKey.translations`, so a key cannot exist without all three (the compiler
/// checks the `switch`), and a test checks that every translation has the same `{placeholders}`.
/// A value: cheap to make, `Sendable`, safe to keep per campaign or to make per request.
public struct Localizer: Sendable {
    /// The language texts are written in.
    public let language: CampaignLanguage
    /// The zone dates and times are shown in.
    public let timeZone: TimeZone

    /// Texts in `language`, times in `timeZone` (UTC when not given).
    public init(language: CampaignLanguage = .english, timeZone: TimeZone? = nil) {
        self.language = language
        self.timeZone = timeZone ?? TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// The campaign's language (English when it names none) and its time zone.
    public init(spec: CampaignSpec) {
        self.init(language: spec.language ?? .english, timeZone: TimeZone(identifier: spec.timeZone))
    }

    /// The text of `key` with each `{name}` replaced by `arguments[name]`.
    public func text(_ key: TextKey, _ arguments: [String: String] = [:]) -> String {
        Self.fill(key.text(in: language), arguments, escape: { $0 })
    }

    /// The text of `key` as HTML: the template's own words escaped, the arguments inserted as given
    /// (escape them, or pass markup such as `<strong>…</strong>`).
    public func html(_ key: TextKey, _ arguments: [String: String] = [:]) -> String {
        Self.fill(key.text(in: language), arguments, escape: HTMLText.escape)
    }

    /// Every text in this language by its key's name (`"sectionAgents": "Nhân viên"`), placeholders
    /// unfilled: for a web page that fills its own texts in the browser (send it as JSON).
    public var allTexts: [String: String] {
        Dictionary(uniqueKeysWithValues: TextKey.allCases.map { ($0.rawValue, $0.text(in: language)) })
    }

    /// The `{name}` placeholders of a template, in order.
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private static func fill(_ template: String, _ arguments: [String: String], escape: (String) -> String) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += escape(String(rest[..<open]))
            let name = String(rest[rest.index(after: open)..<close])
            out += arguments[name] ?? escape("{" + name + "}")
            rest = rest[rest.index(after: close)...]
        }
        return out + escape(String(rest))
    }
}

extension Localizer {
    /// The language and zone of the campaign a summary is about.
    public init(summary: CampaignSummary) {
        self.init(language: summary.language ?? .english, timeZone: TimeZone(identifier: summary.timeZone))
    }
}
