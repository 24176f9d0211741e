public import Foundation

/// Another `dialerd` holds the database's lease: this one must not dial.
public struct LeaseHeld: Error, CustomStringConvertible, Sendable {
    /// `host:pid` of the holder.
    public let holder: String
    /// When the holder last proved it is alive (nil when it holds the lock file but wrote no lease yet).
    public let heartbeatAt: Date?
    /// When the lease lapses unless renewed.
    public let expiresAt: Date?
    public let databasePath: String

    public var description: String {
        let formatter = ISO8601DateFormatter()
        guard let heartbeatAt, let expiresAt else {
            return "another dialerd (\(holder)) is running on \(databasePath) (it holds \(databasePath).lock); stop it first"
        }
        return "another dialerd (\(holder)) is running on \(databasePath) (last heartbeat \(formatter.string(from: heartbeatAt)), "
            + "lease expires \(formatter.string(from: expiresAt))); stop it first, or wait for its lease to expire "
            + "if it crashed on another machine"
    }
}

/// This process lost its lease (another process took it over): it must stop dialing at once.
public struct LeaseLost: Error, CustomStringConvertible, Sendable {
    public var description: String { "the database's lease was taken over by another dialerd; stopping" }
}
