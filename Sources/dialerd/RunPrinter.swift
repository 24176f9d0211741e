import CampaignDSL
import Dialer
import Foundation

/// The summary `dialerd run` prints: what was installed, where it dialed, and per campaign what it did and its totals.
enum RunPrinter {
    static func describe(_ report: DaemonRunReport, telephony: TelephonySettings) -> String {
        var lines: [String] = []
        for (path, outcome) in report.installs {
            switch outcome {
            case .compiled(let compile):
                lines.append("compiled \(path): \(compile.contacts) contacts (\(compile.dialable) dialable)")
            case .merged(let merge):
                lines.append("merged \(path): \(merge.added) added, \(merge.cancelled) cancelled, "
                             + "\(merge.restored) restored, \(merge.blocked) now on a do-not-call list")
            case .unchanged:
                break
            case .hasErrors:
                lines.append("not installed \(path): it has errors (run 'dialerd check \(path)')")
            case .failed(let message):
                lines.append("not installed \(path): \(message)")
            }
        }
        switch telephony {
        case .simulated(let settings):
            lines.append("on the simulated network (seed \(settings.seed), time-scale \(settings.timeScale.formatted())): no real calls")
        case .asterisk(let settings):
            lines.append("on Asterisk at \(settings.host):\(settings.port)")
        }
        if report.campaigns.isEmpty { lines.append("no campaigns") }
        for campaign in report.campaigns {
            // The campaign's language and zone; English in UTC when its summary could not be made.
            let words = campaign.summary.map { Localizer(summary: $0) } ?? Localizer()
            let number = { (value: Int) in words.number(value) }
            let state = switch campaign.state {
            case .dialed: words.text(.runDialed, ["count": number(campaign.placed)])
            case .closed(let next): next.map { words.text(.runClosedUntil, ["time": words.dateTime($0)]) } ?? words.text(.runDatesOver)
            case .paused: words.text(.runPaused)
            case .finished: words.text(.runFinished)
            case .failed(let message): words.text(.runFailed, ["message": message])
            case .telephonyUnavailable(let message): words.text(.runTelephonyUnavailable, ["message": message])
            }
            let reconciled = campaign.reconciled > 0 ? words.text(.runReconciled, ["count": number(campaign.reconciled)]) : ""
            lines.append("\(campaign.campaign): " + state + reconciled)
            if let summary = campaign.summary {
                let labels = [words.text(.labelCalls) + ":", words.text(.labelContacts) + ":"]
                let width = (labels.map(\.count).max() ?? 0) + 1
                let padded = labels.map { "  " + $0 + String(repeating: " ", count: width - $0.count) }
                lines.append(padded[0] + words.text(.runCalls, [
                    "attempts": number(summary.attempts), "answered": number(summary.answered),
                    "noAnswer": number(summary.noAnswer), "busy": number(summary.busy), "failed": number(summary.failed),
                    "abandoned": number(summary.abandoned), "unknown": number(summary.unknown)]))
                lines.append(padded[1] + words.text(.runContacts, [
                    "contacts": number(summary.contacts), "completed": number(summary.completed),
                    "exhausted": number(summary.exhausted), "invalid": number(summary.invalid),
                    "duplicate": number(summary.duplicate), "dnc": number(summary.doNotCall), "pending": number(summary.pending)]))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether any campaign failed to run or could not dial (the exit code is then 2).
    static func anyFailed(_ report: DaemonRunReport) -> Bool {
        report.campaigns.contains { campaign in
            switch campaign.state {
            case .failed, .telephonyUnavailable: true
            default: false
            }
        }
    }
}
