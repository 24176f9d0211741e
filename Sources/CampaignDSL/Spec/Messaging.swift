/// The text messages a campaign sends, and when.
public struct SMSPlan: Sendable, Hashable, Codable {
    /// The sender name shown to recipients, if the gateway allows one.
    public var sender: String?
    public var messages: [SMSMessage]

    public init(sender: String? = nil, messages: [SMSMessage]) {
        self.sender = sender
        self.messages = messages
    }
}

/// One message: what sends it, and its text.
public struct SMSMessage: Sendable, Hashable, Codable {
    /// What sends a message.
    public enum Trigger: Sendable, Hashable, Codable {
        /// The contact's job ended for good after this outcome (`on no-answer final`).
        case finalOutcome(RetryOutcome)
        /// An agent chose this disposition (`on disposition callback`).
        case disposition(String)
        /// A survey question got one of these answers (`on answer renew = yes`).
        case answer(question: String, answers: [String])
        /// This many seconds before a scheduled callback (`before callback 1h`).
        case beforeCallback(seconds: Int)
    }

    public var trigger: Trigger
    /// The text, with `{field}` placeholders filled from the contact's list row.
    public var template: String

    public init(trigger: Trigger, template: String) {
        self.trigger = trigger
        self.template = template
    }

    /// The placeholder names in the template, in order.
    public var placeholders: [String] { Self.placeholders(in: template) ?? [] }

    /// The names between `{` and `}`, or nil when the braces do not pair up.
    public static func placeholders(in template: String) -> [String]? {
        var names: [String] = []
        var current: String?
        for character in template {
            switch (character, current) {
            case ("{", nil): current = ""
            case ("}", let name?):
                names.append(name)
                current = nil
            case ("{", _), ("}", nil): return nil
            case (_, let name?): current = name + String(character)
            default: break
            }
        }
        return current == nil ? names : nil
    }
}

/// A report written on a schedule.
public struct ReportSpec: Sendable, Hashable, Codable {
    /// When a report is written.
    public enum Schedule: Sendable, Hashable, Codable {
        case hourly
        /// Every day at this time, in the campaign's zone.
        case daily(at: TimeOfDay)
        /// Every week on this day at this time.
        case weekly(on: Weekday, at: TimeOfDay)
    }

    /// The report formats: `csv` (results.csv, attempts.csv, for programs), `xlsx` (results.xlsx,
    /// attempts.xlsx, for people), `json` (summary.json), `html` (report.html).
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        case csv, xlsx, json, html
    }

    public var schedule: Schedule
    /// The folder reports go to, resolved against the campaign file's folder.
    public var folder: String
    public var formats: [Format]

    public init(schedule: Schedule, folder: String, formats: [Format] = [.csv, .xlsx]) {
        self.schedule = schedule
        self.folder = folder
        self.formats = formats
    }
}
