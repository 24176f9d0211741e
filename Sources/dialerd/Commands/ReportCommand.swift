import CampaignDSL
import Dialer
import Foundation

/// `dialerd report CAMPAIGN`: writes a campaign's reports from its database.
enum ReportCommand: Command {
    static let name = "report"
    static let summary = "write a campaign's results, call records, summary and HTML report"
    static let help = """
        Usage: dialerd report CAMPAIGN [--db PATH] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out DIR]
                                       [--format csv,xlsx,json,html] [--no-bom]

        Writes the reports of the campaign named CAMPAIGN (as after 'campaign' in its file)
        from the database: DIR/results.csv (one row per contact), DIR/attempts.csv (one row
        per call), the same as DIR/results.xlsx and DIR/attempts.xlsx for a spreadsheet,
        DIR/summary.json (totals, abandon rate per compliance window, agents, hours,
        surveys, messages) and DIR/report.html (one page, opens offline), in the
        campaign's language. Calls are counted by the day they were placed, in the
        campaign's time zone.

        Options:
          --db PATH            the database (default: dialer.db)
          --from YYYY-MM-DD    the first day to count (default: the first call)
          --to YYYY-MM-DD      the last day to count (default: today)
          --out DIR            where the reports go (default: reports/CAMPAIGN)
          --format LIST        which formats, comma-separated (default: csv,xlsx,json,html)
          --no-bom             CSV files without the UTF-8 byte-order mark Excel looks for
          -h, --help           show this help

        Exit status: 0 written, 1 no such campaign in the database, 2 bad usage or an
        unusable database or folder.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: ["db", "from", "to", "out", "format"], flagOptions: ["no-bom"])
        } catch {
            return usageFailure(error)
        }
        guard arguments.positional.count == 1, let campaign = arguments.positional.first else {
            return usageFailure(UsageError("name exactly one campaign"))
        }
        var days: [String: LocalDate] = [:]
        for option in ["from", "to"] {
            guard let text = arguments.value(option) else { continue }
            guard let day = ReportRange.parseDay(text) else {
                return usageFailure(UsageError("--\(option) must be a date like 2026-03-02, not '\(text)'"))
            }
            days[option] = day
        }
        if let from = days["from"], let to = days["to"], to < from {
            return usageFailure(UsageError("--to \(to) is before --from \(from)"))
        }
        var formats = ReportSpec.Format.allCases
        if let list = arguments.value("format") {
            var chosen: [ReportSpec.Format] = []
            for word in list.split(separator: ",", omittingEmptySubsequences: false) {
                guard let format = ReportSpec.Format(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                    return usageFailure(UsageError("--format takes csv, xlsx, json and html, not '\(word)'"))
                }
                if !chosen.contains(format) { chosen.append(format) }
            }
            formats = chosen
        }
        do {
            let written = try CampaignReports.write(
                databasePath: arguments.value("db") ?? "dialer.db", campaign: campaign,
                range: ReportRange(from: days["from"], to: days["to"]),
                to: arguments.value("out") ?? "reports/\(campaign)", formats: formats,
                byteOrderMark: !arguments.has("no-bom"))
            let verdict = written.summary.verdict.map { "\($0.headline)\n" } ?? ""
            Terminal.out("\(campaign): \(verdict)reports:\n" + written.files.map { "  \($0)" }.joined(separator: "\n"))
            return .success
        } catch let error as CampaignNotFound {
            Terminal.error("dialerd report: \(error.description)")
            return .inputHasErrors
        } catch {
            Terminal.error("dialerd report: \(error)")
            return .usageOrEnvironment
        }
    }
}
