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
    /// One sentence, in plain words, in the campaign's language.
    public var headline: String

    /// The verdict on `summary`, its headline in `words`' language.
    init(summary: CampaignSummary, words: Localizer) {
        let rate = { (value: Double) in words.percent(value) }
        if summary.abandon.overCap, let worst = summary.abandon.worst, let cap = summary.abandon.capPercent {
            status = .overCap
            let period = worst.first == worst.last
                ? words.text(.periodOn, ["day": words.day(worst.first)])
                : words.text(.periodFromTo, ["first": words.day(worst.first), "last": words.day(worst.last)])
            headline = words.text(.verdictOverCap, ["rate": rate(worst.rate), "period": period, "cap": words.percent(points: cap)])
        } else if summary.attempts == 0 {
            status = .nothingDialed
            headline = summary.pending > 0
                ? words.text(.verdictNothingDialedWaiting, ["pending": words.number(summary.pending)])
                : words.text(.verdictNothingDialable)
        } else if summary.answered == 0 {
            status = .noConnects
            headline = words.text(.verdictNoConnects, ["attempts": words.number(summary.attempts)])
        } else if summary.pending == 0 {
            status = .finished
            headline = words.text(.verdictFinished, ["completed": words.number(summary.completed),
                                                     "contacts": words.number(summary.contacts)])
        } else {
            status = .onTrack
            let cap = summary.abandon.capPercent.map { words.text(.verdictCapSuffix, ["cap": words.percent(points: $0)]) } ?? ""
            headline = words.text(.verdictOnTrack, ["completed": words.number(summary.completed),
                                                    "contacts": words.number(summary.contacts),
                                                    "rate": rate(summary.abandonRate), "cap": cap])
        }
    }
}
