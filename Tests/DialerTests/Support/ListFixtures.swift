import CampaignDSL
@testable import Dialer
import Foundation

/// The list fixtures LibreOffice Calc wrote (Tests/DialerTests/Fixtures/lists; `make-fixtures.sh` there
/// makes them again) and what they hold.
enum ListFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lists").path

    static func path(_ name: String) -> String { folder + "/" + name }

    /// The names of vn-source.csv, in order (precomposed, NFC).
    static let vietnameseNames = [
        "Nguyễn Thị Ngọc Ánh", "Trần Văn Đức", "Lê Hoàng Yến", "Phạm Quốc Việt", "Hoàng Thu Thủy", "Vũ Minh Khôi",
        "Đặng Ngọc Hải", "Bùi Thị Hương", "Đỗ Mạnh Cường", "Ngô Bảo Châu", "Dương Quỳnh Như", "Lý Thừa Ân",
    ]
    /// The names LibreOffice 7.4 writes in Windows-1258: "ý" comes out as y + 0xCC (a combining grave, where
    /// iconv writes 0xEC, the acute), so the file says "Lỳ"; the reader reads what the bytes say.
    static let vietnameseNamesAsLibreOfficeWrites1258 = Array(vietnameseNames.dropLast()) + ["Lỳ Thừa Ân"]
    /// The mobiles of vn-source.csv as written (with the trunk 0).
    static let vietnameseMobiles = [
        "0912345678", "0987654321", "0903123456", "0356789012", "0771234567", "0812345679",
        "0965432187", "0398765432", "0704567890", "0523456789", "0944111222", "0868222333",
    ]
    /// The names of cs-source.csv, in order.
    static let czechNames = ["Šárka Dvořáková", "Jiří Němec", "Petr Žižka", "Zdeněk Čermák", "Tereza Růžičková", "Ondřej Kříž"]

    /// Every row of a list: its records and its rejects.
    static func readAll(_ reader: any ListRowReader) -> (records: [CSVRecord], rejects: [CSVReject]) {
        var records: [CSVRecord] = []
        var rejects: [CSVReject] = []
        while let row = reader.next() {
            switch row {
            case .record(let record): records.append(record)
            case .rejected(let reject): rejects.append(reject)
            }
        }
        return (records, rejects)
    }

    /// Checks a campaign whose one list is `list` (a path relative to the campaign, with the list block's
    /// other lines) and returns the diagnostics as `dialerd check` prints them, the folder written as `DIR`.
    static func check(listLine: String, body: String, in directory: TemporaryDirectory) throws -> String {
        let campaign = directory.file("list.campaign")
        try """
        campaign lists {
          timezone Asia/Ho_Chi_Minh
          list \(listLine) {
        \(body)
          }
          hours {
            mon-fri 08:30-11:30
          }
          dial progressive {
            agents 2
          }
        }

        """.write(toFile: campaign, atomically: true, encoding: .utf8)
        let result = CampaignChecker.check(file: campaign, environment: DialerEnvironment())
        return DiagnosticRenderer(sources: result.sources, color: false).render(result.diagnostics)
            .replacingOccurrences(of: directory.path, with: "DIR")
    }
}
