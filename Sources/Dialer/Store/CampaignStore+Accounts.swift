package import Foundation

/// A user as the store keeps it, with the password's stored hash.
struct StoredUser {
    let user: WebUser
    let passwordHash: String
}

/// An API token's record (never the token itself: only its SHA-256 is kept).
package struct StoredToken: Sendable, Equatable {
    package let id: Int64
    package let userName: String
    package let scopes: [APIScope]
    package let createdAt: Date
    package let lastUsedAt: Date?
}

/// A signed-in browser session: its user, its CSRF token and when it ends.
package struct WebSession: Sendable {
    package let user: WebUser
    /// The token every state-changing request of this session must carry (form field `csrf` or `X-CSRF-Token`).
    package let csrfToken: String
    package let expiresAt: Date
}

/// Users, API tokens and browser sessions of the web console (migration 9). Secrets are stored only
/// hashed: passwords with ``PasswordHash``, tokens and session ids as SHA-256.
extension CampaignStore {
    private static let userColumns = "u.id, u.name, u.role, u.agent, u.teams_json, u.password_hash"

    private static func storedUser(_ row: SQLiteRow) -> StoredUser {
        StoredUser(user: WebUser(id: row.int64(0), name: row.string(1), role: UserRole(rawValue: row.string(2)) ?? .agent,
                                 agent: row.optionalString(3), teams: JSONText.decodeStrings(row.string(4))),
                   passwordHash: row.string(5))
    }

    /// Adds a user; false when the name is taken.
    func insertUser(name: String, role: UserRole, agent: String?, teams: [String], passwordHash: String, at time: Date) throws -> Bool {
        try connection.writeTransaction {
            guard try user(named: name) == nil else { return false }
            try connection.run(
                """
                INSERT INTO users (name, role, agent, teams_json, password_hash, created_at, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [name, role.rawValue, agent, JSONText.encode(teams), passwordHash, time, time])
            return true
        }
    }

    /// The user called `name`, with the password's hash.
    func user(named name: String) throws -> StoredUser? {
        try connection.firstRow("SELECT \(Self.userColumns) FROM users u WHERE u.name = ?", [name], Self.storedUser)
    }

    /// Every user, by name.
    func users() throws -> [WebUser] {
        try connection.rows("SELECT \(Self.userColumns) FROM users u ORDER BY u.name", [], Self.storedUser).map(\.user)
    }

    /// Removes a user with their tokens and sessions; false when there is none by that name.
    func deleteUser(named name: String) throws -> Bool {
        try connection.writeTransaction {
            guard let stored = try user(named: name) else { return false }
            try connection.run("DELETE FROM api_tokens WHERE user_id = ?", [stored.user.id])
            try connection.run("DELETE FROM web_sessions WHERE user_id = ?", [stored.user.id])
            try connection.run("DELETE FROM users WHERE id = ?", [stored.user.id])
            return true
        }
    }

    /// Sets a new password hash and ends the user's sessions; false when there is no such user.
    func setPassword(name: String, passwordHash: String, at time: Date) throws -> Bool {
        try connection.writeTransaction {
            guard let stored = try user(named: name) else { return false }
            try connection.run("UPDATE users SET password_hash = ?, changed_at = ? WHERE id = ?", [passwordHash, time, stored.user.id])
            try connection.run("DELETE FROM web_sessions WHERE user_id = ?", [stored.user.id])
            return true
        }
    }

    /// Records a token (by its hash) for a user; its id.
    func insertToken(user: Int64, tokenHash: String, scopes: [APIScope], at time: Date) throws -> Int64 {
        try connection.run(
            "INSERT INTO api_tokens (user_id, token_hash, scopes, created_at) VALUES (?, ?, ?, ?)",
            [user, tokenHash, scopes.map(\.rawValue).joined(separator: ","), time])
        return connection.lastInsertRowID
    }

    /// Every token's record, oldest first.
    func tokens() throws -> [StoredToken] {
        try connection.rows(
            """
            SELECT t.id, u.name, t.scopes, t.created_at, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
            ORDER BY t.id
            """
        ) { row in
            StoredToken(id: row.int64(0), userName: row.string(1),
                        scopes: row.string(2).split(separator: ",").compactMap { APIScope(rawValue: String($0)) },
                        createdAt: row.date(3), lastUsedAt: row.optionalDouble(4).map(Date.init(timeIntervalSince1970:)))
        }
    }

    /// Deletes a token; false when there is none with this id.
    func deleteToken(id: Int64) throws -> Bool {
        try connection.run("DELETE FROM api_tokens WHERE id = ?", [id])
        return connection.changes > 0
    }

    /// The user and scopes of the token whose SHA-256 is `tokenHash`.
    func tokenOwner(tokenHash: String) throws -> (user: WebUser, scopes: Set<APIScope>)? {
        try connection.firstRow(
            "SELECT \(Self.userColumns), t.scopes FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
            [tokenHash]
        ) { row in
            (Self.storedUser(row).user, Set(row.string(6).split(separator: ",").compactMap { APIScope(rawValue: String($0)) }))
        }
    }

    /// Records a new session (by its id's hash).
    func insertSession(tokenHash: String, user: Int64, csrfToken: String, at time: Date, expiresAt: Date) throws {
        try connection.writeTransaction {
            try connection.run("DELETE FROM web_sessions WHERE expires_at <= ?", [time])
            try connection.run(
                "INSERT INTO web_sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                [tokenHash, user, csrfToken, time, expiresAt])
        }
    }

    /// The live session whose id hashes to `tokenHash`.
    func session(tokenHash: String, at time: Date) throws -> WebSession? {
        try connection.firstRow(
            """
            SELECT \(Self.userColumns), s.csrf_token, s.expires_at FROM web_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = ? AND s.expires_at > ?
            """,
            [tokenHash, time]
        ) { row in WebSession(user: Self.storedUser(row).user, csrfToken: row.string(6), expiresAt: row.date(7)) }
    }

    /// Ends a session.
    func deleteSession(tokenHash: String) throws {
        try connection.run("DELETE FROM web_sessions WHERE token_hash = ?", [tokenHash])
    }
}
