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
            let iso = ISO8601DateFormatter()
            if let zone = campaign.summary.flatMap({ TimeZone(identifier: $0.timeZone) }) { iso.timeZone = zone }
            var head = "\(campaign.campaign): "
            switch campaign.state {
            case .dialed: head += "dialed, \(campaign.placed) calls placed"
            case .closed(let next): head += next.map { "closed until \(iso.string(from: $0))" } ?? "its dates are over"
            case .paused: head += "paused"
            case .finished: head += "finished"
            case .failed(let message): head += "failed: \(message)"
            case .telephonyUnavailable(let message): head += "could not dial, the telephony is unavailable: \(message)"
            }
            if campaign.reconciled > 0 { head += "; \(campaign.reconciled) calls left in flight by a stopped dialerd reconciled" }
            lines.append(head)
            if let summary = campaign.summary {
                lines.append("  calls:    \(summary.attempts) (answered \(summary.answered), no answer \(summary.noAnswer), "
                             + "busy \(summary.busy), failed \(summary.failed), abandoned \(summary.abandoned), "
                             + "unknown \(summary.unknown))")
                lines.append("  contacts: \(summary.contacts) (completed \(summary.completed), exhausted \(summary.exhausted), "
                             + "invalid \(summary.invalid), duplicate \(summary.duplicate), do-not-call \(summary.doNotCall), "
                             + "pending \(summary.pending))")
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
