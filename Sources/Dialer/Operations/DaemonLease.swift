import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `dialerd` per database: a lease row with a heartbeat.
///
/// A process takes the lease when nobody holds it, when the holder's lease has
/// expired (it stopped renewing: a crash, a hung machine), or when the holder is
/// a process on this machine that no longer exists (killed: taken over at once).
/// The holder renews it every ``heartbeatInterval``; a renewal that finds the
/// row rewritten by another process means the lease was lost.
final class DaemonLease {
    /// How long a lease lasts without a heartbeat.
    static let timeToLive: TimeInterval = 30
    /// How often the holder renews it.
    static let heartbeatInterval: TimeInterval = 5

    private let store: CampaignStore
    private let clock: any Clock
    let token: String
    let holder: String
    private var lastBeat: Date

    /// Takes the lease of the database behind `store`, or throws ``LeaseHeld``.
    init(store: CampaignStore, databasePath: String, clock: any Clock,
         processAlive: (Int32) -> Bool = DaemonLease.processExists) throws {
        self.store = store
        self.clock = clock
        let host = Self.hostName()
        let pid = getpid()
        self.holder = "\(host):\(pid)"
        self.token = UUID().uuidString
        let now = clock.now
        self.lastBeat = now
        try store.connection.writeTransaction {
            if let current = try store.lease(), current.expiresAt > now {
                let crashedHere = current.host == host && current.pid != pid && !processAlive(current.pid)
                if !crashedHere {
                    throw LeaseHeld(holder: current.holder, heartbeatAt: current.heartbeatAt,
                                    expiresAt: current.expiresAt, databasePath: databasePath)
                }
            }
            try store.writeLease(holder: holder, host: host, pid: pid, token: token, at: now,
                                 expiresAt: now.addingTimeInterval(Self.timeToLive))
        }
    }

    /// Renews the lease when a heartbeat is due; throws ``LeaseLost`` when another process took it.
    func beatIfDue() throws {
        let now = clock.now
        guard now.timeIntervalSince(lastBeat) >= Self.heartbeatInterval else { return }
        try beat(at: now)
    }

    /// Renews the lease now.
    func beat(at now: Date) throws {
        guard try store.renewLease(token: token, at: now, expiresAt: now.addingTimeInterval(Self.timeToLive)) else {
            throw LeaseLost()
        }
        lastBeat = now
    }

    /// Gives the lease up (on a clean exit), so the next process need not wait.
    func release() throws {
        try store.releaseLease(token: token)
    }

    /// Whether a process with this id exists on this machine and has not exited
    /// (a zombie that nobody reaped yet counts as exited).
    static func processExists(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        // /proc/PID/stat: "pid (name) S …"; the state follows the last ')'.
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            if state == "Z" || state == "X" { return false }
        }
        #endif
        return true
    }

    /// Whether the holder of `lease` may still be running: its lease has not expired and,
    /// when it ran on this machine, its process still exists (a killed holder is not live).
    static func isLive(_ lease: LeaseRecord, at now: Date, processAlive: (Int32) -> Bool = DaemonLease.processExists) -> Bool {
        lease.expiresAt > now && (lease.host != hostName() || processAlive(lease.pid))
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown-host" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
