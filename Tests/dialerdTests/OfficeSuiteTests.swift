import Foundation
import Testing

/// LibreOffice, when installed (Debian `libreoffice-calc-nogui`, which `make test` installs).
enum OfficeSuite {
    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Converts `files` to UTF-8 CSV in `folder` the way a spreadsheet shows their cells (`infilter` for CSV input).
    static func convertToCSV(_ files: [String], infilter: String? = nil, into folder: String, home: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(soffice))
        process.arguments = ["-env:UserInstallation=file://" + home, "--headless"] + (infilter.map { ["--infilter=" + $0] } ?? [])
            + ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder] + files
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}

/// The reports opened by a real office suite: what a team lead sees is what Dialer wrote.
@Suite(.enabled(if: OfficeSuite.soffice != nil,
                "LibreOffice (soffice) is not installed: the office-suite checks are skipped (apt-get install libreoffice-calc-nogui)"))
struct OfficeSuiteTests {
    static let hostile = "=HYPERLINK(\"http://evil.example\",\"bấm vào đây\")"

    @Test func libreOfficeShowsEveryValueAsWritten() throws {
        let directory = TemporaryDirectory()
        let list = "Họ tên,Di động,Mã KH,Ghi chú\r\n"
            + "Nguyễn Thị Ánh,0912345678,00042,khách quen\r\n"
            + "\"\(Self.hostile.replacingOccurrences(of: "\"", with: "\"\""))\",0912000111,00043,\"-1+2\"\r\n"
            + "Trần Văn Bình,+84 91 234 5679,00044,@vip\r\n"
        try list.write(toFile: directory.path("list.csv"), atomically: true, encoding: .utf8)
        try """
            campaign office {
              timezone Asia/Ho_Chi_Minh
              language vi
              dates    2026-03-02 to 2026-03-02
              list "list.csv" {
                phone   column "Di động"
                name    column "Họ tên"
                country VN
              }
              hours {
                mon 08:00-12:00
              }
              dial progressive {
                agents 1
              }
            }
            """.write(toFile: directory.path("office.campaign"), atomically: true, encoding: .utf8)
        let out = directory.path("out")
        let run = try Dialerd.run(["simulate", directory.path("office.campaign"), "--out", out, "--seed", "3", "--start", "2026-03-02"])
        #expect(run.status == 0, "\(run.stderr)")
        let back = directory.path("back")
        try OfficeSuite.convertToCSV([out + "/results.xlsx", out + "/attempts.xlsx"], into: back, home: directory.path("lo"))
        let results = try Self.rows(back + "/results.csv")
        let written = try Self.rows(out + "/results.csv")
        try #require(results.count == 4 && written.count == 4, "\(results)")
        let header = results[0]
        #expect(header == written[0], "the same columns")
        for (shown, csv) in zip(results.dropFirst(), written.dropFirst()) {
            for (index, column) in header.enumerated() where column != "last_call" {
                // The CSV guards a formula-like name with an apostrophe; the spreadsheet shows it as written.
                let expected = csv[index].hasPrefix("'") ? String(csv[index].dropFirst()) : csv[index]
                #expect(shown[index] == expected, "\(column): \(shown[index]) ≠ \(expected)")
            }
        }
        let names = results.dropFirst().map { $0[0] }
        #expect(names.contains("Nguyễn Thị Ánh") && names.contains(Self.hostile), "\(names)")
        #expect(results.dropFirst().map { $0[1] }.contains("0912345678"), "the leading zero kept")
        #expect(results.dropFirst().map { $0[2] } == ["00042", "00043", "00044"])
        let e164 = try #require(header.firstIndex(of: "number_e164"))
        #expect(results.dropFirst().allSatisfy { $0[e164].hasPrefix("+84") }, "the + kept")
        let lastCall = try #require(header.firstIndex(of: "last_call"))
        let called = results.dropFirst().map { $0[lastCall] }.filter { !$0.isEmpty }
        #expect(!called.isEmpty)
        #expect(called.allSatisfy { $0.range(of: #"^02/03/2026 \d{2}:\d{2}:\d{2}$"#, options: .regularExpression) != nil },
                "dates shown as dates in the Vietnamese format: \(called)")
        let attempts = try Self.rows(back + "/attempts.csv")
        let placed = try #require(attempts.first?.firstIndex(of: "placed_at"))
        #expect(attempts.dropFirst().allSatisfy { $0[placed].hasPrefix("02/03/2026 ") })

        // The CSV itself, opened with LibreOffice's default CSV import: the hostile name is text, never a link.
        let fromCSV = directory.path("fromcsv")
        try OfficeSuite.convertToCSV([out + "/results.csv"], infilter: "CSV:44,34,76,1", into: fromCSV, home: directory.path("lo"))
        let opened = try Self.rows(fromCSV + "/results.csv")
        #expect(opened.dropFirst().map { $0[0] }.contains { $0.contains("HYPERLINK") }, "\(opened)")
        #expect(opened.dropFirst().map { $0[0] }.contains("Nguyễn Thị Ánh"))
    }

    /// A CSV file's rows (RFC 4180, any line end, the BOM dropped).
    static func rows(_ path: String) throws -> [[String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.unicodeScalars.append(scalar) }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", let next = iterator.next(), next != "\n" { pending = next }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }
}
