import CampaignDSL
import Foundation

/// One agent's call sheet: their open contacts in calling order, with what is needed to call each and
/// the boxes to record the outcome. The CSV and HTML renderings are built from it.
struct CallSheet {
    /// One contact to call.
    struct Row {
        /// Stable across exports until the contact is called again: `campaign/contact/attempts`.
        let key: String
        let order: Int
        let name: String
        /// The number dialed first, then the list's other phone numbers.
        let numbers: [String]
        let zone: String
        /// The callee's zone, in which the times below are shown.
        let timeZone: TimeZone
        /// The callee's legal hours and the campaign's, in the callee's local time, in the campaign's language.
        let window: String
        /// The first minute the laws allow a call (nil if never).
        let nextAllowed: Date?
        /// A callback already agreed, and for whom (nil: anyone).
        let callback: (at: Date, agent: String?)?
        /// Earlier calls, oldest first.
        let history: [EarlierCall]
        /// The list's columns as written (header, value).
        let fields: [(column: String, value: String)]
    }

    /// One earlier call of a contact.
    struct EarlierCall {
        let placedAt: Date
        /// How it ended (`no-answer`).
        let outcome: String
        let agent: String?
    }

    let campaign: String
    let title: String?
    let agent: String
    let agentName: String?
    /// When the sheet was made, in the campaign's zone.
    let generatedAt: Date
    /// The campaign's language and zone.
    let words: Localizer
    let rows: [Row]
    let questions: [Question]
    let dispositions: [Disposition]
}
