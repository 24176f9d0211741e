import CampaignDSL
import Foundation
import Testing

/// The real file system: regular files are read, anything else is a diagnostic.
@Suite struct FileSystemEnvironmentTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "campaign-dsl-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/lists", withIntermediateDirectories: true)
        return path
    }

    @Test func aCampaignBesideItsListChecksClean() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CheckerTests.demo.write(toFile: folder + "/demo.campaign", atomically: true, encoding: .utf8)
        try "Mobile,Home,Full name\n".write(toFile: folder + "/lists/demo.csv", atomically: true, encoding: .utf8)
        let result = CampaignChecker.check(file: folder + "/demo.campaign")
        #expect(result.diagnostics.isEmpty)
        #expect(result.spec?.lists.first?.path == folder + "/lists/demo.csv")
    }

    @Test func devicesAndFoldersAreNotRead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let campaign = "include \"/dev/zero\"\ninclude \"lists\"\n" + CheckerTests.demo
            .replacingOccurrences(of: "\"lists/demo.csv\"", with: "\"/dev/null\"")
        try campaign.write(toFile: folder + "/demo.campaign", atomically: true, encoding: .utf8)
        let result = CampaignChecker.check(file: folder + "/demo.campaign")
        #expect(result.diagnostics.map(\.id) == ["file-not-found", "file-not-found", "file-not-found"])
        #expect(result.diagnostics.first?.notes == ["'/dev/zero' is not a regular file"])
    }
}
