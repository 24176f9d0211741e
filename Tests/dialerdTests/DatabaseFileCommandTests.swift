import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The database file as an operator meets it: replaced, emptied, damaged, backed up.
@Suite struct DatabaseFileCommandTests {
    /// Waits until `serve` holds the lease.
    private func waitForLease(_ fixture: OperationsFixture, _ serve: Process) -> Bool {
        for _ in 0..<200 {
            if FileManager.default.fileExists(atPath: fixture.database),
               (try? fixture.count("SELECT pid FROM daemon_lease")) == Int(serve.processIdentifier) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    @Test func aDatabaseReplacedUnderARunningServeCannotLetASecondDialerdIn() throws {
        let fixture = try OperationsFixture(contacts: 10, seed: 21)
        #expect(try fixture.dialerd(["run", "--config", fixture.config]).status == 0)
        let backup = fixture.directory.path("before.db")
        #expect(try fixture.dialerd(["backup", backup, "--config", fixture.config]).status == 0)
        let serve = try fixture.start(["serve", "--config", fixture.config])
        defer {
            if serve.isRunning { kill(serve.processIdentifier, SIGKILL) }
            serve.waitUntilExit()
        }
        #expect(waitForLease(fixture, serve), "serve takes the lease")
        // A restore done without stopping the daemon: the live file is moved aside and the backup put in its place.
        for suffix in ["", "-wal", "-shm"] {
            _ = rename(fixture.database + suffix, fixture.directory.path("aside.db") + suffix)
        }
        try FileManager.default.copyItem(atPath: backup, toPath: fixture.database)
        let run = try fixture.dialerd(["run", "--config", fixture.config])
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("another dialerd"))
    }

    @Test func rightAfterAKillStatusDoesNotShowTheDeadHolderAsLive() throws {
        let fixture = try OperationsFixture(contacts: 10, seed: 22)
        let serve = try fixture.start(["serve", "--config", fixture.config])
        #expect(waitForLease(fixture, serve), "serve takes the lease")
        kill(serve.processIdentifier, SIGKILL)
        serve.waitUntilExit()
        let output = try fixture.dialerd(["status", "--config", fixture.config])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("last held by") && output.stdout.contains("which is not running"), "\(output.stdout)")
        #expect(!output.stdout.contains("  held by"))
    }

    @Test func anExistingEmptyDatabaseFileIsRefusedNotDialedFromScratch() throws {
        let fixture = try OperationsFixture(contacts: 10, seed: 23)
        #expect(FileManager.default.createFile(atPath: fixture.database, contents: Data()))
        let output = try fixture.dialerd(["run", "--config", fixture.config])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(fixture.database) exists but is not a Dialer database (the file is empty)"))
        #expect(try FileManager.default.attributesOfItem(atPath: fixture.database)[.size] as? NSNumber == 0)
    }

    @Test func aDamagedDatabaseIsNamedByServeReportAndBackupWithTheRestoreSteps() throws {
        let fixture = try OperationsFixture(contacts: 400, seed: 24)
        #expect(try fixture.dialerd(["run", "--config", fixture.config]).status == 0)
        #expect(try fixture.dialerd(["backup", fixture.directory.path("good.db"), "--config", fixture.config]).status == 0)
        // Checkpointed and closed: scribble over the middle of the file, as a failing disk would.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: fixture.database)[.size] as? NSNumber).intValue
        let handle = try #require(FileHandle(forWritingAtPath: fixture.database))
        try handle.seek(toOffset: UInt64(size / 3))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: size / 3))
        try handle.close()
        for arguments in [["serve", "--config", fixture.config], ["report", "torture", "--db", fixture.database, "--out", fixture.directory.path("out")],
                          ["backup", fixture.directory.path("copy.db"), "--config", fixture.config]] {
            let output = try fixture.dialerd(arguments)
            #expect(output.status == 2, "\(arguments[0]): \(output.stderr)")
            #expect(output.stderr.contains("the database \(fixture.database) is damaged"), "\(arguments[0]): \(output.stderr)")
            #expect(output.stderr.contains("docs/operations.md"), "\(arguments[0])")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path("copy.db")))
    }

    @Test func aFinishedBackupStandsAloneWithNoTemporaryOrJournalFiles() throws {
        let fixture = try OperationsFixture(contacts: 10, seed: 25)
        #expect(try fixture.dialerd(["run", "--config", fixture.config]).status == 0)
        let folder = fixture.directory.path("backups")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // What a backup killed half-way by a process that no longer exists left behind.
        #expect(FileManager.default.createFile(atPath: folder + "/.copy.db.partial-999999", contents: Data()))
        let backup = try fixture.dialerd(["backup", folder + "/copy.db", "--config", fixture.config])
        #expect(backup.status == 0, "\(backup.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left == ["copy.db"], "\(left)")
        #expect(try fixture.dialerd(["status", "--db", folder + "/copy.db"]).status == 0)
    }
}

extension DatabaseFileCommandTests {
    @Test func theConfigSpelledRelativeOrAbsoluteFromAnyFolderIsTheSameCampaign() throws {
        let fixture = try OperationsFixture(contacts: 20, seed: 26)
        let elsewhere = TemporaryDirectory()
        let first = try fixture.dialerd(["run", "--config", "dialerd.conf"])
        #expect(first.status == 0, "\(first.stderr)")
        let status = try Dialerd.run(["status", "--config", fixture.config], in: elsewhere.url)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("dnc \(fixture.doNotCall.count)"), "\(status.stdout)")
        for (arguments, folder) in [(["run", "--config", fixture.config], elsewhere.url),
                                    (["run", "--config", "./dialerd.conf"], fixture.directory.url)] {
            let run = try Dialerd.run(arguments, in: folder)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(!run.stdout.contains("not installed"), "\(run.stdout)")
            #expect(run.stdout.contains("torture: closed until"), "\(run.stdout)")
        }
        #expect(try fixture.count("SELECT COUNT(*) FROM campaigns") == 1)
        let stored = try #require(try fixture.query("SELECT source_path FROM campaigns").first?.first)
        #expect(stored.hasPrefix("/") && !stored.contains("/./") && !stored.contains("/../"), "stored canonically: \(stored)")
    }
}

extension DatabaseFileCommandTests {
    @Test func underAnOpenUmaskTheDatabaseAndTheDoNotCallCacheStayPrivate() throws {
        let fixture = try OperationsFixture(contacts: 20, seed: 27)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "umask 000; exec \"$0\" run --config dialerd.conf", Dialerd.executable.path]
        shell.currentDirectoryURL = fixture.directory.url
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        func mode(_ path: String) throws -> Int? {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        }
        let cache = fixture.directory.path("data/.dnc-cache")
        #expect(try mode(cache) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(!files.isEmpty)
        for file in files { #expect(try mode(cache + "/" + file) == 0o600, "\(file)") }
        for file in ["data/dialer.db", "data/dialer.db.lock"] { #expect(try mode(fixture.directory.path(file)) == 0o600, "\(file)") }
    }
}
