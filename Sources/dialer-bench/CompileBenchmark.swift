import Dialer
import Foundation

/// `compile`: a national-size list and Do-Not-Call register, generated and seeded, compiled end to end
/// (target: 1 million contacts in ≤ 15 s with a 50-million-number register, peak memory ≤ 1.5 GB), then the
/// same list saved as an Excel workbook (target: at least half the CSV's compile speed).
enum CompileBenchmark {
    static let name = "compile"
    static let summary = "compile N contacts against an M-number DNC register (target: 1M in ≤ 15 s, ≤ 1.5 GB)"
    static let options: Set<String> = ["contacts", "dnc", "seed"]

    /// The workbook and the CSV list did not compile to the same contacts.
    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ arguments: CommandArguments) throws -> BenchmarkReport {
        let contacts = Int(arguments.value("contacts") ?? "1000000") ?? 1_000_000
        let dncCount = Int(arguments.value("dnc") ?? "50000000") ?? 50_000_000
        let seed = UInt64(arguments.value("seed") ?? "1") ?? 1
        guard (1...20_000_000).contains(contacts), (0...300_000_000).contains(dncCount) else {
            throw UsageError("--contacts must be 1–20000000 and --dnc 0–300000000")
        }
        let folder = NSTemporaryDirectory() + "dialer-bench-compile-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let parts = try ContactsBenchmarkSupport.measure(
            contacts: contacts, dncNumbers: dncCount, lookups: 10_000_000, seed: seed, folder: folder)
        let campaign = folder + "/bench.campaign"
        try """
        campaign bench {
          timezone Asia/Ho_Chi_Minh
          list "contacts.csv" {
            phone   column "Mobile", column "Home"
            name    column "Full name"
            country VN
          }
          dnc "dnc.txt"
          hours { mon-fri 08:00-17:00 }
          dial progressive { agents 10 }
        }
        """.write(toFile: campaign, atomically: true, encoding: .utf8)
        let csvCPUStart = cpuSeconds()
        let (report, compileSeconds) = try measure {
            try CampaignCompilation.compile(file: campaign, databasePath: folder + "/bench.db",
                                            cacheDirectory: folder + "/dnc-cache", at: Date(timeIntervalSince1970: 1_772_384_400))
        }
        let csvCPU = cpuSeconds() - csvCPUStart
        // The same list as an Excel workbook, compiled the same way (the register's cache is warm for both).
        let workbook = try ContactsBenchmarkSupport.writeContactsXLSX(fromCSV: folder + "/contacts.csv", folder: folder)
        let workbookCampaign = folder + "/bench-xlsx.campaign"
        try String(contentsOfFile: campaign, encoding: .utf8)
            .replacingOccurrences(of: "contacts.csv", with: "contacts.xlsx")
            .replacingOccurrences(of: "campaign bench", with: "campaign bench_xlsx")
            .write(toFile: workbookCampaign, atomically: true, encoding: .utf8)
        let xlsxCPUStart = cpuSeconds()
        let (workbookReport, workbookSeconds) = try measure {
            try CampaignCompilation.compile(file: workbookCampaign, databasePath: folder + "/bench-xlsx.db",
                                            cacheDirectory: folder + "/dnc-cache", at: Date(timeIntervalSince1970: 1_772_384_400))
        }
        let xlsxCPU = cpuSeconds() - xlsxCPUStart
        guard workbookReport.contacts == report.contacts, workbookReport.dialable == report.dialable else {
            throw Mismatch(description: "the workbook compiled \(workbookReport.contacts) contacts (\(workbookReport.dialable) dialable), "
                                    + "the CSV \(report.contacts) (\(report.dialable))")
        }
        let workbookRead = try ContactsBenchmarkSupport.measureListRead(path: workbook)
        let compileRate = Double(report.contacts) / compileSeconds
        let workbookCompileRate = Double(workbookReport.contacts) / workbookSeconds
        return BenchmarkReport(
            benchmark: name,
            setting: "\(contacts) contacts, \(dncCount) DNC numbers, seed \(seed); compile uses the DNC disk cache",
            command: "swift run -c release dialer-bench compile --contacts \(contacts) --dnc \(dncCount) --seed \(seed)",
            figures: [
                Figure("compile_seconds", compileSeconds, target: "≤ 15 (1M contacts)"),
                Figure("contacts_per_second", Double(contacts) / compileSeconds, decimals: 0),
                Figure("dialable_contacts", Double(report.dialable), decimals: 0),
                Figure("dnc_scrubbed_contacts", Double(report.doNotCall), decimals: 0),
                Figure("invalid_contacts", Double(report.invalid), decimals: 0),
                Figure("duplicate_contacts", Double(report.duplicates), decimals: 0),
                Figure("csv_rows_per_second", Double(parts.csvRows) / parts.csvSeconds, decimals: 0),
                Figure("xlsx_rows_per_second", Double(workbookRead.rows) / workbookRead.seconds, decimals: 0),
                Figure("xlsx_compile_seconds", workbookSeconds),
                Figure("csv_compile_rows_per_second", compileRate, decimals: 0),
                Figure("xlsx_compile_rows_per_second", workbookCompileRate, decimals: 0),
                Figure("xlsx_to_csv_compile_speed", workbookCompileRate / compileRate, target: "≥ 0.5 (wall time)"),
                Figure("csv_compile_cpu_seconds", csvCPU),
                Figure("xlsx_compile_cpu_seconds", xlsxCPU),
                Figure("xlsx_to_csv_compile_speed_cpu", csvCPU / xlsxCPU, target: "≥ 0.5 (CPU time: other tenants do not count)"),
                Figure("phone_parses_per_second", Double(parts.parsedNumbers) / parts.parseSeconds, decimals: 0),
                Figure("dnc_build_numbers_per_second", Double(parts.dncLines) / parts.dncBuildSeconds, decimals: 0, target: "≥ 5000000"),
                Figure("dnc_cache_load_seconds", parts.dncCacheSeconds, decimals: 3),
                Figure("dnc_lookups_per_second", Double(parts.lookups) / parts.lookupSeconds, decimals: 0, target: "≥ 10000000"),
                Figure("dnc_batched_lookups_per_second", Double(parts.lookups) / parts.batchLookupSeconds, decimals: 0, target: "≥ 10000000"),
                Figure("dnc_bytes_per_number", parts.bytesPerNumber, target: "≤ 8"),
                Figure("peak_rss_mb", peakResidentMegabytes(), decimals: 1, target: "≤ 1536"),
            ])
    }
}
