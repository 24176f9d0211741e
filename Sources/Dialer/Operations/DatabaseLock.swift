import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An OS lock (`flock`) on the file `DATABASE.lock` beside the database, held while a
/// `dialerd run` or `serve` uses it.
///
/// The lease row lives inside the database, so a database file replaced under a running
/// daemon (a restore done without stopping it) would carry no lease and let a second
/// daemon in. The lock file is not replaced with the database, and the kernel drops the
/// lock when its holder exits however it dies. The file is never removed: removing a lock
/// file while another process waits on it would let two processes hold "the" lock.
final class DatabaseLock {
    /// The lock file's path.
    let path: String
    private var descriptor: Int32

    /// Takes the lock of the database at `databasePath`, or returns nil when another process holds it.
    init?(databasePath: String) throws {
        path = databasePath + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw EnvironmentError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let number = errno
            close(descriptor)
            if number == EWOULDBLOCK { return nil }
            throw EnvironmentError("cannot lock \(path): \(String(cString: strerror(number)))")
        }
    }

    /// Gives the lock up (it is also dropped when the process exits).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
