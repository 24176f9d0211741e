import CampaignDSL
import Dialer
import Foundation

/// `dialerd agents export|import|assign|reassign`: agents' call sheets and their outcomes.
enum AgentsCommand: Command {
    static let name = "agents"
    static let summary = "assign contacts to agents, export call sheets, import outcomes, report"
    static let help = """
        Usage: dialerd agents export CAMPAIGN [--agent ID] --out DIR [--db PATH]
               dialerd agents import FILE [--db PATH]
               dialerd agents assign CAMPAIGN [--by owner|round-robin|balanced] [--db PATH]
               dialerd agents reassign CAMPAIGN --from ID [--to ID,ID…] [--by round-robin|balanced] [--db PATH]
               dialerd agents report CAMPAIGN [--db PATH]

        export    writes DIR/CAMPAIGN-AGENT.csv and DIR/CAMPAIGN-AGENT.html for each agent
                  (or the one named): their contacts in calling order, with numbers (best
                  first), the callee's local window, earlier calls, the survey, the
                  dispositions and room for a callback time. Contacts not yet assigned are
                  assigned first (by the campaign's `assign` setting; without one, by the
                  list's owner column when it has one, else balanced).
        import    reads a call sheet CSV back, its outcome columns filled in: disposition,
                  answer:QUESTION, callback (YYYY-MM-DD HH:MM in the callee's zone),
                  callback_by (me, anyone or an agent), opt_out (yes). Every row is checked
                  against its campaign; bad rows are reported as FILE:LINE: message and
                  skipped, good rows applied. Importing a sheet again changes nothing.
        assign    shares the open contacts that have no agent yet among the campaign's agents.
        reassign  moves an absent agent's open contacts to the others.
        report    prints each agent's logged-in time, calls, talk and wrap-up, occupancy,
                  dispositions chosen, open contacts and callbacks waiting.

        Options:
          --config FILE the daemon config, for its database
          --db PATH     the database (overrides the config; default: dialer.db)
          --out DIR     where export writes the sheets
          --agent ID    export only this agent's sheet
          --by METHOD   owner, round-robin or balanced (contacts × expected attempts);
                        overrides the campaign's `assign` setting
          --from ID     the absent agent
          --to ID,ID    the agents who take over (default: every other agent)
          -h, --help    show this help

        Exit status: 0 done, 1 some imported rows had errors (the good ones were
        applied) or the config has errors, 2 bad usage or an unusable database or folder.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(
                words, valueOptions: ["config", "db", "out", "agent", "by", "from", "to"], flagOptions: [])
        } catch {
            return usageFailure(error)
        }
        guard let action = arguments.positional.first else {
            return usageFailure(UsageError("name an action: export, import, assign, reassign or report"))
        }
        let rest = Array(arguments.positional.dropFirst())
        guard rest.count == 1, let target = rest.first else {
            return usageFailure(UsageError(action == "import" ? "name exactly one call sheet file" : "name exactly one campaign"))
        }
        let config: DaemonConfig
        switch DaemonSetup.config(arguments, command: name) {
        case .loaded(let loaded): config = loaded
        case .failed(let code): return code
        }
        let database = config.databasePath
        var method: AssignmentMethod?
        if let by = arguments.value("by") {
            guard let parsed = AssignmentMethod(rawValue: by) else {
                return usageFailure(UsageError("--by must be owner, round-robin or balanced, not '\(by)'"))
            }
            method = parsed
        }
        let now = WallClock().now
        do {
            switch action {
            case "export":
                guard let out = arguments.value("out") else { return usageFailure(UsageError("export needs --out DIR")) }
                let files = try CallSheetExport.export(
                    campaign: target, agent: arguments.value("agent"), outputDirectory: out, databasePath: database, at: now)
                Terminal.out("call sheets:\n" + files.map { "  " + $0 }.joined(separator: "\n"))
                return .success
            case "import":
                // The follow-ups are planned for the config's webhooks; the daemon sends them with their secrets.
                let report = try OutcomeImport.importFile(
                    target, databasePath: database, messaging: try DaemonMessaging.configuration(config, readingSecrets: false),
                    at: now)
                if report.hasErrors { Terminal.error(report.errors.map(\.description).joined(separator: "\n")) }
                Terminal.out("\(target): \(report.applied) applied, \(report.alreadyImported) already imported, "
                             + "\(report.blank) blank, \(Set(report.errors.map(\.line)).count) refused")
                return report.hasErrors ? .inputHasErrors : .success
            case "assign":
                let summary = try CallAssignments.assign(campaign: target, method: method, databasePath: database, at: now)
                Terminal.out(describe(summary))
                return .success
            case "reassign":
                guard let from = arguments.value("from") else { return usageFailure(UsageError("reassign needs --from ID")) }
                let to = arguments.value("to").map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
                let summary = try CallAssignments.reassign(
                    campaign: target, from: from, to: to, method: method, databasePath: database, at: now)
                Terminal.out(describe(summary))
                return .success
            case "report":
                Terminal.out(describe(try AgentReport.read(campaign: target, databasePath: database, at: now)))
                return .success
            default:
                return usageFailure(UsageError("unknown action '\(action)' (export, import, assign, reassign or report)"))
            }
        } catch {
            Terminal.error("dialerd agents \(action): \(error)")
            return .usageOrEnvironment
        }
    }

    private static func describe(_ report: AgentReport) -> String {
        func minutes(_ seconds: Double) -> String { String(Int((seconds / 60).rounded())) }
        var lines = ["\(report.campaign): agents",
                     "  agent            logged-in-min  calls  talk-min  wrap-min  occupancy  open  callbacks  dispositions"]
        for line in report.lines {
            let occupancy = line.occupancy.map { String(format: "%.1f %%", $0 * 100) } ?? "-"
            let dispositions = line.dispositions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("  " + [pad(line.agent, 16), pad(minutes(line.loggedInSeconds), 13, right: true),
                                 pad(String(line.calls), 5, right: true), pad(minutes(line.talkSeconds), 8, right: true),
                                 pad(minutes(line.wrapSeconds), 8, right: true), pad(occupancy, 9, right: true),
                                 pad(String(line.openContacts), 4, right: true), pad(String(line.callbacks), 9, right: true),
                                 dispositions].joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let room = String(repeating: " ", count: max(0, width - text.count))
        return right ? room + text : text + room
    }

    private static func describe(_ summary: AssignmentSummary) -> String {
        let lines = summary.perAgent.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value) open contacts" }
        return (["\(summary.assigned) contacts assigned"] + lines).joined(separator: "\n")
    }
}
