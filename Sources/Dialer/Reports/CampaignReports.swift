public import CampaignDSL
import Foundation

/// Writes a campaign's reports: `results.csv` and `attempts.csv` (format `csv`), `results.xlsx` and
/// `attempts.xlsx` (`xlsx`), `summary.json` (`json`) and `report.html` (`html`), in the campaign's language. `dialerd report`, `dialerd simulate` and the daemon's
/// `report every …` schedule all come here. See docs/reports.md.
public enum CampaignReports {
    /// What a report run wrote.
    public struct Written: Sendable {
        public let summary: CampaignSummary
        /// The files written, in the order written.
        public let files: [String]
    }

    /// Writes the reports of the campaign called `campaign` in the database at `databasePath`.
    /// - Throws: `CampaignNotFound` when the database holds no such campaign; `EnvironmentError`
    ///   when the database or the folder cannot be used.
    public static func write(databasePath: String, campaign: String, range: ReportRange, to folder: String,
                             formats: [ReportSpec.Format] = ReportSpec.Format.allCases,
                             byteOrderMark: Bool = true) throws -> Written {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw EnvironmentError("no database at \(databasePath)")
        }
        let store = try CampaignStore(path: databasePath, now: WallClock().now)
        try store.verifyIntact()
        // Read the file through a memory map: no copy per page read (reports read every page once).
        try store.connection.execute("PRAGMA mmap_size=2147418112")
        guard let id = try store.campaignID(named: campaign) else {
            throw CampaignNotFound(name: campaign, known: try store.campaignNames())
        }
        return try write(store: store, campaign: id, range: range, to: folder, formats: formats, byteOrderMark: byteOrderMark)
    }

    /// Writes the reports of campaign `campaign` (its id) into `folder`, created if missing.
    static func write(store: CampaignStore, campaign: Int64, range: ReportRange, to folder: String,
                      formats: [ReportSpec.Format], byteOrderMark: Bool = true) throws -> Written {
        let spec = try store.compiledSpec(campaign: campaign)
        guard let zone = TimeZone(identifier: spec.timeZone) else {
            throw EnvironmentError("this system does not know the time zone \(spec.timeZone); install tzdata")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw EnvironmentError("cannot create the report folder \(folder): \(error.localizedDescription)")
        }
        let output = URL(fileURLWithPath: folder)
        func path(_ name: String) -> String { output.appendingPathComponent(name).path }
        var files: [String] = []
        let writesCSV = formats.contains(.csv)
        let writesSheets = formats.contains(.xlsx)
        let dateFormat = Localizer(spec: spec).spreadsheetDateTimeFormat
        var lastCalls = writesCSV || writesSheets ? try LastCalls(store: store, campaign: campaign) : nil
        let jobs = writesCSV || writesSheets ? try JobTable(store: store, campaign: campaign) : nil
        // One pass writes the CSV and the spreadsheet; the CSV not asked for goes to a hidden file, removed after.
        let csvName = { (name: String) in writesCSV ? name : ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp" }
        defer {
            if !writesCSV { for name in ["attempts.csv", "results.csv"] { try? FileManager.default.removeItem(atPath: path(csvName(name))) } }
        }
        let tally = try AttemptsReport(store: store, campaign: campaign, zone: zone, range: range).run(
            writingTo: jobs != nil ? path(csvName("attempts.csv")) : nil, sheetPath: writesSheets ? path("attempts.xlsx") : nil,
            dateFormat: dateFormat, jobs: jobs, byteOrderMark: byteOrderMark, lastCalls: &lastCalls)
        if var lastCalls, let jobs {
            if range != .all { try lastCalls.readAll(store: store, campaign: campaign) }
            try ResultsReport(store: store, campaign: campaign, zone: zone).write(
                to: path(csvName("results.csv")), sheetPath: writesSheets ? path("results.xlsx") : nil, dateFormat: dateFormat,
                jobs: jobs, lastCalls: lastCalls,
                extraColumns: try ResultsReport.extraColumns(store: store, campaign: campaign, spec: spec),
                byteOrderMark: byteOrderMark)
            if writesCSV { files += [path("attempts.csv"), path("results.csv")] }
            if writesSheets { files += [path("attempts.xlsx"), path("results.xlsx")] }
        }
        var surveys = SurveyTally(spec: spec)
        let (start, end) = range.interval(in: zone)
        try surveys.read(store: store, campaign: campaign, from: start, to: end)
        let summary = try CampaignSummary(
            store: store, campaign: campaign, spec: spec, zone: zone, range: range, tally: tally, surveys: surveys)
        if formats.contains(.json) {
            try write(Data(summary.jsonText().utf8), to: path("summary.json"))
            files.append(path("summary.json"))
        }
        if formats.contains(.html) {
            try write(Data(HTMLReport(summary: summary, spec: spec).render().utf8), to: path("report.html"))
            files.append(path("report.html"))
        }
        return Written(summary: summary, files: files)
    }

    private static func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw EnvironmentError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
