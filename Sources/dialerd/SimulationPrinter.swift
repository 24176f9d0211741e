import Dialer
import Foundation

/// The few lines `simulate` prints: what was read, what happened, where the reports are.
enum SimulationPrinter {
    static func describe(_ result: SimulationResult) -> String {
        let summary = result.summary
        let compile = result.compile
        var lines: [String] = []
        var read = "\(summary.campaign): \(summary.contacts) contacts"
        var notes: [String] = []
        if compile.invalid > 0 { notes.append("\(compile.invalid) invalid") }
        if compile.duplicates > 0 { notes.append("\(compile.duplicates) duplicate") }
        if compile.doNotCall > 0 { notes.append("\(compile.doNotCall) do-not-call") }
        if compile.filteredOut > 0 { notes.append("\(compile.filteredOut) left out by the filter") }
        if !compile.rejectedRows.isEmpty {
            notes.append("\(compile.rejectedRows.count) row\(compile.rejectedRows.count == 1 ? "" : "s") rejected")
        }
        if !compile.ignoredDNCLines.isEmpty {
            notes.append("\(compile.ignoredDNCLines.count) do-not-call line\(compile.ignoredDNCLines.count == 1 ? "" : "s") ignored")
        }
        if !notes.isEmpty { read += " (" + notes.joined(separator: ", ") + ")" }
        lines.append(read)
        if let first = summary.firstCall, let last = summary.lastCall {
            lines.append("  \(summary.attempts) calls from \(first) to \(last)")
        } else {
            lines.append("  no calls placed")
        }
        lines.append("  calls:    answered \(summary.answered), no answer \(summary.noAnswer), busy \(summary.busy), "
                     + "failed \(summary.failed), abandoned \(summary.abandoned) (\(percent(summary.abandonRate)) of answered)")
        let network = result.network
        lines.append("  machines: \(summary.machine) calls ended as machines; \(network.machinesReachingAgents) reached an agent, "
                     + "\(network.machinesAbandoned) found none; AMD took \(network.personsHungUpAsMachines) "
                     + "person\(network.personsHungUpAsMachines == 1 ? "" : "s") for machines")
        lines.append("  contacts: completed \(summary.completed), exhausted \(summary.exhausted), invalid \(summary.invalid), "
                     + "duplicate \(summary.duplicate), do-not-call \(summary.doNotCall)"
                     + (summary.pending > 0 ? ", still pending \(summary.pending)" : ""))
        lines.append("  agents:   occupancy \(percent(summary.occupancy))")
        if summary.sms.total > 0 {
            lines.append("  sms:      sent \(summary.sms.sent), failed \(summary.sms.failed)"
                         + (summary.sms.unknown > 0 ? ", maybe delivered \(summary.sms.unknown)" : "")
                         + (summary.sms.skipped > 0 ? ", skipped \(summary.sms.skipped)" : "")
                         + (summary.sms.queued > 0 ? ", still queued \(summary.sms.queued)" : ""))
        }
        if summary.webhooks.total > 0 {
            lines.append("  webhooks: sent \(summary.webhooks.sent), failed \(summary.webhooks.failed)"
                         + (summary.webhooks.unknown > 0 ? ", maybe delivered \(summary.webhooks.unknown)" : "")
                         + (summary.webhooks.skipped > 0 ? ", skipped \(summary.webhooks.skipped)" : "")
                         + (summary.webhooks.queued > 0 ? ", still queued \(summary.webhooks.queued)" : ""))
        }
        lines.append("reports:")
        for file in result.files { lines.append("  \(file)") }
        return lines.joined(separator: "\n")
    }

    private static func percent(_ ratio: Double) -> String {
        String(format: "%.1f %%", ratio * 100)
    }
}
