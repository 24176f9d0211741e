import CampaignDSL
import Dialer
import Foundation

/// `dialerd check FILE…`: reports every problem in campaign files.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "check campaign files and report every problem"
    static let help = """
        Usage: dialerd check [--format text|json] FILE…

        Checks each campaign file (and the files it names) and reports every problem
        found, as `file:line:column: error: message [id]` with the line and a caret.

        Options:
          --format text|json   text for people (default), json for tools
          -h, --help           show this help

        Exit status: 0 when no file has errors (warnings allowed), 1 when any has
        errors, 2 on bad usage.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: ["format"], flagOptions: [])
        } catch {
            return usageFailure(error)
        }
        let format = arguments.value("format") ?? "text"
        guard format == "text" || format == "json" else {
            return usageFailure(UsageError("--format must be text or json, not '\(format)'"))
        }
        guard !arguments.positional.isEmpty else { return usageFailure(UsageError("name at least one campaign file")) }

        var failed = false
        var jsonDocuments: [String] = []
        for path in arguments.positional {
            let result = ownerReview(of: CampaignChecker.check(file: path, environment: DialerEnvironment()))
            failed = failed || result.hasErrors
            let renderer = DiagnosticRenderer(sources: result.sources, color: Terminal.colorOnStandardError)
            if format == "json" {
                jsonDocuments.append(renderer.renderJSON(result.diagnostics))
            } else if result.diagnostics.isEmpty {
                Terminal.out("\(path): ok")
            } else {
                Terminal.error(renderer.render(result.diagnostics))
                Terminal.error(Self.tally(result, path: path))
            }
        }
        if format == "json" { Terminal.out(mergeJSONArrays(jsonDocuments)) }
        return failed ? .inputHasErrors : .success
    }

    /// The check's result with a warning for each owner its lists name who is not on the team
    /// (a preview campaign by owner would silently give their contacts to others).
    private static func ownerReview(of result: CheckResult) -> CheckResult {
        guard let spec = result.spec, !result.hasErrors else { return result }
        var sources = result.sources
        let warnings: [Diagnostic]
        do {
            warnings = OwnerReview.diagnostics(try OwnerReview.unknownOwners(spec), spec: spec, sources: &sources)
        } catch {
            // The lists' rows are the compile's to judge (`dialerd explain` shows them); the owners go unchecked.
            warnings = [Diagnostic(severity: .warning, id: "owners-not-checked",
                                   message: "the lists' owners could not be checked: \(error)",
                                   range: .point(spec.lists.first?.path ?? "", 0))]
        }
        return warnings.isEmpty ? result : CheckResult(
            spec: spec, diagnostics: result.diagnostics + warnings, sources: sources, errorCount: result.errorCount,
            warningCount: result.warningCount + warnings.count { $0.severity == .warning })
    }

    /// One JSON array holding the elements of several (each file's diagnostics carry their file name).
    private static func mergeJSONArrays(_ arrays: [String]) -> String {
        let bodies = arrays.compactMap { text -> String? in
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
            let body = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
            return body.isEmpty ? nil : body
        }
        return "[" + bodies.joined(separator: ",\n") + "]"
    }

    /// "demo.campaign: 2 errors, 1 warning", counting those not shown past the caps too.
    private static func tally(_ result: CheckResult, path: String) -> String {
        let errors = result.errorCount
        let warnings = result.warningCount
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(path): \(plural(errors, "error")), \(plural(warnings, "warning"))"
    }
}
