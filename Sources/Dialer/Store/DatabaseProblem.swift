import CSQLite
import Foundation

/// A database file that cannot be used as it is: damaged, not a Dialer database,
/// or on a disk that is full. The message names the file and says what to do.
public struct DatabaseProblem: Error, CustomStringConvertible, Sendable {
    /// What is wrong with the file.
    public enum Kind: Sendable, Equatable {
        /// SQLite found the file corrupt (or not a database at all): restore a backup.
        case damaged
        /// The file exists but holds no Dialer schema (an empty file, another program's database).
        case notADialerDatabase
        /// A write failed for lack of space; the transaction was rolled back.
        case diskFull
    }

    public let kind: Kind
    public let description: String

    /// Where docs/operations.md tells how to restore a backup.
    static let restoreSteps = "docs/operations.md, \"Backups and restore\""

    static func damaged(_ path: String, detail: String) -> DatabaseProblem {
        DatabaseProblem(kind: .damaged, description: "the database \(path) is damaged (\(detail)); stop every dialerd using it "
                        + "and restore the latest backup as \(restoreSteps) says")
    }

    static func notADialerDatabase(_ path: String, detail: String) -> DatabaseProblem {
        DatabaseProblem(kind: .notADialerDatabase, description: "\(path) exists but is not a Dialer database (\(detail)); "
                        + "name another path with --db or in the config, or move the file away if it is a leftover")
    }

    static func diskFull(_ path: String, writing what: String) -> DatabaseProblem {
        let folder = (path as NSString).deletingLastPathComponent
        return DatabaseProblem(kind: .diskFull, description: "the disk holding \(folder.isEmpty ? "." : folder) is full: "
                               + "could not write \(what) to the database \(path); nothing of it was kept; "
                               + "free some space and run again")
    }

    /// `error` as a ``DatabaseProblem`` when SQLite reported corruption or a full disk, else `error` itself.
    /// - Parameter what: what was being written, for a full disk ("the campaign demo", "the lease").
    static func classify(_ error: any Error, path: String, writing what: String) -> any Error {
        guard let error = error as? SQLiteError else { return error }
        switch error.code & 0xFF {
        case SQLITE_CORRUPT, SQLITE_NOTADB: return damaged(path, detail: error.message)
        case SQLITE_FULL: return diskFull(path, writing: what)
        default: return error
        }
    }
}
