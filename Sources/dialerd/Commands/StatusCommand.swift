import CampaignDSL
import Dialer
import Foundation

/// `dialerd status`: each campaign's progress and why contacts are not being dialed.
enum StatusCommand: Command {
    static let name = "status"
    static let summary = "show each campaign's progress and why contacts are not dialed"
    static let help = """
        Usage: dialerd status [--config FILE] [--db PATH] [--json]

        For each campaign: progress, contacts due now, the next window, calls in
        flight, agents, the abandon rate against its cap, and why contacts are not
        being dialed, counted by reason (dnc, outside-hours, outside-callee-window,
        waiting-for-retry, callback-pending, daily-cap, 24h-cap, abandon-lockout, attempt-limit,
        campaign-over, exhausted, invalid, duplicate, cancelled, paused). Also who
        holds the database. Works while a daemon runs.

        Options:
          --config FILE      the daemon config
          --db PATH          the database (overrides the config)
          --json             one JSON document, for tools
          -h, --help         show this help

        Exit status: 0 done, 1 the config has errors, 2 bad usage or no usable database.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: ["config", "db"], flagOptions: ["json"])
        } catch {
            return usageFailure(error)
        }
        guard arguments.positional.isEmpty else { return usageFailure(UsageError("status takes no file")) }
        let config: DaemonConfig
        switch DaemonSetup.config(arguments, command: name) {
        case .loaded(let value): config = value
        case .failed(let code): return code
        }
        do {
            let status = try StatusReporter.status(config: config)
            if arguments.has("json") {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Terminal.out(String(decoding: try encoder.encode(status), as: UTF8.self))
            } else {
                Terminal.out(describe(status))
            }
            return .success
        } catch {
            Terminal.error("dialerd status: \(error)")
            return .usageOrEnvironment
        }
    }

    private static func describe(_ status: DaemonStatus) -> String {
        var lines = ["database \(status.database) at \(status.now)"]
        if let lease = status.lease {
            lines.append(lease.live ? "  held by \(lease.holder) (last heartbeat \(lease.heartbeat))"
                                    : "  last held by \(lease.holder), which is not running (last heartbeat \(lease.heartbeat))")
        } else {
            lines.append("  no dialerd is running on it")
        }
        if status.campaigns.isEmpty { lines.append("no campaigns") }
        for campaign in status.campaigns {
            let state = campaign.paused ? "paused" : campaign.open ? "open" : "closed"
            lines.append("\(campaign.campaign) (\(state)): \(campaign.done) of \(campaign.contacts) contacts done, "
                         + "\(campaign.dueNow) due now, \(campaign.callsInFlight) calls in flight, \(campaign.agents) agents")
            if let next = campaign.nextWindow {
                lines.append(campaign.open ? "  window closes \(next)" : "  next window \(next)")
            } else {
                lines.append("  no window ahead: the campaign's dates are over")
            }
            if let live = campaign.liveAgents {
                lines.append("  agents now: \(live.loggedIn) logged in (\(live.ready) ready, \(live.busy) busy), \(live.paused) paused")
            }
            if let error = campaign.telephonyError {
                lines.append("  telephony-unavailable: \(error)")
            }
            let cap = campaign.abandonCap.map { String(format: " (cap %.1f %%)", $0 * 100) } ?? ""
            lines.append("  calls: \(campaign.attempts), answered \(campaign.answered), abandoned \(campaign.abandoned), "
                         + String(format: "abandon rate %.1f %%", campaign.abandonRate * 100) + cap)
            if !campaign.notDialed.isEmpty {
                let reasons = campaign.notDialed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                lines.append("  not dialed: " + reasons.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
