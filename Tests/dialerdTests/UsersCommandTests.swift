import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("dialerd users, and serve's web server, on the built binary")
struct UsersCommandTests {
    /// Runs dialerd in `directory` with `input` on standard input.
    func dialerd(_ arguments: [String], input: String = "", in directory: URL) throws -> Dialerd.Output {
        let process = Process()
        process.executableURL = Dialerd.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let stdin = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Dialerd.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                              stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func usersAndTokensAreManagedEndToEnd() throws {
        let folder = TemporaryDirectory()
        let db = ["--db", folder.path("dialer.db")]
        #expect(try dialerd(["users", "add", "ana", "--role", "agent", "--agent", "a1"] + db,
                            input: "correct horse battery\n", in: folder.url).status == 0)
        #expect(try dialerd(["users", "add", "lena", "--role", "lead", "--teams", "north,south"] + db,
                            input: "another long password\n", in: folder.url).status == 0)
        let taken = try dialerd(["users", "add", "ana", "--role", "admin"] + db, input: "correct horse battery\n", in: folder.url)
        #expect(taken.status == 1 && taken.stderr.contains("already a user called 'ana'"))
        let short = try dialerd(["users", "add", "bo", "--role", "admin"] + db, input: "short\n", in: folder.url)
        #expect(short.status == 1 && short.stderr.contains("too short"))
        #expect(try dialerd(["users", "add", "cy", "--role", "agent"] + db, input: "correct horse battery\n", in: folder.url).status == 1)
        #expect(try dialerd(["users", "add", "cy", "--role", "boss"] + db, in: folder.url).status == 2)
        let list = try dialerd(["users", "list"] + db, in: folder.url)
        #expect(list.stdout == "ana  agent  agent a1\nlena  lead  teams north,south\n")
        let created = try dialerd(["users", "token", "create", "lena", "--scopes", "read,contacts"] + db, in: folder.url)
        #expect(created.status == 0)
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count == 43, "32 random bytes in URL-safe base64, printed once")
        let stored = try String(contentsOfFile: folder.path("dialer.db"), encoding: .isoLatin1)
        #expect(!stored.contains(token), "only the token's hash is stored")
        #expect(try dialerd(["users", "token", "create", "lena", "--scopes", "everything"] + db, in: folder.url).status == 1)
        let tokens = try dialerd(["users", "token", "list"] + db, in: folder.url)
        #expect(tokens.stdout.hasPrefix("1  lena  read,contacts  created "))
        #expect(try dialerd(["users", "token", "revoke", "1"] + db, in: folder.url).status == 0)
        #expect(try dialerd(["users", "token", "revoke", "1"] + db, in: folder.url).status == 1)
        #expect(try dialerd(["users", "password", "ana"] + db, input: "a new long password\n", in: folder.url).status == 0)
        #expect(try dialerd(["users", "remove", "ana"] + db, in: folder.url).status == 0)
        #expect(try dialerd(["users", "remove", "ana"] + db, in: folder.url).status == 1)
        #expect(try dialerd(["users", "list"] + db, in: folder.url).stdout == "lena  lead  teams north,south\n")
    }

    /// A port nobody listens on now.
    func freePort() -> Int {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length)
                return getsockname(listener, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func serveAnswersTheAPIAndDialsContactsAddedOverIt() throws {
        let fixture = try OperationsFixture(contacts: 5, seed: 11)
        let port = freePort()
        try fixture.write(try String(contentsOfFile: fixture.config, encoding: .utf8) + "http {\n  listen 127.0.0.1:\(port)\n}\n",
                          to: "dialerd.conf")
        let serve = try fixture.start(["serve", "--config", fixture.config])
        defer {
            if serve.isRunning { kill(serve.processIdentifier, SIGKILL) }
            serve.waitUntilExit()
        }
        #expect(try dialerd(["users", "add", "crm", "--role", "admin", "--config", fixture.config],
                            input: "correct horse battery\n", in: fixture.directory.url).status == 0)
        let token = try dialerd(["users", "token", "create", "crm", "--scopes", "read,contacts", "--config", fixture.config],
                                in: fixture.directory.url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let base = "http://127.0.0.1:\(port)/api/v1"
        var listed = ""
        for _ in 0..<200 where !listed.contains("torture") {
            listed = Self.curl(["-H", "Authorization: Bearer \(token)", base + "/campaigns"])
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(listed.contains("\"id\":\"torture\""))
        let added = Self.curl(["-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json", "--data",
                               "{\"contacts\":[{\"external_id\":\"crm-1\",\"fields\":{\"Name\":\"New\",\"Phone\":\"0909 111 222\"}}]}",
                               base + "/campaigns/torture/contacts"])
        #expect(added.contains("\"status\":\"added\""))
        var dialed = 0
        for _ in 0..<300 where dialed == 0 {
            dialed = (try? fixture.count("SELECT COUNT(*) FROM attempts WHERE number = '+84909111222'")) ?? 0
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(dialed > 0, "the running worker dials a contact added over the API")
        kill(serve.processIdentifier, SIGTERM)
        serve.waitUntilExit()
        #expect(serve.terminationStatus == 0)
        #expect(Self.curl(["--max-time", "2", base + "/campaigns"]).isEmpty, "the server stopped with the drain")
    }

    @Test func aPortInUseIsAClearErrorWithExitTwo() throws {
        let fixture = try OperationsFixture(contacts: 5, seed: 12)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length)
                return getsockname(listener, pointer, &length)
            }
        }
        listen(listener, 1)
        let port = Int(UInt16(bigEndian: address.sin_port))
        try fixture.write(try String(contentsOfFile: fixture.config, encoding: .utf8) + "http {\n  listen 127.0.0.1:\(port)\n}\n",
                          to: "dialerd.conf")
        let result = try fixture.dialerd(["serve", "--config", fixture.config])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot listen on 127.0.0.1:\(port): Address already in use"))
    }

    static func curl(_ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
