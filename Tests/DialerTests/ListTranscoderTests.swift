@testable import CampaignDSL
@testable import Dialer
import Foundation
import Testing

/// The UTF-8 copy of a list in another encoding: private, and never left behind.
@Suite struct ListTranscoderTests {
    let directory = TemporaryDirectory()

    private func copiesInTheTemporaryFolder() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("dialer-list-") })
    }

    @Test func theCopyIsReadableButHasNoNameThatACrashCouldLeaveBehind() throws {
        let list = directory.file("latin1.csv")
        try Data("Name,Phone\nJos\u{E9},0901234567\n".data(using: .isoLatin1)!).write(to: URL(fileURLWithPath: list))
        let before = try copiesInTheTemporaryFolder()
        let transcoder = try ListTranscoder(path: list, encoding: .latin1)
        defer { transcoder.cleanUp() }
        #expect(try copiesInTheTemporaryFolder() == before, "the copy's name is gone as soon as it is written")
        #expect(try String(contentsOfFile: transcoder.readablePath, encoding: .utf8) == "Name,Phone\nJosé,0901234567\n")
        var status = stat()
        #expect(stat(transcoder.readablePath, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
    }
}
