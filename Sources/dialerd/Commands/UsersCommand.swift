import CampaignDSL
import Dialer
import Foundation

/// `dialerd users …`: the web console's users and API tokens.
enum UsersCommand: Command {
    static let name = "users"
    static let summary = "manage the web console's users and API tokens"
    static let help = """
        Usage: dialerd users add NAME --role agent|lead|admin [--agent ID] [--teams T1,T2] [--db PATH]
               dialerd users list [--db PATH]
               dialerd users remove NAME [--db PATH]
               dialerd users password NAME [--db PATH]
               dialerd users token create NAME --scopes read,contacts,calls [--db PATH]
               dialerd users token list [--db PATH]
               dialerd users token revoke ID [--db PATH]

        add       adds a user of the web console (docs/web.md). An agent user is the agent
                  ID the campaign files use (--agent); a lead is given teams as the
                  campaign files name them (--teams) and sees only those; an admin sees all.
                  The password is read from standard input: typed without echo (twice) on
                  a terminal, else the first line. At least 10 characters; it is stored
                  as PBKDF2-HMAC-SHA256 with 600,000 iterations and a random salt.
        list      prints each user's name, role, agent and teams.
        remove    removes a user with their API tokens and signed-in sessions.
        password  sets a new password (read as for add); the user's sessions end.
        token create
                  makes an API token for the user with the scopes given (read: campaigns,
                  results and call records; contacts: add and cancel contacts; calls:
                  click-to-call) and prints it once: only its SHA-256 is kept.
        token list
                  prints each token's id, user, scopes, creation and last use.
        token revoke
                  deletes a token: requests carrying it are refused at once.

        Options:
          --config FILE    the daemon config, for its database
          --db PATH        the database (overrides the config; created when missing)
          --role ROLE      agent, lead or admin
          --agent ID       the agent id an agent user is
          --teams T1,T2    the teams a lead sees
          --scopes LIST    read, contacts, calls (comma-separated)
          -h, --help       show this help

        Exit status: 0 done, 1 the request cannot be done (a name taken, no such user or
        token, a short password) or the config has errors, 2 bad usage or an unusable database.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: CommandArguments
        do {
            arguments = try CommandArguments(words, valueOptions: ["config", "db", "role", "agent", "teams", "scopes"],
                                             flagOptions: [])
        } catch {
            return usageFailure(error)
        }
        guard let action = arguments.positional.first else {
            return usageFailure(UsageError("name an action: add, list, remove, password or token"))
        }
        let rest = Array(arguments.positional.dropFirst())
        let config: DaemonConfig
        switch DaemonSetup.config(arguments, command: name) {
        case .loaded(let loaded): config = loaded
        case .failed(let code): return code
        }
        let book: AccountBook
        do {
            book = try AccountBook(databasePath: config.databasePath)
        } catch {
            Terminal.error("dialerd users: \(error)")
            return .usageOrEnvironment
        }
        do {
            switch (action, rest.count) {
            case ("add", 1):
                guard let roleName = arguments.value("role") else { return usageFailure(UsageError("add needs --role agent|lead|admin")) }
                guard let role = UserRole(rawValue: roleName) else {
                    return usageFailure(UsageError("--role must be agent, lead or admin, not '\(roleName)'"))
                }
                let teams = arguments.value("teams").map {
                    $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                } ?? []
                guard let password = readPassword(for: rest[0]) else { return usageFailure(UsageError("no password on standard input")) }
                try book.addUser(name: rest[0], role: role, agent: arguments.value("agent"), teams: teams, password: password)
                Terminal.out("user \(rest[0]) added (\(role.rawValue))")
            case ("list", 0):
                let users = try book.users()
                if users.isEmpty { Terminal.out("no users") }
                for user in users {
                    var line = "\(user.name)  \(user.role.rawValue)"
                    if let agent = user.agent { line += "  agent \(agent)" }
                    if !user.teams.isEmpty { line += "  teams \(user.teams.joined(separator: ","))" }
                    Terminal.out(line)
                }
            case ("remove", 1):
                try book.removeUser(name: rest[0])
                Terminal.out("user \(rest[0]) removed, with their tokens and sessions")
            case ("password", 1):
                guard let password = readPassword(for: rest[0]) else { return usageFailure(UsageError("no password on standard input")) }
                try book.setPassword(name: rest[0], password: password)
                Terminal.out("password of \(rest[0]) changed; their sessions have ended")
            case ("token", _):
                return try token(rest, arguments: arguments, book: book)
            case ("add", _), ("remove", _), ("password", _):
                return usageFailure(UsageError("\(action) takes exactly one user name"))
            case ("list", _):
                return usageFailure(UsageError("list takes no argument"))
            default:
                return usageFailure(UsageError("unknown action '\(action)' (add, list, remove, password or token)"))
            }
            return .success
        } catch let error as AccountError {
            Terminal.error("dialerd users \(action): \(error)")
            return .inputHasErrors
        } catch {
            Terminal.error("dialerd users \(action): \(error)")
            return .usageOrEnvironment
        }
    }

    private static func token(_ words: [String], arguments: CommandArguments, book: AccountBook) throws -> ExitCode {
        let formatter = ISO8601DateFormatter()
        switch (words.first, words.count) {
        case ("create", 2):
            guard let list = arguments.value("scopes") else {
                return usageFailure(UsageError("token create needs --scopes read,contacts,calls"))
            }
            let created = try book.createToken(user: words[1], scopes: try AccountBook.scopes(list))
            Terminal.error("token \(created.id) for \(words[1]); it is shown only this once:")
            Terminal.out(created.token)
        case ("list", 1):
            let tokens = try book.tokens()
            if tokens.isEmpty { Terminal.out("no tokens") }
            for token in tokens {
                let used = token.lastUsedAt.map { formatter.string(from: $0) } ?? "never"
                Terminal.out("\(token.id)  \(token.userName)  \(token.scopes.map(\.rawValue).joined(separator: ","))  "
                             + "created \(formatter.string(from: token.createdAt))  last used \(used)")
            }
        case ("revoke", 2):
            guard let id = Int64(words[1]) else { return usageFailure(UsageError("token revoke takes a token's id (a number)")) }
            try book.revokeToken(id: id)
            Terminal.out("token \(id) revoked")
        default:
            return usageFailure(UsageError("token takes: create NAME --scopes …, list, or revoke ID"))
        }
        return .success
    }

    /// The password from standard input: typed twice without echo on a terminal, else the first line.
    private static func readPassword(for user: String) -> String? {
        guard isatty(0) == 1 else { return readLine(strippingNewline: true) }
        func ask(_ prompt: String) -> String? {
            FileHandle.standardError.write(Data(prompt.utf8))
            var saved = termios()
            tcgetattr(0, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
            defer {
                tcsetattr(0, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
            return readLine(strippingNewline: true)
        }
        guard let first = ask("password for \(user): "), let second = ask("again: ") else { return nil }
        guard first == second else {
            Terminal.error("the two passwords differ")
            return nil
        }
        return first
    }
}
