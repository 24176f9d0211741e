/// The one line a team lead reads first: is the campaign on track?
public struct ReportVerdict: Sendable, Hashable, Codable {
    /// What the verdict is about, worst first.
    public enum Status: String, Sendable, Hashable, Codable {
        /// A compliance window's abandon rate is over the cap.
        case overCap = "over-cap"
        /// No call was placed in the range.
        case nothingDialed = "nothing-dialed"
        /// Calls were placed but no person reached an agent.
        case noConnects = "no-connects"
        /// Every contact is final.
        case finished
        /// Calling, under the cap.
        case onTrack = "on-track"
    }

    public var status: Status
    /// One sentence, in plain words.
    public var headline: String

    init(summary: CampaignSummary) {
        let percent = { (rate: Double) in Self.percent(rate) }
        if summary.abandon.overCap, let worst = summary.abandon.worst, let cap = summary.abandon.capPercent {
            status = .overCap
            let period = worst.first == worst.last ? "on \(worst.first)" : "from \(worst.first) to \(worst.last)"
            headline = "Abandon rate over the cap: \(percent(worst.rate)) \(period), cap \(Self.number(cap)) %"
        } else if summary.attempts == 0 {
            status = .nothingDialed
            headline = summary.pending > 0
                ? "Nothing dialed: \(summary.pending) contacts are waiting for a call"
                : "Nothing dialed: no contact can be called"
        } else if summary.answered == 0 {
            status = .noConnects
            headline = "\(summary.attempts) calls placed, but no person reached an agent"
        } else if summary.pending == 0 {
            status = .finished
            headline = "Finished: every contact is final; \(summary.completed) of \(summary.contacts) reached"
        } else {
            status = .onTrack
            let cap = summary.abandon.capPercent.map { ", cap \(Self.number($0)) %" } ?? ""
            headline = "On track: \(summary.completed) of \(summary.contacts) contacts reached, "
                + "abandon rate \(percent(summary.abandonRate))\(cap)"
        }
    }

    /// `0.0312` → `3.1 %`.
    static func percent(_ rate: Double) -> String { number(rate * 100) + " %" }

    /// A number with at most one decimal (`3`, `2.5`).
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}
