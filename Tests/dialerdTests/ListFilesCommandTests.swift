import Foundation
import Testing

/// The files team leads really have, through the real binary.
@Suite struct ListFilesCommandTests {
    private static let fixtures = Dialerd.repositoryRoot.appendingPathComponent("Tests/DialerTests/Fixtures/lists")

    private func campaign(list: String, lines: String, in directory: TemporaryDirectory) throws -> String {
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(list).path, toPath: directory.path(list))
        try """
            campaign lists {
              timezone Asia/Ho_Chi_Minh
              dates    2026-03-02 to 2026-03-02
              list "\(list)" {
                phone   column "Mobile"
                name    column "Full name"
                country VN
            \(lines)
              }
              hours {
                mon-fri 08:30-11:30
              }
              dial progressive {
                agents 3
              }
            }

            """.write(toFile: directory.path("lists.campaign"), atomically: true, encoding: .utf8)
        return directory.path("lists.campaign")
    }

    @Test func anEncodedListIsSimulatedWithItsNames() throws {
        let directory = TemporaryDirectory()
        let file = try campaign(list: "vn-1258.csv", lines: "    encoding windows-1258", in: directory)
        let result = try Dialerd.run(["simulate", file, "--out", directory.path("out"), "--start", "2026-03-02"])
        #expect(result.status == 0, "\(result.stderr)")
        let results = try String(contentsOfFile: directory.path("out/results.csv"), encoding: .utf8)
        #expect(results.contains("Nguyễn Thị Ngọc Ánh") && results.contains("+84912345678"))
    }

    /// Reading an encoded list creates no file at all (a copy of names and numbers, even one unlinked at once,
    /// would show as an open with O_CREAT or O_TMPFILE): `explain` writes nothing, so strace must see nothing created.
    @Test(.enabled(if: Self.strace != nil, "strace not found: the no-temporary-file check is skipped"))
    func anEncodedListIsReadWithoutCreatingAnyFile() throws {
        let directory = TemporaryDirectory()
        let file = try campaign(list: "vn-1258.csv", lines: "    encoding windows-1258", in: directory)
        let log = directory.path("strace.log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.strace))
        process.arguments = ["-f", "-e", "trace=open,openat,creat", "-o", log, Dialerd.executable.path, "explain", file]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(calls.contains { $0.contains("vn-1258.csv") })
        #expect(calls.filter { $0.contains("O_CREAT") || $0.contains("O_TMPFILE") || $0.contains("creat(") }.isEmpty)
    }

    private static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func anExcelListAndAMacintoshCSVAreExplained() throws {
        for list in ["vn.xlsx", "vn-mac.csv", "vn-utf16.csv"] {
            let directory = TemporaryDirectory()
            let file = try campaign(list: list, lines: "", in: directory)
            let check = try Dialerd.run(["check", file])
            #expect(check.status == 0, "\(list): \(check.stderr)")
            let explain = try Dialerd.run(["explain", file])
            #expect(explain.status == 0, "\(list): \(explain.stderr)")
            #expect(explain.stdout.contains("12 contacts from \(list); 12 will be called."), "\(list): \(explain.stdout)")
        }
    }

    @Test func aListInAnotherEncodingThanDeclaredFailsTheCheckWithTheLineToAdd() throws {
        let directory = TemporaryDirectory()
        let file = try campaign(list: "vn-1258.csv", lines: "", in: directory)
        for command in ["check", "explain"] {
            let result = try Dialerd.run([command, file])
            #expect(result.status == 1)
            #expect(result.stderr.contains("lists.campaign:4:8: error: 'vn-1258.csv' is not UTF-8 text [wrong-encoding]"))
            #expect(result.stderr.contains("hint: add `encoding windows-1258` to the list"))
        }
    }
}
