import CampaignDSL
import Dialer
import Foundation

/// `dialerd fmt [--check] FILE…`: lays campaign files out the one canonical way.
enum FmtCommand: Command {
    static let name = "fmt"
    static let summary = "lay campaign files out the canonical way"
    static let help = """
        Usage: dialerd fmt [--check] FILE…

        Rewrites each campaign file in the one canonical layout: two-space
        indents, one statement per line, aligned values and comments, comments
        kept. Formatting a formatted file changes nothing. A file with syntax
        errors is left untouched and its errors are reported.

        Options:
          --check      change nothing; list the files that are not formatted
          -h, --help   show this help

        Exit status: 0 done (or, with --check, every file formatted), 1 a file has
        syntax errors (or, with --check, is not formatted), 2 bad usage or a file
        that cannot be read or written.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: [], flagOptions: ["check"])
        } catch {
            return usageFailure(error)
        }
        guard !arguments.positional.isEmpty else { return usageFailure(UsageError("name at least one campaign file")) }
        var status = ExitCode.success
        for path in arguments.positional {
            guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
                Terminal.error("dialerd fmt: cannot read \(path) as UTF-8 text")
                status = .usageOrEnvironment
                continue
            }
            let result = CampaignFormatter.format(source, file: path)
            guard let formatted = result.text else {
                Terminal.error(DiagnosticRenderer(sources: result.sources, color: Terminal.colorOnStandardError).render(result.diagnostics))
                if status == .success { status = .inputHasErrors }
                continue
            }
            guard formatted != source else { continue }
            if arguments.has("check") {
                Terminal.out("\(path): not formatted")
                if status == .success { status = .inputHasErrors }
                continue
            }
            do {
                try formatted.write(toFile: path, atomically: true, encoding: .utf8)
                Terminal.out("formatted \(path)")
            } catch {
                Terminal.error("dialerd fmt: cannot write \(path): \(error.localizedDescription)")
                status = .usageOrEnvironment
            }
        }
        return status
    }
}
