@testable import Dialer
import Foundation
import Testing

/// What an existing, damaged or brand-new database file is taken for.
@Suite struct DatabaseFileTests {
    let directory = TemporaryDirectory()
    let now = Date(timeIntervalSince1970: 1_772_000_000)

    @Test func anEmptyFileIsRefusedNotTakenAsANewDatabase() throws {
        let path = directory.file("dialer.db")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let error = #expect(throws: DatabaseProblem.self) { try CampaignStore(path: path, now: now) }
        #expect(error?.kind == .notADialerDatabase)
        #expect(error?.description.contains(path) == true)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber == 0, "the file is left as it was")
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let path = directory.file("other.db")
        try SQLiteConnection(path: path).execute("CREATE TABLE notes (text TEXT)")
        let error = #expect(throws: DatabaseProblem.self) { try CampaignStore(path: path, now: now) }
        #expect(error?.kind == .notADialerDatabase)
    }

    @Test func aNewDatabaseAppearsWholeWithNothingBesideIt() throws {
        let path = directory.file("dialer.db")
        _ = try CampaignStore(path: path, now: now)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix("dialer.db") }
        #expect(names.isEmpty, "no temporary file is left: \(names)")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        _ = try CampaignStore(path: path, now: now)  // and it opens again as a Dialer database
    }

    @Test func aDatabaseInAFolderThatDoesNotExistIsNamedNotItsTemporaryFile() throws {
        let path = directory.file("missing/dialer.db")
        let error = #expect(throws: EnvironmentError.self) { try CampaignStore(path: path, now: now) }
        #expect(error?.description == "cannot create the database \(path): its folder \(directory.file("missing")) does not exist")
    }

    @Test func aDamagedDatabaseIsReportedAsDamagedNamingTheFile() throws {
        let path = directory.file("dialer.db")
        do {
            let store = try CampaignStore(path: path, now: now)
            try store.connection.execute("CREATE TABLE filler (text TEXT)")
            for _ in 0..<200 { try store.connection.run("INSERT INTO filler VALUES (?)", [String(repeating: "x", count: 2_000)]) }
            try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        // Scribble over the pages after the first few, as a failing disk would.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: 40_960)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 200_000))
        try handle.close()
        let error = #expect(throws: DatabaseProblem.self) {
            let store = try CampaignStore(path: path, now: now)
            try store.verifyIntact()
        }
        #expect(error?.kind == .damaged)
        #expect(error?.description.contains("the database \(path) is damaged") == true)
        #expect(error?.description.contains("docs/operations.md") == true)
    }

    @Test func aFullDiskIsReportedWithTheFolderAndWhatWasWritten() throws {
        let path = directory.file("dialer.db")
        let store = try CampaignStore(path: path, now: now)
        let pages = try store.connection.firstRow("PRAGMA page_count") { $0.int(0) } ?? 0
        try store.connection.execute("PRAGMA max_page_count = \(pages + 2)")
        let error = #expect(throws: DatabaseProblem.self) {
            do {
                try store.connection.execute("CREATE TABLE filler (text TEXT)")
                for _ in 0..<50 { try store.connection.run("INSERT INTO filler VALUES (?)", [String(repeating: "x", count: 2_000)]) }
            } catch {
                throw DatabaseProblem.classify(error, path: path, writing: "the campaign demo")
            }
        }
        #expect(error?.kind == .diskFull)
        #expect(error?.description.contains("the disk holding \(directory.path) is full") == true)
        #expect(error?.description.contains("the campaign demo") == true)
    }
}
