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
        /// The callee's legal hours and the campaign's, in the callee's local time.
        let window: String
        /// The first minute the laws allow a call, in the callee's local time (empty if never).
        let nextAllowed: String
        /// A callback already agreed, in the callee's local time, and for whom.
        let callback: String
        /// Earlier calls: `2026-03-09 10:00 no-answer (amelia)`.
        let history: [String]
        /// The list's columns as written (header, value).
        let fields: [(column: String, value: String)]
    }

    let campaign: String
    let title: String?
    let agent: String
    let agentName: String?
    let generatedAt: String
    let rows: [Row]
    let questions: [Question]
    let dispositions: [Disposition]
}
