import Foundation

/// A request about accounts that cannot be done as asked (a name taken, no such user, a weak password).
package struct AccountError: Error, CustomStringConvertible, Sendable {
    package let description: String

    init(_ description: String) { self.description = description }
}

/// The users and API tokens of a database, for `dialerd users …` (docs/web.md).
package final class AccountBook {
    /// The shortest password accepted.
    package static let minimumPasswordLength = 10
    private let store: CampaignStore
    private let clock: any Clock

    /// Opens (creating when missing) the database at `path`.
    package init(databasePath path: String, clock: any Clock = WallClock()) throws {
        store = try CampaignStore(path: path, now: clock.now)
        self.clock = clock
    }

    init(store: CampaignStore, clock: any Clock) {
        self.store = store
        self.clock = clock
    }

    /// Adds a user. An agent user names the agent id they are; a lead the teams they are given.
    /// - Parameter iterations: the password hash's cost (tests lower it).
    package func addUser(name: String, role: UserRole, agent: String?, teams: [String], password: String,
                         iterations: Int = PasswordHash.iterations) throws {
        try Self.check(name: name)
        switch role {
        case .agent:
            guard let agent, !agent.isEmpty else { throw AccountError("an agent user needs --agent ID: the agent id the campaign files use") }
            guard teams.isEmpty else { throw AccountError("--teams is for leads; an agent's campaigns follow from the campaign files") }
        case .lead:
            guard agent == nil else { throw AccountError("--agent is for agent users") }
            guard !teams.isEmpty else { throw AccountError("a lead needs --teams T1,T2: the teams (as the campaign files name them) they see") }
        case .admin:
            guard agent == nil, teams.isEmpty else { throw AccountError("an admin sees everything: leave out --agent and --teams") }
        }
        try Self.check(password: password)
        let hash = try PasswordHash.make(password, iterations: iterations)
        guard try store.insertUser(name: name, role: role, agent: agent, teams: teams, passwordHash: hash, at: clock.now) else {
            throw AccountError("there is already a user called '\(name)'")
        }
    }

    /// Every user, by name.
    package func users() throws -> [WebUser] { try store.users() }

    /// Removes a user, their tokens and their sessions.
    package func removeUser(name: String) throws {
        guard try store.deleteUser(named: name) else { throw AccountError("there is no user called '\(name)'") }
    }

    /// Sets a user's password; their browser sessions end.
    package func setPassword(name: String, password: String, iterations: Int = PasswordHash.iterations) throws {
        try Self.check(password: password)
        let hash = try PasswordHash.make(password, iterations: iterations)
        guard try store.setPassword(name: name, passwordHash: hash, at: clock.now) else {
            throw AccountError("there is no user called '\(name)'")
        }
    }

    /// Creates an API token for a user; returns its id and the token, which is shown only now (the database keeps its hash).
    package func createToken(user name: String, scopes: [APIScope]) throws -> (id: Int64, token: String) {
        guard let stored = try store.user(named: name) else { throw AccountError("there is no user called '\(name)'") }
        guard !scopes.isEmpty else { throw AccountError("a token needs at least one scope: read, contacts or calls") }
        let token = try SecretBytes.token()
        let id = try store.insertToken(user: stored.user.id, tokenHash: SecretBytes.sha256Hex(token), scopes: scopes, at: clock.now)
        return (id, token)
    }

    /// Every token's record (never the tokens themselves).
    package func tokens() throws -> [StoredToken] { try store.tokens() }

    /// Revokes a token at once.
    package func revokeToken(id: Int64) throws {
        guard try store.deleteToken(id: id) else { throw AccountError("there is no token \(id)") }
    }

    /// The scopes named in `text` (`read,contacts`).
    package static func scopes(_ text: String) throws -> [APIScope] {
        try text.split(separator: ",").map { word in
            let name = word.trimmingCharacters(in: .whitespaces)
            guard let scope = APIScope(rawValue: name) else {
                throw AccountError("unknown scope '\(name)'; the scopes are read, contacts and calls")
            }
            return scope
        }
    }

    private static func check(name: String) throws {
        guard !name.isEmpty, name.count <= 64,
              name.unicodeScalars.allSatisfy({ !$0.properties.isWhitespace && $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw AccountError("a user name is 1 to 64 characters without spaces or control characters")
        }
    }

    private static func check(password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw AccountError("the password is too short: at least \(minimumPasswordLength) characters")
        }
    }
}
