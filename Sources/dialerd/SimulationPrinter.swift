import Dialer
import Foundation

/// The few lines `simulate` prints: what was read, what happened, where the reports are; in the
/// campaign's language, times in its zone.
enum SimulationPrinter {
    static func describe(_ result: SimulationResult) -> String {
        let summary = result.summary
        let compile = result.compile
        let words = Localizer(summary: summary)
        let number = { (value: Int) in words.number(value) }
        let labels: [TextKey] = [.labelCalls, .labelMachines, .labelContacts, .labelAgents, .labelSMS, .labelWebhooks]
        let width = labels.map { words.text($0).count }.max() ?? 0
        /// `  calls:    ` with every label's text starting in one column.
        func label(_ key: TextKey) -> String {
            let text = words.text(key) + ":"
            return "  " + text + String(repeating: " ", count: max(1, width + 2 - text.count))
        }
        var lines: [String] = []
        var read = words.text(.simRead, ["campaign": summary.campaign, "contacts": number(summary.contacts)])
        var notes: [String] = []
        if compile.invalid > 0 { notes.append(words.text(.simInvalid, ["count": number(compile.invalid)])) }
        if compile.duplicates > 0 { notes.append(words.text(.simDuplicate, ["count": number(compile.duplicates)])) }
        if compile.doNotCall > 0 { notes.append(words.text(.simDoNotCall, ["count": number(compile.doNotCall)])) }
        if compile.filteredOut > 0 { notes.append(words.text(.simFiltered, ["count": number(compile.filteredOut)])) }
        if !compile.rejectedRows.isEmpty {
            notes.append(compile.rejectedRows.count == 1
                ? words.text(.simRejectedOne) : words.text(.simRejected, ["count": number(compile.rejectedRows.count)]))
        }
        if !compile.ignoredDNCLines.isEmpty {
            notes.append("\(compile.ignoredDNCLines.count) do-not-call line\(compile.ignoredDNCLines.count == 1 ? "" : "s") ignored")
        }
        if !notes.isEmpty { read += " (" + notes.joined(separator: ", ") + ")" }
        lines.append(read)
        if let first = summary.firstCall, let last = summary.lastCall {
            lines.append("  " + words.text(.simCallsSpan, ["count": number(summary.attempts), "first": words.dateTime(iso: first),
                                                           "last": words.dateTime(iso: last)]))
        } else {
            lines.append("  " + words.text(.simNoCalls))
        }
        lines.append(label(.labelCalls) + words.text(.simCalls, [
            "answered": number(summary.answered), "noAnswer": number(summary.noAnswer), "busy": number(summary.busy),
            "failed": number(summary.failed), "abandoned": number(summary.abandoned), "rate": words.percent(summary.abandonRate)]))
        let network = result.network
        let machines = ["machine": number(summary.machine), "reached": number(network.machinesReachingAgents),
                        "none": number(network.machinesAbandoned), "persons": number(network.personsHungUpAsMachines)]
        lines.append(label(.labelMachines)
                     + words.text(network.personsHungUpAsMachines == 1 ? .simMachinesOnePerson : .simMachines, machines))
        lines.append(label(.labelContacts) + words.text(.simContacts, [
            "completed": number(summary.completed), "exhausted": number(summary.exhausted), "invalid": number(summary.invalid),
            "duplicate": number(summary.duplicate), "dnc": number(summary.doNotCall)])
            + (summary.pending > 0 ? words.text(.simPending, ["pending": number(summary.pending)]) : ""))
        lines.append(label(.labelAgents) + words.text(.simOccupancy, ["rate": words.percent(summary.occupancy)]))
        for (key, figures) in [(TextKey.labelSMS, summary.sms), (.labelWebhooks, summary.webhooks)] where figures.total > 0 {
            lines.append(label(key) + words.text(.deliverySentFailed, ["sent": number(figures.sent), "failed": number(figures.failed)])
                         + (figures.unknown > 0 ? words.text(.deliveryMaybe, ["count": number(figures.unknown)]) : "")
                         + (figures.skipped > 0 ? words.text(.deliverySkipped, ["count": number(figures.skipped)]) : "")
                         + (figures.queued > 0 ? words.text(.deliveryQueued, ["count": number(figures.queued)]) : ""))
        }
        lines.append(words.text(.labelReports) + ":")
        for file in result.files { lines.append("  \(file)") }
        return lines.joined(separator: "\n")
    }
}
