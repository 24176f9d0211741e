import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// The committed list fixtures are what LibreOffice writes: with LibreOffice installed, `make-fixtures.sh`
/// makes them again and every file reads the same as the committed one.
@Suite(.enabled(if: OfficeSuite.soffice != nil,
                "LibreOffice (soffice) not found, so the fixtures are not made again: install libreoffice-calc-nogui"))
struct ListFixtureRegenerationTests {
    @Test func libreOfficeMakesFixturesThatReadTheSame() throws {
        let directory = TemporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [ListFixtures.path("make-fixtures.sh"), directory.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let lists: [ListSpec] = [
            ListSpec(path: "vn.xlsx", phoneColumns: []),
            ListSpec(path: "vn-workbook.xlsx", phoneColumns: [], sheet: "Khách hàng"),
            ListSpec(path: "vn-1258.csv", phoneColumns: [], encoding: .windows1258),
            ListSpec(path: "vn-utf16.csv", phoneColumns: []),
            ListSpec(path: "cs-1250.csv", phoneColumns: [], encoding: .windows1250),
            ListSpec(path: "vn-mac.csv", phoneColumns: []),
        ]
        for list in lists {
            var committed = list
            committed.path = ListFixtures.path(list.path)
            var made = list
            made.path = directory.file(list.path)
            let old = try ListFile.open(committed)
            let new = try ListFile.open(made)
            #expect(old.header == new.header, "\(list.path)")
            let (oldRecords, oldRejects) = ListFixtures.readAll(old)
            let (newRecords, newRejects) = ListFixtures.readAll(new)
            #expect(!newRecords.isEmpty && newRejects.isEmpty && oldRejects.isEmpty, "\(list.path)")
            #expect(oldRecords.map(\.fields) == newRecords.map(\.fields), "\(list.path)")
            #expect(oldRecords.map(\.line) == newRecords.map(\.line), "\(list.path)")
        }
    }
}

/// LibreOffice Calc, when installed.
enum OfficeSuite {
    /// `soffice` on the PATH, nil when there is none.
    static let soffice: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { $0 + "/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}
